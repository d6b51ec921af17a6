import { apiRoute } from '@/lib/server/api/route';
import { projectsOf } from '@/lib/server/auth/keystone';

export const dynamic = 'force-dynamic';

/** The projects the signed-in user may switch to (Keystone GET /v3/auth/projects). */
export const GET = apiRoute({ name: 'session.projects' }, async ({ identity }) => {
  const projects = await projectsOf(identity.token);
  return { projects: projects.filter((p) => p.enabled).map((p) => ({ id: p.id, name: p.name, description: p.description })) };
});
