import { apiRoute } from '@/lib/server/api/route';

export const dynamic = 'force-dynamic';

/** Tacker's version document (GET / with Accept: application/json). */
export const GET = apiRoute({ name: 'versions', public: true }, async ({ req }) => {
  const base = process.env.TRELLIS_PUBLIC_URL || `${req.nextUrl.protocol}//${req.headers.get('host') ?? req.nextUrl.host}`;
  return { versions: [{ status: 'CURRENT', id: 'v1.0', links: [{ href: `${base.replace(/\/$/, '')}/v1.0`, rel: 'self' }] }] };
});
