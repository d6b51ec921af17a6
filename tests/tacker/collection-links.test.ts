// Paging links of every list (collection.ts): the next href is on the URL the client called, keeps the
// query (filters, fields) and, followed to the end, yields every item once.
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { collectionBody, nextPageHref } from '@/lib/server/api/collection';

const items = Array.from({ length: 5 }, (_, i) => ({ id: `id-${i}`, name: i % 2 ? 'odd' : 'even', status: 'ACTIVE' }));

function ctxFor(url: string, headers: Record<string, string> = {}) {
  const req = new NextRequest(url, { headers });
  return { req, query: req.nextUrl.searchParams };
}

afterEach(() => {
  delete process.env.TRELLIS_PUBLIC_URL;
});

describe('next links', () => {
  it('use the Host the client called, not the server bind name', () => {
    delete process.env.TRELLIS_PUBLIC_URL;
    const { req } = ctxFor('http://localhost:3204/v1.0/vnfs?name=x', { host: '127.0.0.1:3204' });
    const href = new URL(nextPageHref(req, 'm1', 2));
    expect(href.origin).toBe('http://127.0.0.1:3204');
    expect(href.pathname).toBe('/v1.0/vnfs');
    expect(Object.fromEntries(href.searchParams)).toEqual({ name: 'x', marker: 'm1', limit: '2' });
  });

  it('use TRELLIS_PUBLIC_URL when set, path prefix included', () => {
    process.env.TRELLIS_PUBLIC_URL = 'https://nfv.example.com/trellis/';
    const { req } = ctxFor('http://localhost:3204/v1.0/vims?fields=id', { host: '127.0.0.1:3204' });
    expect(nextPageHref(req, 'm1', 10)).toBe('https://nfv.example.com/trellis/v1.0/vims?fields=id&marker=m1&limit=10');
  });

  it('followed to the end, give every (filtered) item once, with fields kept', () => {
    const seen: unknown[] = [];
    let url: string | undefined = 'http://trellis.test/v1.0/vnfs?limit=2&fields=id';
    let pages = 0;
    while (url && pages < 10) {
      const body = collectionBody(ctxFor(url, { host: 'trellis.test' }), 'vnfs', items) as { vnfs: unknown[]; vnfs_links?: { rel: string; href: string }[] };
      seen.push(...body.vnfs);
      url = body.vnfs_links?.find((l) => l.rel === 'next')?.href;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(items.map((i) => ({ id: i.id })));

    const odd = collectionBody(ctxFor('http://trellis.test/v1.0/vnfs?name=odd&limit=1', { host: 'trellis.test' }), 'vnfs', items) as { vnfs: { id: string }[]; vnfs_links: { href: string }[] };
    expect(odd.vnfs.map((v) => v.id)).toEqual(['id-1']);
    expect(new URL(odd.vnfs_links[0].href).searchParams.get('name')).toBe('odd');
  });
});
