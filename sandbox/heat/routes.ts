// Heat v1 HTTP API under /orchestration: stacks (create, list, lookup redirects, show, update,
// delete), resources, events, outputs, signals, template validate, plus the pre-signed alarm_url.
import type { RequestContext } from '../context';
import { BodyError, type Reply } from '../http/respond';
import { Router, type Params } from '../http/router';
import { serviceAuth, unauthorizedReply } from '../http/service-auth';
import type { AuthContext, Keystone } from '../keystone/tokens';
import { HeatEngine } from './engine';
import { HEAT_TITLES, HeatError, notFound } from './errors';
import type { EventRecord, StackRecord } from './model';
import { RESOURCE_TYPES } from './resources';
import { signalSignature } from './resources/scaling-policy';
import { asTemplate, parameterDefinitions, resolveParameters, type Template } from './template';
import { eventView, outputList, resourceView, stackListItem, stackView } from './views';

const RID = 'X-Openstack-Request-Id';
const LOOKUP_SUFFIXES = ['resources', 'events', 'template', 'actions', 'snapshots', 'outputs'];

function heatError(ctx: RequestContext, e: HeatError): Reply {
  const t = HEAT_TITLES[e.code] ?? HEAT_TITLES[500];
  return { status: e.code, headers: { [RID]: ctx.requestId }, body: { code: e.code, title: t.title, explanation: t.explanation, error: { type: e.type, traceback: null, message: e.message } } };
}

/** webob's own pages (302 / 404 for unknown paths / 202) keep their {message, code, title} shape */
function webobReply(ctx: RequestContext, status: number, title: string, message: string, extra: Record<string, string> = {}): Reply {
  return { status, headers: { [RID]: ctx.requestId, ...extra }, body: { message, code: `${status} ${title}`, title } };
}

const ok = (ctx: RequestContext, status: number, body: unknown, extra: Record<string, string> = {}): Reply => ({ status, headers: { [RID]: ctx.requestId, ...extra }, body });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new HeatError(400, 'HTTPBadRequest', `"${field}" must be a mapping`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function environmentOf(body: Record<string, unknown>): Record<string, unknown> {
  if (body.environment === undefined || body.environment === null) return {};
  const env = typeof body.environment === 'string' ? asTemplate(body.environment, 'environment') : body.environment;
  if (!isObject(env)) throw new HeatError(400, 'HTTPBadRequest', '"environment" must be a mapping');
  return env;
}

/** environment.resource_registry as alias -> type/file (the per-resource "resources" section is not supported) */
function registryOf(body: Record<string, unknown>): Record<string, string> | undefined {
  const registry = environmentOf(body).resource_registry;
  if (registry === undefined) return undefined;
  if (!isObject(registry)) throw new HeatError(400, 'HTTPBadRequest', '"environment.resource_registry" must be a mapping');
  const out: Record<string, string> = {};
  for (const [alias, target] of Object.entries(registry)) {
    if (alias === 'resources') continue;
    if (typeof target !== 'string') throw new HeatError(400, 'HTTPBadRequest', `environment.resource_registry.${alias} must be a resource type or template name`);
    out[alias] = target;
  }
  return out;
}

/** parameters from the body, with environment.parameters underneath (the body wins) */
function bodyParameters(body: Record<string, unknown>): Record<string, unknown> {
  const env = environmentOf(body);
  const envParams = isObject(env.parameters) ? env.parameters : {};
  if (body.parameters !== undefined && !isObject(body.parameters)) throw new HeatError(400, 'HTTPBadRequest', '"parameters" must be a mapping');
  return { ...envParams, ...((body.parameters as Record<string, unknown>) ?? {}) };
}

function requireBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body instanceof BodyError) throw new HeatError(400, 'HTTPBadRequest', ctx.body.message);
  if (!isObject(ctx.body)) throw new HeatError(400, 'HTTPBadRequest', 'The request body must be a JSON object.');
  return ctx.body;
}

