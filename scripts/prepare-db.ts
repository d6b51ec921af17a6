// Brings the database to the current schema: generates the Prisma clients when missing and
// applies pending migrations (SQLite file under ./data by default, or DATABASE_URL).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseUrl, isPostgresUrl, sqliteFilePath } from '../lib/server/db/url';
import { migratePostgres } from './migrate-postgres';

const root = path.resolve(__dirname, '..');

export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env) {
  const url = env.DATABASE_URL || databaseUrl();
  if (!isPostgresUrl(url)) fs.mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), ...args], {
      cwd: root,
      env: { ...env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  generateClients(run);
  if (isPostgresUrl(url)) await migratePostgres(url);
  else run(['migrate', 'deploy']);
}

/** Regenerates the Prisma clients when missing or when the schema changed since the last run. */
function generateClients(run: (args: string[], env?: Record<string, string>) => unknown) {
  const out = path.join(root, 'lib', 'server', 'db', 'generated');
  const schemaHash = createHash('sha256').update(fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'))).digest('hex');
  const stamp = path.join(out, 'schema.sha256');
  const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === schemaHash;
  if (!fresh || !fs.existsSync(path.join(out, 'sqlite', 'client.ts')))
    run(['generate', '--schema', 'prisma/schema.prisma'], { DATABASE_URL: 'file:./data/trellis.db' });
  if (!fresh || !fs.existsSync(path.join(out, 'postgres', 'client.ts')))
    run(['generate', '--schema', 'prisma/postgres/schema.prisma'], { DATABASE_URL: 'postgresql://generate@127.0.0.1:5432/generate' });
  fs.writeFileSync(stamp, schemaHash);
}

if (require.main === module) {
  prepareDatabase().then(() => console.log('database ready'));
}
