import { apiRoute } from '@/lib/server/api/route';
import { currentPolicy } from '@/lib/server/policy';

export const dynamic = 'force-dynamic';

/** The effective policy: every rule, built in or overridden, and any problem with the override file. */
export const GET = apiRoute({ name: 'policy.show', policy: { rule: 'context_is_admin' } }, async () => {
  const policy = currentPolicy();
  const rules = policy.enforcer
    .ruleNames()
    .sort()
    .map((name) => ({ name, ...policy.enforcer.ruleSource(name)! }));
  return { file: policy.file, loaded_at: policy.loadedAt, errors: policy.errors, warnings: policy.warnings, rules };
});
