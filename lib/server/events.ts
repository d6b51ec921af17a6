// Tacker's event log: every status change of a VIM, VNFD or VNF is written in the same
// transaction as the change itself, so the log can never disagree with the data.
import { tackerTime } from './api/time';
import type { Db, Tx } from './db';

export type EventResourceType = 'vim' | 'vnfd' | 'vnf';
/** Tacker's event types (tacker/common/constants.py RES_EVT_*). */
export type EventType = 'CREATE' | 'UPDATE' | 'DELETE' | 'SCALE' | 'MONITOR' | 'HEAL' | 'ONBOARDED';

export interface EventInput {
  tenantId: string;
  resourceId: string;
  resourceType: EventResourceType;
  resourceState: string;
  eventType: EventType;
  details?: string | Record<string, unknown>;
}

export function recordEvent(tx: Tx | Db, e: EventInput) {
  return tx.event.create({
    data: {
      tenantId: e.tenantId,
      resourceId: e.resourceId,
      resourceType: e.resourceType,
      resourceState: e.resourceState,
      eventType: e.eventType,
      eventDetails: typeof e.details === 'string' ? e.details : e.details ? JSON.stringify(e.details) : '',
    },
  });
}

/** The API/Tacker shape of an event row. */
export function eventView(row: { id: number; resourceId: string; resourceType: string; resourceState: string; eventType: string; timestamp: Date; eventDetails: string; tenantId: string }) {
  return {
    id: row.id,
    resource_id: row.resourceId,
    resource_type: row.resourceType,
    resource_state: row.resourceState,
    event_type: row.eventType,
    timestamp: tackerTime(row.timestamp),
    event_details: row.eventDetails,
    tenant_id: row.tenantId,
  };
}
