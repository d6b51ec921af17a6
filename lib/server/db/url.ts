// Where the database is: DATABASE_URL, or an SQLite file under ./data by default.
import path from 'node:path';

export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'data', 'trellis.db')}`;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** `file:./x.db` or `file:/abs/x.db` -> a filesystem path. */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, '');
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}
