'use client';
// Which actions the policy allows on a target, to hide buttons that would only fail.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';

export function useAllowed(rules: string[], target: Record<string, unknown> | null) {
  const q = useQuery({
    queryKey: ['policy-allowed', rules, target],
    queryFn: () => apiFetch<{ allowed: Record<string, boolean> }>('/api/policy/allowed', { method: 'POST', json: { rules, target: target ?? {} } }),
    enabled: target !== null,
    staleTime: 60_000,
  });
  // Until the answer arrives (or if the check itself fails) show the action: the API still enforces.
  return (rule: string) => q.data?.allowed[rule] ?? true;
}
