// The Tacker v1.0 API shape of a VNF row.
import type { Db } from '../db';

export type VnfRow = NonNullable<Awaited<ReturnType<Db['vnf']['findUnique']>>>;
type VimRef = { id: string; name: string } | null | undefined;

/** Tacker prints times as "2016-10-25 10:15:06". */
export function tackerTime(d: Date | null | undefined): string | null {
  return d ? d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '') : null;
}

export function parseAttributes(text: string): Record<string, string> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

export function vnfView(row: VnfRow, vim?: VimRef) {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    name: row.name,
    description: row.description,
    vnfd_id: row.vnfdId,
    vim_id: row.vimId,
    instance_id: row.instanceId,
    status: row.status,
    // Tacker renamed mgmt_url to mgmt_ip_address; clients of both ages read one of them.
    mgmt_url: row.mgmtUrl,
    mgmt_ip_address: row.mgmtUrl,
    error_reason: row.errorReason,
    placement_attr: { ...(row.regionName ? { region_name: row.regionName } : {}), ...(vim ? { vim_name: vim.name } : {}) },
    attributes: parseAttributes(row.attributes),
    created_at: tackerTime(row.createdAt),
    updated_at: row.updatedAt.getTime() === row.createdAt.getTime() ? null : tackerTime(row.updatedAt),
  };
}
export type VnfView = ReturnType<typeof vnfView>;
