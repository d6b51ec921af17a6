'use client';
// Which actions the policy allows the signed-in user on a target (POST /api/policy/allowed),
// so pages hide what would only fail with a 403.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';

export function useAllowed(rules: string[], target: Record<string, unknown> | undefined) {
  const query = useQuery({
    queryKey: ['policy-allowed', rules, target],
    enabled: target !== undefined,
    queryFn: () => apiFetch<{ allowed: Record<string, boolean> }>('/api/policy/allowed', { method: 'POST', json: { rules, target } }),
  });
  // unknown until answered: hidden
  return (rule: string) => query.data?.allowed[rule] === true;
}
