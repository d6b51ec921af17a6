// Tacker/Neutron-style collection queries, written once for every resource:
// equality filters on attributes (?name=x&status=ACTIVE, repeated = any of), `fields=` projection,
// `limit`/`marker` paging with `<collection>_links`.
import type { NextRequest } from 'next/server';
import { badRequest } from './errors';
import type { ApiContext } from './route';

const RESERVED = new Set(['fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'page_reverse']);
const MAX_LIMIT = 1000;

type Item = Record<string, unknown>;

export function filterItems<T extends Item>(items: T[], query: URLSearchParams): T[] {
  const filters = new Map<string, string[]>();
  for (const [k, v] of query) if (!RESERVED.has(k)) filters.set(k, [...(filters.get(k) ?? []), v]);
  if (!filters.size) return items;
  return items.filter((item) =>
    [...filters].every(([key, values]) => !(key in item) || values.some((v) => matches(item[key], v))),
  );
}

function matches(value: unknown, wanted: string): boolean {
  if (typeof value === 'boolean') return String(value).toLowerCase() === wanted.toLowerCase() || (wanted === '1') === value;
  return value !== null && value !== undefined && String(value) === wanted;
}

/** `fields=id&fields=name` keeps only those attributes (unknown names are ignored). */
export function projectFields<T extends Item>(item: T, query: URLSearchParams): Partial<T> {
  const fields = query.getAll('fields').flatMap((f) => f.split(',')).filter(Boolean);
  if (!fields.length) return item;
  return Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, item[f]])) as Partial<T>;
}

/** The list body `{"<collection>": [...], "<collection>_links": [...]}` for already-authorized items. */
export function collectionBody(ctx: Pick<ApiContext<unknown>, 'query' | 'req'>, collection: string, items: Item[]) {
  const q = ctx.query;
  const filtered = filterItems(items, q);
  let start = 0;
  const marker = q.get('marker');
  if (marker) {
    const i = filtered.findIndex((it) => it.id === marker);
    if (i < 0) throw badRequest(`Invalid input for marker: '${marker}' is not in the collection`);
    start = i + 1;
  }
  const limitText = q.get('limit');
  const limit = limitText === null ? MAX_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw badRequest(`Invalid input for limit: '${limitText}' is not a positive integer`);
  const page = filtered.slice(start, start + Math.min(limit, MAX_LIMIT));
  const body: Item = { [collection]: page.map((it) => projectFields(it, q)) };
  if (start + page.length < filtered.length && page.length) {
    body[`${collection}_links`] = [{ rel: 'next', href: nextPageHref(ctx.req, String(page[page.length - 1].id), limit) }];
  }
  return body;
}

/**
 * The `rel: next` href: this request's path and query with marker/limit set, on the URL the client
 * called (TRELLIS_PUBLIC_URL, else the Host header): under `next start`, nextUrl's host is the
 * server's own name (e.g. localhost), which a client behind a proxy or on another host cannot reach.
 */
export function nextPageHref(req: Pick<NextRequest, 'nextUrl' | 'headers'>, marker: string, limit: number): string {
  const base = (process.env.TRELLIS_PUBLIC_URL || `${req.nextUrl.protocol}//${req.headers.get('host') ?? req.nextUrl.host}`).replace(/\/+$/, '');
  const next = new URL(`${base}${req.nextUrl.pathname}${req.nextUrl.search}`);
  next.searchParams.set('marker', marker);
  next.searchParams.set('limit', String(limit));
  return next.toString();
}
