'use client';
import { useMemo, useState } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  /** Cell content. */
  render: (row: T) => React.ReactNode;
  /** Value used for sorting and searching (defaults to none: not sortable). */
  value?: (row: T) => string | number | null | undefined;
}

interface Props<T> {
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  loading?: boolean;
  error?: string | null;
  empty?: React.ReactNode;
  pageSize?: number;
  toolbar?: React.ReactNode;
}

/** A table with client-side search, sort and paging (like Horizon's data tables). */
export function DataTable<T>({ rows, columns, rowKey, label, loading, error, empty, pageSize = 20, toolbar }: Props<T>) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const [page, setPage] = useState(0);

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    let out = rows ?? [];
    if (q) out = out.filter((r) => columns.some((c) => String(c.value?.(r) ?? '').toLowerCase().includes(q)));
    const col = sort && columns.find((c) => c.key === sort.key);
    if (col?.value) {
      const get = col.value;
      out = [...out].sort((a, b) => {
        const x = get(a) ?? '';
        const y = get(b) ?? '';
        return (x < y ? -1 : x > y ? 1 : 0) * sort!.dir;
      });
    }
    return out;
  }, [rows, columns, query, sort]);

  const pages = Math.max(1, Math.ceil(visible.length / pageSize));
  const current = Math.min(page, pages - 1);
  const slice = visible.slice(current * pageSize, (current + 1) * pageSize);

  function toggleSort(key: string) {
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 1 ? -1 : 1 } : { key, dir: 1 }));
  }

  return (
    <div>
      <div className="table-tools">
        <input className="input" type="search" placeholder="Filter" aria-label={`Filter ${label}`} value={query} onChange={(e) => { setQuery(e.target.value); setPage(0); }} />
        <div className="header-spacer" />
        {toolbar}
      </div>
      {error && <div className="alert alert-error" role="alert">{error}</div>}
      <div className="table-wrap">
        <table className="data" aria-label={label} aria-busy={loading || undefined}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
                  {c.value ? (
                    <button onClick={() => toggleSort(c.key)}>
                      {c.header} {sort?.key === c.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slice.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key}>{c.render(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {loading && <div className="empty">Loading…</div>}
        {!loading && slice.length === 0 && <div className="empty">{query ? 'No rows match the filter.' : empty ?? 'Nothing here yet.'}</div>}
        {pages > 1 && (
          <div className="pager">
            <span>
              {current * pageSize + 1}–{Math.min((current + 1) * pageSize, visible.length)} of {visible.length}
            </span>
            <button className="btn" disabled={current === 0} onClick={() => setPage(current - 1)} aria-label="Previous page">‹</button>
            <button className="btn" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} aria-label="Next page">›</button>
          </div>
        )}
      </div>
    </div>
  );
}