function timeoutFrom(value: unknown): number {
  if (value === undefined || value === null) return 60;
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new HeatError(400, 'HTTPBadRequest', `Invalid timeout value ${String(value)}`);
  return minutes;
}

function templateFromBody(body: Record<string, unknown>): Template {
  if (body.template === undefined) {
    if (body.template_url !== undefined) throw new HeatError(400, 'HTTPBadRequest', 'template_url is not supported by the sandbox; send the template inline.');
    throw new HeatError(400, 'HTTPBadRequest', 'No template specified');
  }
  return asTemplate(body.template);
}

export function heatRouter(engine: HeatEngine): Router<AuthContext> {
  const r = new Router<AuthContext>();
  const stackOf = (p: Params, auth: AuthContext): StackRecord => {
    const stack = engine.stack(p.id);
    if (!stack || stack.name !== p.name || stack.projectId !== auth.project!.id) throw notFound(`The Stack (${p.name}) could not be found.`);
    return stack;
  };

  r.add('POST', '/v1/:tenant/stacks', (ctx, _p, auth) => {
    const body = requireBody(ctx);
    if (typeof body.stack_name !== 'string' || body.stack_name === '') throw new HeatError(400, 'HTTPBadRequest', 'No stack name specified');
    const tags = typeof body.tags === 'string' ? body.tags.split(',').filter(Boolean) : Array.isArray(body.tags) ? body.tags.map(String) : [];
    const stack = engine.createStack({
      name: body.stack_name, template: templateFromBody(body), files: stringMap(body.files, 'files'), registry: registryOf(body), parameters: bodyParameters(body),
      projectId: auth.project!.id, owner: { id: auth.user.id, name: auth.user.name },
      disableRollback: body.disable_rollback === undefined ? true : body.disable_rollback === true || body.disable_rollback === 'true',
      timeoutMins: timeoutFrom(body.timeout_mins), tags,
    });
    const href = engine.stackUrl(stack);
    return ok(ctx, 201, { stack: { id: stack.id, links: [{ href, rel: 'self' }] } }, { Location: href });
  });

  r.add('GET', '/v1/:tenant/stacks', (ctx, _p, auth) => {
    const q = ctx.query;
    const showDeleted = q.get('show_deleted')?.toLowerCase() === 'true';
    const showNested = q.get('show_nested')?.toLowerCase() === 'true';
    const filter = (key: string) => q.getAll(key);
    const allProjects = auth.isAdmin && q.get('global_tenant')?.toLowerCase() === 'true';
    let list = engine.allStacks().filter((s) => allProjects || s.projectId === auth.project!.id)
      .filter((s) => showDeleted || !(s.action === 'DELETE' && s.status === 'COMPLETE'))
      .filter((s) => showNested || s.parentStackId === null);
    const statuses = filter('status');
    if (statuses.length) list = list.filter((s) => statuses.some((v) => v === s.status || v === `${s.action}_${s.status}`));
    const actions = filter('action');
    if (actions.length) list = list.filter((s) => actions.includes(s.action));
    const names = filter('name');
    if (names.length) list = list.filter((s) => names.includes(s.name));
    const ids = filter('id');
    if (ids.length) list = list.filter((s) => ids.includes(s.id));
    const tags = q.get('tags');
    if (tags) list = list.filter((s) => tags.split(',').every((t) => s.tags.includes(t)));
    const sortKey = q.get('sort_keys') ?? 'created_at';
    const dir = (q.get('sort_dir') ?? 'desc') === 'asc' ? 1 : -1;
    const keyOf = (s: StackRecord): string | number => (sortKey === 'stack_name' ? s.name : sortKey === 'stack_status' ? `${s.action}_${s.status}` : sortKey === 'updated_at' ? s.updatedTime ?? 0 : s.creationTime);
    list.sort((a, b) => (keyOf(a) < keyOf(b) ? -dir : keyOf(a) > keyOf(b) ? dir : 0));
    const marker = q.get('marker');
    if (marker) {
      const i = list.findIndex((s) => s.id === marker);
      if (i < 0) throw notFound(`The Stack (${marker}) could not be found.`);
      list = list.slice(i + 1);
    }
    const limit = q.get('limit');
    if (limit !== null) {
      const n = Number(limit);
      if (!Number.isInteger(n) || n < 0) throw new HeatError(400, 'HTTPBadRequest', `Invalid value for "limit": ${limit}`);
      list = list.slice(0, n);
    }
    return ok(ctx, 200, { stacks: list.map((s) => stackListItem(engine, s)) });
  });

  r.add('GET', '/v1/:tenant/stacks/:name/:id', (ctx, p, auth) => {
    const resolve = ctx.query.get('resolve_outputs')?.toLowerCase() !== 'false';
    return ok(ctx, 200, { stack: stackView(engine, stackOf(p, auth), resolve) });
  });

  r.add('DELETE', '/v1/:tenant/stacks/:name/:id', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    if (stack.action === 'DELETE' && stack.status === 'COMPLETE') throw notFound(`The Stack (${p.name}) could not be found.`);
    if (stack.parentStackId) throw new HeatError(400, 'NotSupported', 'Deleting a nested stack directly is not supported.');
    engine.deleteStack(stack.id);
    return ok(ctx, 204, undefined);
  });

  const update = (existing: boolean) => (ctx: RequestContext, p: Params, auth: AuthContext): Reply => {
    const stack = stackOf(p, auth);
    if (stack.action === 'DELETE' && stack.status === 'COMPLETE') throw notFound(`The Stack (${p.name}) could not be found.`);
    if (stack.status === 'IN_PROGRESS') throw new HeatError(409, 'ActionInProgress', `Stack ${stack.name} already has an action (${stack.action}) in progress.`);
    const body = requireBody(ctx);
    const template = body.template !== undefined ? asTemplate(body.template) : existing ? stack.template : templateFromBody(body);
    const files = body.files !== undefined ? { ...(existing ? stack.files : {}), ...stringMap(body.files, 'files') } : stack.files;
    // PATCH keeps the current values, except those named in clear_parameters (back to defaults)
    const kept = existing ? { ...stack.parameters } : {};
    if (body.clear_parameters !== undefined) {
      if (!Array.isArray(body.clear_parameters) || !body.clear_parameters.every((n) => typeof n === 'string')) {
        throw new HeatError(400, 'HTTPBadRequest', '"clear_parameters" must be a list of parameter names');
      }
      for (const name of body.clear_parameters as string[]) delete kept[name];
    }
    const params = { ...kept, ...bodyParameters(body) };
    engine.updateStack(stack.id, template, params, false, files, registryOf(body));
    return webobReply(ctx, 202, 'Accepted', 'The request is accepted for processing.<br /><br />\n\n\n');
  };
  r.add('PATCH', '/v1/:tenant/stacks/:name/:id', update(true));
  r.add('PUT', '/v1/:tenant/stacks/:name/:id', update(false));

  r.add('GET', '/v1/:tenant/stacks/:name/:id/template', (ctx, p, auth) => ok(ctx, 200, stackOf(p, auth).template));

  r.add('GET', '/v1/:tenant/stacks/:name/:id/outputs', (ctx, p, auth) => ok(ctx, 200, { outputs: outputList(engine, stackOf(p, auth), false) }));
  r.add('GET', '/v1/:tenant/stacks/:name/:id/outputs/:key', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const output = outputList(engine, stack, true).find((o) => o.output_key === p.key);
    if (!output) throw notFound(`Specified output key ${p.key} not found.`);
    return ok(ctx, 200, { output });
  });

  r.add('GET', '/v1/:tenant/stacks/:name/:id/resources', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const depth = Number(ctx.query.get('nested_depth') ?? 0);
    if (!Number.isInteger(depth) || depth < 0) throw new HeatError(400, 'HTTPBadRequest', `Invalid value for "nested_depth": ${ctx.query.get('nested_depth')}`);
    const typeFilter = ctx.query.getAll('type');
    const statusFilter = ctx.query.getAll('status');
    const nameFilter = ctx.query.getAll('name');
    const rows: Record<string, unknown>[] = [];
    const walk = (s: StackRecord, level: number, parentResource?: string) => {
      const ordered = Object.values(s.resources).sort((a, b) => b.index - a.index);
      for (const res of ordered) {
        if ((!typeFilter.length || typeFilter.includes(res.type)) && (!statusFilter.length || statusFilter.includes(res.status) || statusFilter.includes(`${res.action}_${res.status}`)) && (!nameFilter.length || nameFilter.includes(res.name))) {
          rows.push(resourceView(engine, s, res, { parentResource }));
        }
      }
      if (level >= depth) return;
      for (const res of ordered) {
        const nested = res.nestedStackId ? engine.stack(res.nestedStackId) : undefined;
        if (nested && !(nested.action === 'DELETE' && nested.status === 'COMPLETE')) walk(nested, level + 1, res.name);
      }
    };
    walk(stack, 0);
    return ok(ctx, 200, { resources: rows });
  });

  r.add('GET', '/v1/:tenant/stacks/:name/:id/resources/:res', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const res = stack.resources[p.res];
    if (!res) throw notFound(`The Resource (${p.res}) could not be found.`);
    return ok(ctx, 200, { resource: resourceView(engine, stack, res, { show: true, withAttrs: ctx.query.getAll('with_attr') }) });
  });

  // mark_unhealthy: the next stack update replaces the resource (Heat's healing path)
  r.add('PATCH', '/v1/:tenant/stacks/:name/:id/resources/:res', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const body = requireBody(ctx);
    if (typeof body.mark_unhealthy !== 'boolean') throw new HeatError(400, 'HTTPBadRequest', '"mark_unhealthy" must be true or false');
    if (body.resource_status_reason !== undefined && typeof body.resource_status_reason !== 'string') throw new HeatError(400, 'HTTPBadRequest', '"resource_status_reason" must be a string');
    engine.markUnhealthy(stack, p.res, body.mark_unhealthy, (body.resource_status_reason as string | undefined) ?? '');
    return ok(ctx, 200, null);
  });

  r.add('POST', '/v1/:tenant/stacks/:name/:id/resources/:res/signal', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const empty = ctx.rawBody.trim() === '';
    if (ctx.body instanceof BodyError) throw new HeatError(400, 'HTTPBadRequest', ctx.body.message);
    engine.signal(stack, p.res, ctx.body, empty);
    return ok(ctx, 200, null);
  });

  const listEvents = (ctx: RequestContext, stack: StackRecord, resourceName?: string): Reply => {
    const q = ctx.query;
    const depth = Number(q.get('nested_depth') ?? 0);
    const collected: { stack: StackRecord; ev: EventRecord; seq: number }[] = [];
    let seq = 0;
    const gather = (s: StackRecord, level: number) => {
      for (const ev of s.events) collected.push({ stack: s, ev, seq: seq++ });
      if (level >= depth) return;
      for (const res of Object.values(s.resources)) {
        const nested = res.nestedStackId ? engine.stack(res.nestedStackId) : undefined;
        if (nested) gather(nested, level + 1);
      }
    };
    gather(stack, 0);
    let list = collected.filter(({ ev }) => !resourceName || ev.resourceName === resourceName);
    if (resourceName && !stack.resources[resourceName] && list.length === 0) throw notFound(`The Resource (${resourceName}) could not be found.`);
    const match = (key: string, value: (ev: EventRecord) => string) => {
      const wanted = q.getAll(key);
      if (wanted.length) list = list.filter(({ ev }) => wanted.includes(value(ev)));
    };
    match('resource_action', (ev) => ev.status.split('_')[0]);
    match('resource_status', (ev) => ev.status.slice(ev.status.indexOf('_') + 1));
    match('resource_name', (ev) => ev.resourceName);
    match('resource_type', (ev) => ev.resourceType);
    const dir = (q.get('sort_dir') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
    list.sort((a, b) => (a.ev.time - b.ev.time || a.seq - b.seq) * dir);
    const marker = q.get('marker');
    if (marker) {
      const i = list.findIndex(({ ev }) => ev.id === marker);
      if (i < 0) throw notFound(`The Event (${marker}) could not be found.`);
      list = list.slice(i + 1);
    }
    const limit = q.get('limit');
    if (limit !== null) {
      const n = Number(limit);
      if (!Number.isInteger(n) || n < 0) throw new HeatError(400, 'HTTPBadRequest', `Invalid value for "limit": ${limit}`);
      list = list.slice(0, n);
    }
    return ok(ctx, 200, { events: list.map(({ stack: s, ev }) => eventView(engine, s, ev, false)) });
  };
  r.add('GET', '/v1/:tenant/stacks/:name/:id/events', (ctx, p, auth) => listEvents(ctx, stackOf(p, auth)));
  r.add('GET', '/v1/:tenant/stacks/:name/:id/resources/:res/events', (ctx, p, auth) => listEvents(ctx, stackOf(p, auth), p.res));
  r.add('GET', '/v1/:tenant/stacks/:name/:id/resources/:res/events/:eventId', (ctx, p, auth) => {
    const stack = stackOf(p, auth);
    const ev = stack.events.find((e) => e.id === p.eventId && e.resourceName === p.res);
    if (!ev) throw notFound(`The Event (${p.eventId}) could not be found.`);
    return ok(ctx, 200, { event: eventView(engine, stack, ev, true) });
  });

  r.add('POST', '/v1/:tenant/validate', (ctx) => {
    const body = requireBody(ctx);
    const template = templateFromBody(body);
    const files = stringMap(body.files, 'files');
    const hasParams = body.parameters !== undefined || (isObject(body.environment) && body.environment.parameters !== undefined);
    const params = bodyParameters(body);
    engine.validate(template, files, hasParams ? params : defaultsOnly(template), registryOf(body));
    if (hasParams) resolveParameters(template, params);
    const defs = parameterDefinitions(template);
    const typeNames: Record<string, string> = { string: 'String', number: 'Number', json: 'Json', comma_delimited_list: 'CommaDelimitedList', boolean: 'Boolean' };
    return ok(ctx, 200, {
      Description: typeof template.description === 'string' ? template.description : 'No description',
      Parameters: Object.fromEntries(Object.entries(defs).map(([name, d]) => [name, {
        Type: typeNames[d.type], Description: d.description ?? '', Label: d.label ?? name, NoEcho: d.hidden ? 'true' : 'false',
        ...(d.default !== undefined ? { Default: d.default } : {}), ...(name in params ? { Value: params[name] } : {}),
      }])),
      Environment: { parameters: params, resource_registry: { resources: {} }, parameter_defaults: {}, encrypted_param_names: [], event_sinks: [] },
    });
  });

  r.add('GET', '/v1/:tenant/resource_types', (ctx) => ok(ctx, 200, { resource_types: Object.keys(RESOURCE_TYPES).sort() }));
  return r;
}

