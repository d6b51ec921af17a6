// Glance v2 HTTP API under /image: version discovery and images (list with filters, show).
import type { RequestContext } from '../context';
import type { Reply } from '../http/respond';
import { Router } from '../http/router';
import { serviceAuth, unauthorizedReply } from '../http/service-auth';
import type { AuthContext, Keystone } from '../keystone/tokens';
import type { Store } from '../store';
import { imageView } from './views';

const RID = 'X-Openstack-Request-Id';
const VERSIONS = ['2.16', '2.15', '2.14', '2.13', '2.12', '2.11', '2.10', '2.9', '2.8', '2.7', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.0'];

export function glanceRouter(store: Store): Router<AuthContext> {
  const r = new Router<AuthContext>();
  const visible = (auth: AuthContext) => store.state.cloud.images.filter((i) => i.visibility === 'public' || i.ownerProjectId === auth.project!.id || auth.isAdmin);
  r.add('GET', '/v2/images', (ctx, _p, auth) => {
    let list = visible(auth);
    for (const key of ['name', 'status', 'visibility', 'disk_format', 'container_format', 'id'] as const) {
      const wanted = ctx.query.get(key);
      if (wanted === null) continue;
      list = list.filter((i) => String(imageView(i, ctx.baseUrl)[key]) === wanted);
    }
    list = [...list].sort((a, b) => b.createdAt - a.createdAt);
    const marker = ctx.query.get('marker');
    if (marker) {
      const i = list.findIndex((x) => x.id === marker);
      if (i < 0) return { status: 400, headers: { [RID]: ctx.requestId }, body: `<html><body><h1>400 Bad Request</h1>marker ${marker} could not be found.</body></html>`, contentType: 'text/html; charset=UTF-8' };
      list = list.slice(i + 1);
    }
    const limit = Number(ctx.query.get('limit') ?? 25);
    const page = list.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 25);
    const body: Record<string, unknown> = { images: page.map((i) => imageView(i, ctx.baseUrl)), first: '/v2/images', schema: '/v2/schemas/images' };
    if (page.length < list.length) body.next = `/v2/images?marker=${page[page.length - 1].id}&limit=${limit}`;
    return { status: 200, headers: { [RID]: ctx.requestId }, body };
  });
  r.add('GET', '/v2/images/:id', (ctx, p, auth) => {
    const image = visible(auth).find((i) => i.id === p.id);
    if (!image) {
      // Glance answers 404 with an HTML page, not JSON
      const html = `<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID ${p.id}<br /><br />\n\n\n\n </body>\n</html>`;
      return { status: 404, headers: { [RID]: ctx.requestId }, body: html, contentType: 'text/html; charset=UTF-8' };
    }
    return { status: 200, headers: { [RID]: ctx.requestId }, body: imageView(image, ctx.baseUrl) };
  });
  return r;
}

export async function handleGlance(router: Router<AuthContext>, keystone: Keystone, ctx: RequestContext): Promise<Reply> {
  const path = ctx.path.replace(/\/$/, '') || '/';
  if (path === '/' || path === '/versions') {
    return {
      status: 300, headers: { [RID]: ctx.requestId },
      body: { versions: VERSIONS.map((v, i) => ({ id: `v${v}`, status: i === 0 ? 'CURRENT' : 'SUPPORTED', links: [{ rel: 'self', href: `${ctx.baseUrl}/image/v2/` }] })) },
    };
  }
  const auth = serviceAuth(keystone, ctx);
  if (!auth) return unauthorizedReply(ctx, RID);
  const found = router.match(ctx.method, path);
  if (found === null || found === 'method-not-allowed') {
    return { status: found === null ? 404 : 405, headers: { [RID]: ctx.requestId }, body: `<html><body><h1>${found === null ? '404 Not Found' : '405 Method Not Allowed'}</h1></body></html>`, contentType: 'text/html; charset=UTF-8' };
  }
  return found.handler(ctx, found.params, auth);
}
