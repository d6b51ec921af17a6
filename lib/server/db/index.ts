// The one database handle of a server process. SQLite (better-sqlite3) by default,
// PostgreSQL when DATABASE_URL is a postgres:// URL; both through Prisma's driver adapters.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient } from './generated/sqlite/client';
import { databaseUrl, isPostgresUrl, sqliteFilePath } from './url';

export type Db = InstanceType<typeof PrismaClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { trellisDb?: Db };

function connect(): Db {
  const url = databaseUrl();
  // Same models from the same source schema: only the provider differs, so one type serves both.
  if (isPostgresUrl(url)) return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url) }) });
}

export function db(): Db {
  // Kept on globalThis so Next's dev reloads do not open a new connection per edit.
  globalForDb.trellisDb ??= connect();
  return globalForDb.trellisDb;
}
