// Request rewrites in front of the routes, for Tacker clients:
// - python-tackerclient adds ".json" to every path (/v1.0/vims.json, /v1.0/vnfs/<id>.json);
// - `GET /` with a JSON Accept header is Tacker's version discovery, not the dashboard.
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/v1.0/') && pathname.endsWith('.json')) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(0, -'.json'.length);
    return NextResponse.rewrite(url);
  }
  if (pathname === '/' && wantsJson(request)) {
    const url = request.nextUrl.clone();
    url.pathname = '/api/versions';
    return NextResponse.rewrite(url);
  }
  return NextResponse.next();
}

function wantsJson(request: NextRequest): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export const config = { matcher: ['/', '/v1.0/:path*'] };
