// Heat events: what the engine records on every state change and signal.
import { uuid } from '../util';
import type { Action, ResourceRecord, StackRecord } from './model';

export function addResourceEvent(stack: StackRecord, res: ResourceRecord, action: Action, status: string, reason: string): void {
  stack.events.push({
    id: uuid(), time: Date.now(), resourceName: res.name, resourceType: res.type, physicalId: res.physicalId,
    status: `${action}_${status}`, reason, properties: res.nextProperties ?? res.properties,
  });
}

/** Stack-level events carry the stack's name and id in the resource fields, like Heat's. */
export function addStackEvent(stack: StackRecord, action: string, status: string, reason: string): void {
  stack.events.push({
    id: uuid(), time: Date.now(), resourceName: stack.name, resourceType: 'OS::Heat::Stack', physicalId: stack.id,
    status: `${action}_${status}`, reason, properties: {},
  });
}

/** Heat's event reason for a signal: alarm transitions, a given reason, or "Unknown". */
export function signalReason(details: unknown, emptyBody: boolean): string {
  if (emptyBody || details === undefined || details === null) return 'No signal details provided';
  if (typeof details === 'object' && !Array.isArray(details)) {
    const d = details as Record<string, unknown>;
    if (d.previous !== undefined && d.current !== undefined) {
      return `alarm state changed from ${String(d.previous)} to ${String(d.current)}${d.reason ? ` (${String(d.reason)})` : ''}`;
    }
    if (typeof d.reason === 'string') return d.reason;
  }
  return 'Unknown';
}
