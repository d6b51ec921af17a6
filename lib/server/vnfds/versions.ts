// Version history of a VNFD and the dashboard's catalog summary (counts Tacker's API lacks).
import { notFound } from '../api/errors';
import type { ApiContext } from '../api/route';
import { db } from '../db';
import { findVnfd, listVnfds, liveVnfsOf } from './service';
import { tackerTime } from '../api/time';

type Ctx = Pick<ApiContext<unknown>, 'identity' | 'authorize' | 'allowed'>;

export interface VnfdVersionView {
  version: number;
  author: string;
  created_at: string;
  current: boolean;
}

export async function listVersions(ctx: Ctx, vnfdId: string): Promise<{ versions: VnfdVersionView[] }> {
  const { row } = await findVnfd(ctx, vnfdId);
  const versions = await db().vnfdVersion.findMany({ where: { vnfdId }, orderBy: { version: 'desc' }, select: { version: true, author: true, createdAt: true } });
  return { versions: versions.map((v) => ({ version: v.version, author: v.author, created_at: tackerTime(v.createdAt), current: v.version === row.currentVersion })) };
}

export async function showVersion(ctx: Ctx, vnfdId: string, versionText: string) {
  await findVnfd(ctx, vnfdId);
  const version = Number(versionText);
  const row = Number.isInteger(version) ? await db().vnfdVersion.findUnique({ where: { vnfdId_version: { vnfdId, version } } }) : null;
  if (!row) throw notFound('VNFDVersion', `${vnfdId} v${versionText}`);
  return { version: { version: row.version, author: row.author, created_at: tackerTime(row.createdAt), template: row.template } };
}

/** VNFs launched from this VNFD, with the version each was launched from. */
export async function vnfsUsing(ctx: Ctx, vnfdId: string) {
  await findVnfd(ctx, vnfdId);
  const vnfs = await liveVnfsOf(db(), vnfdId);
  const visible = [];
  for (const v of vnfs) {
    if (await ctx.allowed('get_vnf', { tenant_id: v.tenantId })) {
      visible.push({ id: v.id, name: v.name, status: v.status, vnfd_version: v.vnfdVersion, created_at: tackerTime(v.createdAt) });
    }
  }
  return { vnfs: visible };
}

/** The catalog table: every readable VNFD with its version and usage counts. */
export async function catalogSummary(ctx: Ctx, templateSource: string | null) {
  const views = await listVnfds(ctx, templateSource ?? 'all');
  const ids = views.map((v) => v.id);
  const [versionCounts, vnfCounts, currents] = await Promise.all([
    db().vnfdVersion.groupBy({ by: ['vnfdId'], where: { vnfdId: { in: ids } }, _count: { _all: true } }),
    db().vnf.groupBy({ by: ['vnfdId'], where: { vnfdId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
    db().vnfd.findMany({ where: { id: { in: ids } }, select: { id: true, currentVersion: true } }),
  ]);
  const versionsOf = new Map(versionCounts.map((c) => [c.vnfdId, c._count._all]));
  const vnfsOf = new Map(vnfCounts.map((c) => [c.vnfdId, c._count._all]));
  const currentOf = new Map(currents.map((c) => [c.id, c.currentVersion]));
  return {
    vnfds: views.map(({ attributes: _template, ...v }) => ({
      ...v,
      current_version: currentOf.get(v.id) ?? 1,
      version_count: versionsOf.get(v.id) ?? 0,
      vnf_count: vnfsOf.get(v.id) ?? 0,
    })),
  };
}
