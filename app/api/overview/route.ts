import { apiRoute } from '@/lib/server/api/route';
import { db } from '@/lib/server/db';
import { projectScope, visibleVimScope } from '@/lib/server/scope';

export const dynamic = 'force-dynamic';

/** Counts for the overview page, scoped like the lists they link to. */
export const GET = apiRoute({ name: 'overview' }, async ({ identity }) => {
  const scope = projectScope(identity);
  const [vims, vnfds, vnfs, events] = await Promise.all([
    db().vim.count({ where: { deletedAt: null, ...visibleVimScope(identity) } }),
    db().vnfd.count({ where: { deletedAt: null, templateSource: 'onboarded', ...scope } }),
    db().vnf.count({ where: { deletedAt: null, ...scope } }),
    db().event.count({ where: scope }),
  ]);
  return { vims, vnfds, vnfs, events };
});