/** for validate without parameters: missing ones are reported only when the caller sent parameters */
function defaultsOnly(template: Template): Record<string, unknown> {
  const defs = parameterDefinitions(template);
  return Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.default ?? (d.type === 'number' ? 0 : d.type === 'json' ? {} : '')]));
}

/** /stacks/<name or id>[/<resources|events|...>] -> 302 to /stacks/<name>/<id>[/...] like Heat's stack_lookup */
function lookupRedirect(engine: HeatEngine, ctx: RequestContext, auth: AuthContext): Reply | null {
  const parts = ctx.path.split('/').filter(Boolean);
  if (parts[0] !== 'v1' || parts[2] !== 'stacks' || parts.length < 4 || parts.length > 5) return null;
  if (parts.length === 5 && !LOOKUP_SUFFIXES.includes(parts[4])) return null;
  const key = decodeURIComponent(parts[3]);
  if (parts.length === 4 && ['preview', 'detail'].includes(key)) return null;
  const projectId = auth.project!.id;
  const candidates = engine.allStacks().filter((s) => s.projectId === projectId);
  const stack = candidates.find((s) => s.name === key && !(s.action === 'DELETE' && s.status === 'COMPLETE')) ?? candidates.find((s) => s.id === key);
  if (!stack) throw notFound(`The Stack (${key}) could not be found.`);
  const query = ctx.query.toString();
  const location = `${engine.stackUrl(stack)}${parts.length === 5 ? `/${parts[4]}` : ''}${query ? `?${query}` : ''}`;
  return webobReply(ctx, 302, 'Found', `The resource was found at <a href="${location}">${location}</a>;\nyou should be redirected automatically.\n\n`, { Location: location });
}

