'use client';
// Policy decisions for the signed-in user on a VNF (POST /api/policy/allowed): actions the policy
// forbids are not offered. Unknown (still loading) counts as not allowed.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';

const RULES = ['create_vnf', 'update_vnf', 'delete_vnf', 'create_vnf_scale', 'get_vnf_resources'];

export function useVnfPolicy(target: { tenant_id?: string; id?: string } | undefined) {
  const query = useQuery({
    queryKey: ['policy-allowed', 'vnf', target?.tenant_id ?? 'own'],
    queryFn: () => apiFetch<{ allowed: Record<string, boolean> }>('/api/policy/allowed', { method: 'POST', json: { rules: RULES, target: target?.tenant_id ? { tenant_id: target.tenant_id, project_id: target.tenant_id } : {} } }),
    staleTime: 60_000,
  });
  return (rule: string) => query.data?.allowed[rule] === true;
}
