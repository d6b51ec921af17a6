// Browser-side helpers of the VNF pages (pure): mgmt addresses, scaling policies, allowed actions.
import { ACTIONS, canStart, type VnfAction } from '@/lib/lifecycle/vnf-states';
import type { VnfRow } from '@/lib/client/stream';

export type VnfListRow = VnfRow & { vnfd_name?: string | null; vnfd_version?: number | null };

/** mgmt_url '{"VDU1": "10.0.0.3"}' or '{"VDU1": ["a", "b"]}' -> [{vdu, ip}] */
export function mgmtAddresses(mgmtUrl: string | null): { vdu: string; ip: string }[] {
  if (!mgmtUrl) return [];
  try {
    const parsed = JSON.parse(mgmtUrl) as Record<string, string | string[]>;
    return Object.entries(parsed).flatMap(([vdu, ips]) => (Array.isArray(ips) ? ips : [ips]).map((ip) => ({ vdu, ip: String(ip) })));
  } catch {
    return [];
  }
}

export function scalingPolicies(vnf: Pick<VnfRow, 'attributes'>): string[] {
  try {
    return Object.keys(JSON.parse(vnf.attributes?.scaling_group_names ?? '{}'));
  } catch {
    return [];
  }
}

export const ACTION_RULES: Record<VnfAction, string> = { update: 'update_vnf', delete: 'delete_vnf', scale_out: 'create_vnf_scale', scale_in: 'create_vnf_scale' };

/** Can the action start from the VNF's state (policy is checked separately)? */
export function stateAllows(vnf: Pick<VnfRow, 'status'>, action: VnfAction): boolean {
  return canStart(action, vnf.status);
}
export { ACTIONS };

export function formatTime(t: string | null | undefined): string {
  if (!t) return '';
  const d = new Date(t.replace(' ', 'T') + (t.endsWith('Z') ? '' : 'Z'));
  return Number.isNaN(d.getTime()) ? t : d.toLocaleString();
}