/** Aodh posts to alarm_url without a token: the signature in the URL authorises the signal. */
function presignedSignal(engine: HeatEngine, ctx: RequestContext): Reply | null {
  const m = /^\/v1\/signal\/([^/]+)\/([^/]+)\/([^/]+)\/resources\/([^/]+)$/.exec(ctx.path);
  if (!m || ctx.method !== 'POST') return null;
  const stack = engine.stack(m[3]);
  const res = stack?.resources[m[4]];
  const secret = res?.data.signalSecret;
  const path = `/orchestration${ctx.path}`;
  if (!stack || !res || typeof secret !== 'string' || ctx.query.get('Signature') !== signalSignature(secret, path)) {
    return { status: 403, headers: { [RID]: ctx.requestId }, body: { code: 403, title: 'Forbidden', explanation: HEAT_TITLES[403].explanation, error: { type: 'HTTPForbidden', traceback: null, message: 'Signature does not match' } } };
  }
  engine.signal(stack, res.name, ctx.body instanceof BodyError ? undefined : ctx.body, ctx.rawBody.trim() === '');
  return ok(ctx, 200, null);
}

export async function handleHeat(engine: HeatEngine, router: Router<AuthContext>, keystone: Keystone, ctx: RequestContext): Promise<Reply> {
  try {
    if (ctx.path === '/' || ctx.path === '') {
      return ok(ctx, 300, { versions: [{ status: 'CURRENT', id: 'v1.0', links: [{ href: `${ctx.baseUrl}/orchestration/v1/`, rel: 'self' }] }] });
    }
    const presigned = presignedSignal(engine, ctx);
    if (presigned) return presigned;
    const auth = serviceAuth(keystone, ctx);
    if (!auth) return unauthorizedReply(ctx, RID);
    const tenant = ctx.path.split('/')[2];
    if (tenant && tenant !== auth.project!.id) {
      return heatError(ctx, new HeatError(403, 'Forbidden', `You are not authorized to use this project (${tenant}); the token is scoped to ${auth.project!.id}.`));
    }
    const redirect = lookupRedirect(engine, ctx, auth);
    if (redirect) return redirect;
    const found = router.match(ctx.method, ctx.path);
    if (found === null) return webobReply(ctx, 404, 'Not Found', 'The resource could not be found.<br /><br />\n\n\n');
    if (found === 'method-not-allowed') return webobReply(ctx, 405, 'Method Not Allowed', 'The method is not allowed for this resource.');
    return await found.handler(ctx, found.params, auth);
  } catch (e) {
    if (e instanceof HeatError) return heatError(ctx, e);
    throw e;
  }
}

