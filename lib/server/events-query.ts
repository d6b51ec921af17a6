// Reading the event log through the API: scoped by project and by policy (Tacker's were not).
import { nextPageHref } from './api/collection';
import { badRequest, notFound } from './api/errors';
import type { ApiContext } from './api/route';
import { db } from './db';
import { eventView } from './events';
import { projectScope } from './scope';

const MAX_LIMIT = 1000;

export async function listEvents(ctx: ApiContext<undefined>) {
  const q = ctx.query;
  const limit = q.has('limit') ? Number(q.get('limit')) : MAX_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw badRequest(`Invalid input for limit: '${q.get('limit')}' is not a positive integer`);
  const marker = q.get('marker');
  if (marker !== null && !/^\d+$/.test(marker)) throw badRequest(`Invalid input for marker: '${marker}' is not an event id`);
  const where = {
    ...projectScope(ctx.identity),
    ...(q.get('resource_id') ? { resourceId: q.get('resource_id')! } : {}),
    ...(q.get('resource_type') ? { resourceType: q.get('resource_type')! } : {}),
    ...(q.get('event_type') ? { eventType: q.get('event_type')! } : {}),
    ...(q.get('resource_state') ? { resourceState: q.get('resource_state')! } : {}),
    ...(marker ? { id: { lt: Number(marker) } } : {}),
  };
  const rows = await db().event.findMany({ where, orderBy: { id: 'desc' }, take: Math.min(limit, MAX_LIMIT) + 1 });
  const page = rows.slice(0, Math.min(limit, MAX_LIMIT));
  const events = [];
  for (const row of page) {
    const view = eventView(row);
    if (await ctx.allowed('get_event', view)) events.push(view);
  }
  const body: Record<string, unknown> = { events };
  if (rows.length > page.length && page.length) {
    body.events_links = [{ rel: 'next', href: nextPageHref(ctx.req, String(page[page.length - 1].id), limit) }];
  }
  return body;
}

export async function showEvent(ctx: ApiContext<undefined>) {
  const id = Number(ctx.params.id?.replace(/\.json$/, ''));
  const row = Number.isInteger(id) ? await db().event.findFirst({ where: { id, ...projectScope(ctx.identity) } }) : null;
  if (!row) throw notFound('Event', ctx.params.id);
  const view = eventView(row);
  await ctx.authorize('get_event', view, notFound('Event', ctx.params.id));
  return { event: view };
}
