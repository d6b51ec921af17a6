// VNF operations behind the v1.0 API: launch, update, delete, scale. Each one checks the state
// machine, writes the VNF change + Event + durable Job in one transaction, then wakes the runner.
import { randomUUID } from 'node:crypto';
import YAML from 'yaml';
import { toYaml, translate, type TemplateError } from '@/lib/tosca';
import type { Identity } from '../auth/identity';
import { badRequest, conflict, notFound } from '../api/errors';
import { db } from '../db';
import { recordEvent } from '../events';
import { projectScope } from '../scope';
import { defaultVimFor } from '../vims/connect';
import type { CreateVnfInput } from './attributes';
import { vnfBus } from './bus';
import { publishVnf } from './changes';
import { enqueueJob } from './jobs';
import { processRunner } from './runner';
import { ACTIONS, transitionError, type VnfAction } from '@/lib/lifecycle/vnf-states';
import { parseAttributes, type VnfRow } from './view';
import { connectVimCloud, vimRegions } from './vim-cloud';

const STACK_TIMEOUT_MINS = Number(process.env.TRELLIS_STACK_TIMEOUT_MINS || 10);
/** How long a create waits for the runner's Heat call so the 201 can carry instance_id. */
const CREATE_WAIT_MS = 10_000;

/** The VNFs the caller may see (their project; admin: all), not deleted. */
export function visibleVnfsWhere(identity: Identity) {
  return { ...projectScope(identity), deletedAt: null };
}

export async function findVisibleVnf(identity: Identity, id: string): Promise<VnfRow> {
  const row = await db().vnf.findFirst({ where: { id, ...visibleVnfsWhere(identity) } });
  if (!row) throw notFound('VNF', id);
  return row;
}

/** Heat stack names: a letter first, then letters, digits, "_", "-", "."; unique by the VNF id. */
export function stackNameFor(name: string, id: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80);
  return `vnf-${safe}-${id}`;
}

/** param_values / config: YAML text or an object -> object, 400 naming the field on bad YAML. */
function yamlField(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value as Record<string, unknown>;
  try {
    const parsed = YAML.parse(value);
    if (parsed === null || parsed === undefined) return undefined;
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest(`Invalid input for ${field}: must be a YAML mapping`, [{ field, message: 'must be a YAML mapping' }]);
    return parsed;
  } catch (e) {
    if (e instanceof YAML.YAMLError) {
      const pos = e.linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      throw badRequest(`Invalid input for ${field}: YAML syntax error${where}: ${e.message.split('\n')[0]}`, [{ field, message: e.message.split('\n')[0], line: pos?.line, column: pos?.col }]);
    }
    throw e;
  }
}

function templateErrorsToBadRequest(errors: TemplateError[], field: string) {
  const described = errors.map((e) => ({
    field: e.code === 'bad_param_values' || e.code === 'missing_input' ? 'attributes.param_values' : field,
    message: e.message,
    path: e.path,
    ...(e.line !== undefined ? { line: e.line, column: e.column } : {}),
  }));
  const first = described[0];
  const where = first.line !== undefined ? ` (line ${first.line}, column ${first.column})` : '';
  const at = first.path ? ` at ${first.path}` : '';
  return badRequest(`Invalid input for ${first.field}: ${first.message}${at}${where}`, described);
}

