// Applies prisma/postgres/migrations/*/migration.sql to a PostgreSQL database, in order, each in
// its own transaction, remembering what ran in "_trellis_migrations". (Prisma 6.19's JS schema
// engine cannot read PostgreSQL catalogs through @prisma/adapter-pg: prisma/prisma#27403.)
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

const dir = path.resolve(__dirname, '..', 'prisma', 'postgres', 'migrations');

export async function migratePostgres(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS "_trellis_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    // One migrator at a time, even with several app processes starting together.
    await client.query('SELECT pg_advisory_lock(727311)');
    const done = new Set((await client.query('SELECT name FROM "_trellis_migrations"')).rows.map((r) => r.name as string));
    const pending = fs.readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort().filter((d) => !done.has(d));
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_trellis_migrations" (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
    }
    return pending;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  migratePostgres(url).then((applied) => console.log(applied.length ? `applied ${applied.join(', ')}` : 'up to date'));
}
