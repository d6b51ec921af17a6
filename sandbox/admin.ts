// The sandbox's own admin API under /sandbox (admin token required): fault injection, token
// expiry, and firing alarms the way Aodh would (there are no metrics to evaluate them).
import { header, type RequestContext } from './context';
import { FaultInputError, mergeFaults, noFaults } from './faults';
import type { Reply } from './http/respond';
import { Router } from './http/router';
import { keystoneError } from './keystone/routes';
import type { Keystone } from './keystone/tokens';
import type { Store } from './store';
import type { Alarm } from './cloud/model';

const ALARM_STATES = ['alarm', 'ok', 'insufficient data'] as const;
const DELIVERY_TIMEOUT_MS = 10_000;

function alarmView(alarm: Alarm) {
  return { id: alarm.id, name: alarm.name, type: alarm.type, project_id: alarm.projectId, state: alarm.state, enabled: alarm.enabled, alarm_actions: alarm.alarmActions };
}

/** POSTs Aodh's webhook body to one action URL; reports the answer instead of throwing. */
async function deliver(url: string, body: unknown): Promise<{ url: string; status?: number; error?: string }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    await res.arrayBuffer();
    return { url, status: res.status };
  } catch (e) {
    return { url, error: (e as Error).message };
  }
}

export function adminRouter(store: Store, keystone: Keystone): Router {
  const r = new Router();
  const ok = (ctx: RequestContext, body: unknown): Reply => ({ status: 200, headers: { 'x-openstack-request-id': ctx.requestId }, body });
  const faults = () => store.state.faults;

  r.add('GET', '/faults', (ctx) => ok(ctx, { faults: faults() }));
  r.add('POST', '/faults', (ctx) => {
    try {
      store.state.faults = mergeFaults(faults(), ctx.body ?? {});
    } catch (e) {
      if (e instanceof FaultInputError) return keystoneError(ctx, 400, `Invalid fault settings: ${e.message}`);
      throw e;
    }
    store.changed();
    return ok(ctx, { faults: faults() });
  });
  r.add('DELETE', '/faults', (ctx) => {
    store.state.faults = noFaults();
    store.changed();
    return ok(ctx, { faults: faults() });
  });
  r.add('POST', '/expire-tokens', (ctx) => ok(ctx, { expired: keystone.expireAll() }));

  r.add('GET', '/alarms', (ctx) => ok(ctx, { alarms: store.state.cloud.alarms.map(alarmView) }));
  r.add('POST', '/alarms/:ref/fire', async (ctx, p) => {
    const alarm = store.state.cloud.alarms.find((a) => a.id === p.ref) ?? store.state.cloud.alarms.find((a) => a.name === p.ref);
    if (!alarm) return keystoneError(ctx, 404, `Could not find alarm: ${p.ref}.`);
    const body = (ctx.body ?? {}) as { state?: unknown; reason?: unknown };
    if (typeof body !== 'object' || body === null) return keystoneError(ctx, 400, 'Invalid input: the body must be a JSON object');
    const state = body.state ?? 'alarm';
    if (typeof state !== 'string' || !(ALARM_STATES as readonly string[]).includes(state)) {
      return keystoneError(ctx, 400, `Invalid input for field 'state': must be one of ${ALARM_STATES.join(', ')}`);
    }
    if (body.reason !== undefined && typeof body.reason !== 'string') return keystoneError(ctx, 400, "Invalid input for field 'reason': must be a string");
    const previous = alarm.state;
    alarm.state = state as Alarm['state'];
    store.changed();
    const reason = (body.reason as string | undefined) ?? `Transition to ${state} due to sandbox fire request`;
    // Aodh's webhook notifier body
    const payload = { alarm_name: alarm.name, alarm_id: alarm.id, severity: 'low', previous, current: state, reason, reason_data: { type: 'sandbox' } };
    const urls = state === 'alarm' && alarm.enabled ? alarm.alarmActions : [];
    const deliveries = await Promise.all(urls.map((url) => deliver(url, payload)));
    return ok(ctx, { alarm: alarmView(alarm), deliveries });
  });
  return r;
}

export async function handleAdmin(router: Router, keystone: Keystone, ctx: RequestContext): Promise<Reply> {
  const auth = keystone.authContext(header(ctx, 'x-auth-token'));
  if (!auth) return keystoneError(ctx, 401, 'The request you have made requires authentication.');
  if (!auth.isAdmin) return keystoneError(ctx, 403, 'The sandbox admin API needs a token with the admin role.');
  const found = router.match(ctx.method, ctx.path);
  if (found === null) return keystoneError(ctx, 404, 'The resource could not be found.');
  if (found === 'method-not-allowed') return keystoneError(ctx, 405, 'The method is not allowed for the requested URL.');
  return found.handler(ctx, found.params, undefined);
}