async function resolveVnfd(identity: Identity, input: CreateVnfInput) {
  if (input.vnfd_id && input.vnfd_template) throw badRequest('Invalid input: give either vnfd_id or vnfd_template, not both', [{ field: 'vnfd_id', message: 'conflicts with vnfd_template' }]);
  if (input.vnfd_template) {
    const text = typeof input.vnfd_template === 'string' ? input.vnfd_template : YAML.stringify(input.vnfd_template);
    return { inline: true as const, vnfd: null, version: 1, text };
  }
  if (!input.vnfd_id) throw badRequest('Invalid input for vnf.vnfd_id: vnfd_id or vnfd_template is required', [{ field: 'vnf.vnfd_id', message: 'is required (or vnfd_template)' }]);
  const vnfd = await db().vnfd.findFirst({ where: { id: input.vnfd_id, deletedAt: null, ...projectScope(identity) }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
  if (!vnfd) throw notFound('VNFD', input.vnfd_id);
  const latest = vnfd.versions.find((v) => v.version === vnfd.currentVersion) ?? vnfd.versions[0];
  if (!latest) throw badRequest(`VNFD ${vnfd.id} has no template`);
  return { inline: false as const, vnfd, version: latest.version, text: latest.template };
}

async function resolveVim(identity: Identity, vimId: string | null, tenantId: string) {
  if (!vimId) {
    const vim = await defaultVimFor(tenantId);
    if (!vim) throw badRequest('Invalid input for vnf.vim_id: no vim_id given and the project has no default VIM', [{ field: 'vnf.vim_id', message: 'no default VIM in this project' }]);
    return vim;
  }
  // (Prisma treats `OR: [{}]` as false, so an admin's empty scope must not go inside OR.)
  const scope = identity.isAdmin ? {} : { OR: [projectScope(identity), { shared: true }] };
  const vim = await db().vim.findFirst({ where: { id: vimId, deletedAt: null, ...scope } });
  if (!vim) throw notFound('Vim', vimId);
  return vim;
}

async function checkRegion(vim: Awaited<ReturnType<typeof resolveVim>>, region: string | undefined) {
  if (!region) return;
  let regions = vimRegions(vim);
  if (!regions.length) regions = (await (await connectVimCloud(vim)).keystone.regions()).map((r) => r.id);
  if (!regions.includes(region)) {
    throw badRequest(`Invalid input for vnf.placement_attr.region_name: '${region}' is not a region of VIM ${vim.name} (regions: ${regions.join(', ') || 'none'})`, [{ field: 'vnf.placement_attr.region_name', message: `not one of ${regions.join(', ')}` }]);
  }
}

/** POST /v1.0/vnfs: validate and translate, then PENDING_CREATE + Event + create Job in one transaction. */
export async function launchVnf(identity: Identity, input: CreateVnfInput): Promise<VnfRow> {
  const tenantId = identity.isAdmin && input.tenant_id ? input.tenant_id : identity.projectId;
  const source = await resolveVnfd(identity, input);
  const paramValues = yamlField(input.attributes.param_values, 'vnf.attributes.param_values');
  const config = yamlField(input.attributes.config, 'vnf.attributes.config');
  const vim = await resolveVim(identity, input.vim_id, tenantId);
  await checkRegion(vim, input.placement_attr.region_name);

  const result = translate(source.text, { paramValues: paramValues ?? {} });
  if (result.errors.length || !result.template) throw templateErrorsToBadRequest(result.errors.length ? result.errors : [{ message: 'translation produced no template', path: '' }], source.inline ? 'vnf.vnfd_template' : 'vnfd');

  const id = randomUUID();
  const stackName = stackNameFor(input.name, id);
  const files = Object.fromEntries(Object.entries(result.files).map(([name, tpl]) => [name, toYaml(tpl)]));
  // Tacker's vnf attributes: text values (heat_template, nested templates by file name, ...)
  const attributes: Record<string, string> = { heat_template: toYaml(result.template), ...files };
  if (paramValues) attributes.param_values = YAML.stringify(paramValues);
  if (config) attributes.config = YAML.stringify(config);
  if (result.monitoringPolicyJson) attributes.monitoring_policy = result.monitoringPolicyJson;
  if (result.scalingGroupNames && Object.keys(result.scalingGroupNames).length) attributes.scaling_group_names = JSON.stringify(result.scalingGroupNames);

  const { row, events } = await db().$transaction(async (tx) => {
    let vnfdId = source.vnfd?.id;
    if (source.inline) {
      vnfdId = randomUUID();
      await tx.vnfd.create({ data: { id: vnfdId, tenantId, name: `tmpl-${vnfdId}-${input.name}`.slice(0, 255), description: input.description, templateSource: 'inline', currentVersion: 1, serviceTypes: JSON.stringify([{ service_type: 'vnfd' }]) } });
      await tx.vnfdVersion.create({ data: { id: randomUUID(), vnfdId, version: 1, template: source.text, author: identity.userName } });
    }
    const row = await tx.vnf.create({
      data: { id, tenantId, name: input.name, description: input.description, vnfdId: vnfdId!, vnfdVersion: source.version, vimId: vim.id, regionName: input.placement_attr.region_name ?? null, stackName, status: 'PENDING_CREATE', attributes: JSON.stringify(attributes) },
    });
    const event = await recordEvent(tx, { tenantId, resourceId: id, resourceType: 'vnf', resourceState: 'PENDING_CREATE', eventType: 'CREATE', details: 'VNF UUID assigned.' });
    vnfBus().markLocal(event.id);
    await enqueueJob(tx, id, { kind: 'create', stackName, template: result.template!, files, parameters: {}, timeoutMins: STACK_TIMEOUT_MINS });
    return { row, events: [event] };
  });
  await publishVnf(row, events);
  await waitForRunner();
  return (await db().vnf.findUnique({ where: { id } }))!;
}

async function waitForRunner() {
  const runner = processRunner();
  if (!runner) return;
  await Promise.race([runner.kick(), new Promise((r) => setTimeout(r, CREATE_WAIT_MS))]);
}

/** Moves an idle VNF into the pending state of `action` (409 naming the current state otherwise). */
async function startAction(identity: Identity, id: string, action: VnfAction, opts: { force?: boolean; details: string; attributes?: Record<string, string>; job: Parameters<typeof enqueueJob>[2] }) {
  const { row, event } = await db().$transaction(async (tx) => {
    const current = await tx.vnf.findFirst({ where: { id, ...visibleVnfsWhere(identity) } });
    if (!current) throw notFound('VNF', id);
    const refusal = transitionError(action, current.status, { force: opts.force });
    if (refusal) throw conflict('VNFInvalidState', `VNF ${id} is in state ${current.status}: ${refusal}`, { current_state: current.status, action });
    const pending = ACTIONS[action].pending;
    // Compare-and-set on the status: a concurrent action loses instead of doubling the work.
    const moved = await tx.vnf.updateMany({ where: { id, status: current.status }, data: { status: pending, ...(opts.attributes ? { attributes: JSON.stringify(opts.attributes) } : {}) } });
    if (moved.count !== 1) throw conflict('VNFInvalidState', `VNF ${id} changed state meanwhile; try again`, { current_state: current.status, action });
    if (opts.force) await tx.job.updateMany({ where: { vnfId: id, status: { in: ['QUEUED', 'WAITING'] } }, data: { status: 'FAILED', lastError: 'superseded by a forced delete', leaseOwner: null, leaseUntil: null } });
    await enqueueJob(tx, id, opts.job);
    const event = await recordEvent(tx, { tenantId: current.tenantId, resourceId: id, resourceType: 'vnf', resourceState: pending, eventType: action === 'delete' ? 'DELETE' : action === 'update' ? 'UPDATE' : 'SCALE', details: opts.details });
    vnfBus().markLocal(event.id);
    return { row: (await tx.vnf.findUnique({ where: { id } }))!, event };
  });
  await publishVnf(row, [event]);
  void processRunner()?.kick();
  return row;
}

export function deleteVnf(identity: Identity, id: string, force = false) {
  return startAction(identity, id, 'delete', { force, details: force ? 'VNF delete request received (force)' : 'VNF delete request received', job: { kind: 'delete' } });
}

export async function scaleVnf(identity: Identity, id: string, scale: { type: 'out' | 'in'; policy: string }) {
  const row = await findVisibleVnf(identity, id);
  const groups = parseAttributes(row.attributes).scaling_group_names;
  const known = groups ? Object.keys(JSON.parse(groups) as Record<string, string>) : [];
  if (!known.includes(scale.policy)) {
    throw badRequest(`Invalid input for scale.policy: VNF ${id} has no scaling policy '${scale.policy}'${known.length ? ` (policies: ${known.join(', ')})` : ' (it has no scaling policies)'}`, [{ field: 'scale.policy', message: 'unknown scaling policy' }]);
  }
  const groupResource = (JSON.parse(groups!) as Record<string, string>)[scale.policy];
  return startAction(identity, id, scale.type === 'out' ? 'scale_out' : 'scale_in', {
    details: `VNF scale ${scale.type} request received (policy ${scale.policy})`,
    job: { kind: 'scale', type: scale.type, policy: scale.policy, policyResource: `${scale.policy}_scale_${scale.type}`, groupResource },
  });
}

/** PUT attributes.config: merged into the stored config (Tacker merges VDU configs), then PENDING_UPDATE. */
export async function updateVnfConfig(identity: Identity, id: string, attributes: { config?: unknown; param_values?: unknown }) {
  if (attributes.param_values !== undefined) throw badRequest('Invalid input for vnf.attributes.param_values: cannot be changed after launch', [{ field: 'vnf.attributes.param_values', message: 'not updatable' }]);
  const config = yamlField(attributes.config, 'vnf.attributes.config');
  if (!config) throw badRequest('Invalid input for vnf.attributes.config: a configuration is required', [{ field: 'vnf.attributes.config', message: 'is required' }]);
  const row = await findVisibleVnf(identity, id);
  const stored = parseAttributes(row.attributes);
  const merged = deepMerge((stored.config ? YAML.parse(stored.config) : {}) ?? {}, config);
  return startAction(identity, id, 'update', { details: 'VNF configuration update request received', attributes: { ...stored, config: YAML.stringify(merged) }, job: { kind: 'update' } });
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && v && typeof prev === 'object' && typeof v === 'object' && !Array.isArray(prev) && !Array.isArray(v) ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
