// VNFD catalog operations: onboarding, listing, updating (a new template = a new version) and
// deleting, each change written with its Event in one transaction.
import { randomUUID } from 'node:crypto';
import type { ApiContext } from '../api/route';
import { badRequest, conflict, notFound } from '../api/errors';
import { db, type Tx } from '../db';
import { recordEvent } from '../events';
import { projectScope } from '../scope';
import type { CreateVnfdInput, UpdateVnfdInput } from './attributes';
import { checkTemplate } from './template';
import { vnfdView, type VnfdView } from './view';

/** Tacker's event states for VNFDs (constants.RES_EVT_ONBOARDED / RES_EVT_NA_STATE). */
const STATE_ONBOARDED = 'OnBoarded';
const STATE_NA = 'Not Applicable';

type Ctx = Pick<ApiContext<unknown>, 'identity' | 'authorize' | 'allowed'>;

const withCurrentTemplate = { versions: { orderBy: { version: 'desc' as const }, take: 1 } };

/**
 * The VNFD row (with its current template) if the caller may see it, else 404. With `action`
 * (update_vnfd, delete_vnfd), a VNFD the caller sees but may not change is a 403.
 */
export async function findVnfd(ctx: Ctx, id: string, action?: string) {
  const row = await db().vnfd.findFirst({ where: { id, deletedAt: null, ...projectScope(ctx.identity) }, include: withCurrentTemplate });
  if (!row) throw notFound('VNFD', id);
  const view = vnfdView(row, row.versions[0]?.template ?? '');
  await ctx.authorize('get_vnfd', view, notFound('VNFD', id));
  if (action) await ctx.authorize(action, view);
  return { row, view };
}

/**
 * The VNFDs the caller may read. Like Tacker, the list shows onboarded VNFDs unless
 * `template_source` asks for `inline` ones (made by `vnf create --vnfd-template`) or `all`.
 */
export async function listVnfds(ctx: Ctx, templateSource: string | null): Promise<VnfdView[]> {
  const source = templateSource ?? 'onboarded';
  if (!['onboarded', 'inline', 'all'].includes(source)) throw badRequest(`Invalid input for template_source: '${source}' is not one of onboarded, inline, all`);
  const rows = await db().vnfd.findMany({
    where: { deletedAt: null, ...projectScope(ctx.identity), ...(source === 'all' ? {} : { templateSource: source }) },
    include: withCurrentTemplate,
    orderBy: { createdAt: 'asc' },
  });
  const views: VnfdView[] = [];
  for (const row of rows) {
    const view = vnfdView(row, row.versions[0]?.template ?? '');
    if (await ctx.allowed('get_vnfd', view)) views.push(view);
  }
  return views;
}

export async function createVnfd(ctx: Ctx, input: CreateVnfdInput): Promise<VnfdView> {
  const checked = checkTemplate(input.attributes.vnfd);
  const name = input.name || checked.templateName || '';
  if (!name) throw badRequest('Invalid input for name: is required (or set metadata.template_name in the template)', [{ field: 'name', message: 'is required' }]);
  const id = randomUUID();
  const now = new Date();
  const tenantId = input.tenant_id || ctx.identity.projectId;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.vnfd.create({
      data: {
        id,
        tenantId,
        name,
        description: input.description || checked.description || '',
        serviceTypes: JSON.stringify(input.service_types.map((s) => ({ service_type: s.service_type, id: randomUUID() }))),
        templateSource: input.template_source,
        currentVersion: 1,
        createdAt: now,
        updatedAt: now,
      },
    });
    await tx.vnfdVersion.create({ data: { id: randomUUID(), vnfdId: id, version: 1, template: checked.text, author: ctx.identity.userName, createdAt: now } });
    await recordEvent(tx, { tenantId, resourceId: id, resourceType: 'vnfd', resourceState: STATE_ONBOARDED, eventType: 'CREATE', details: 'VNFD UUID assigned' });
    return created;
  });
  return vnfdView(row, checked.text);
}

/** Name/description change in place; a changed template becomes version N+1 (author recorded). */
export async function updateVnfd(ctx: Ctx, id: string, input: UpdateVnfdInput): Promise<VnfdView> {
  const { row } = await findVnfd(ctx, id, 'update_vnfd');
  const current = row.versions[0];
  const checked = input.attributes ? checkTemplate(input.attributes.vnfd) : null;
  const newTemplate = checked && checked.text !== current?.template ? checked.text : null;
  const { updated, template } = await db().$transaction(async (tx) => {
    let version = row.currentVersion;
    if (newTemplate) {
      version = await nextVersion(tx, id);
      await tx.vnfdVersion.create({ data: { id: randomUUID(), vnfdId: id, version, template: newTemplate, author: ctx.identity.userName } });
    }
    const updated = await tx.vnfd.update({
      where: { id },
      data: {
        ...(input.name !== undefined && input.name !== '' ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        currentVersion: version,
        updatedAt: new Date(),
      },
    });
    const changed = [
      ...(input.name && input.name !== row.name ? ['name'] : []),
      ...(input.description !== undefined && input.description !== row.description ? ['description'] : []),
      ...(newTemplate ? ['template'] : []),
    ];
    await recordEvent(tx, {
      tenantId: row.tenantId,
      resourceId: id,
      resourceType: 'vnfd',
      resourceState: STATE_NA,
      eventType: 'UPDATE',
      details: { changed, version, author: ctx.identity.userName },
    });
    return { updated, template: newTemplate ?? current?.template ?? '' };
  });
  return vnfdView(updated, template);
}

async function nextVersion(tx: Tx, vnfdId: string): Promise<number> {
  const last = await tx.vnfdVersion.findFirst({ where: { vnfdId }, orderBy: { version: 'desc' }, select: { version: true } });
  return (last?.version ?? 0) + 1;
}

/** Live VNFs (not deleted) launched from this VNFD. */
export function liveVnfsOf(tx: Tx | ReturnType<typeof db>, vnfdId: string) {
  return tx.vnf.findMany({ where: { vnfdId, deletedAt: null }, select: { id: true, name: true, status: true, vnfdVersion: true, tenantId: true, createdAt: true } });
}

/** Soft delete (VNFs keep their history); refused with 409 while a live VNF uses the VNFD. */
export async function deleteVnfd(ctx: Ctx, id: string): Promise<void> {
  const { row } = await findVnfd(ctx, id, 'delete_vnfd');
  await db().$transaction(async (tx) => {
    const users = await liveVnfsOf(tx, id);
    if (users.length) {
      throw conflict('VNFDInUse', `VNFD ${id} is still in use by VNF(s) ${users.map((v) => v.id).join(', ')}`, { vnf_ids: users.map((v) => v.id) });
    }
    await tx.vnfd.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordEvent(tx, { tenantId: row.tenantId, resourceId: id, resourceType: 'vnfd', resourceState: STATE_NA, eventType: 'DELETE', details: 'VNFD deleted' });
  });
}
