// Keeps the PostgreSQL variant in step with the one source schema (prisma/schema.prisma):
// renders prisma/postgres/schema.prisma and, with --migration NAME, writes the SQL of a new
// migration for both providers (diffing the previous schema of each against the new one).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'prisma', 'schema.prisma');
const pgDir = path.join(root, 'prisma', 'postgres');

export function renderPostgresSchema(text: string): string {
  return text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/server/db/generated/sqlite"', 'output     = "../../lib/server/db/generated/postgres"')
    .replace(/^\/\/ Trellis data model\..*$/m, '// GENERATED from prisma/schema.prisma by scripts/db-render.ts: edit that file, not this one.');
}

function writeMigration(name: string, provider: 'sqlite' | 'postgres') {
  const schema = provider === 'sqlite' ? source : path.join(pgDir, 'schema.prisma');
  const migrationsDir = provider === 'sqlite' ? path.join(root, 'prisma', 'migrations') : path.join(pgDir, 'migrations');
  const applied = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir).filter((d) => /^\d{4}_/.test(d)).sort() : [];
  const from = applied.length ? ['--from-migrations', migrationsDir] : ['--from-empty'];
  const env = { ...process.env, DATABASE_URL: provider === 'sqlite' ? 'file:./data/render.db' : 'postgresql://render@127.0.0.1:1/render' };
  const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], { cwd: root, env, encoding: 'utf8' });
  const dir = path.join(migrationsDir, `${String(applied.length + 1).padStart(4, '0')}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  fs.writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), `provider = "${provider === 'sqlite' ? 'sqlite' : 'postgresql'}"\n`);
  console.log(`wrote ${path.relative(root, dir)}`);
}

if (require.main === module) {
  fs.mkdirSync(pgDir, { recursive: true });
  fs.writeFileSync(path.join(pgDir, 'schema.prisma'), renderPostgresSchema(fs.readFileSync(source, 'utf8')));
  const i = process.argv.indexOf('--migration');
  if (i > 0) {
    const name = process.argv[i + 1];
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('--migration needs a snake_case name');
    writeMigration(name, 'sqlite');
    writeMigration(name, 'postgres');
  }
}
