// Prisma CLI configuration: the JS schema engine through a driver adapter (works offline,
// no engine binaries are downloaded). The provider follows DATABASE_URL.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { databaseUrl, isPostgresUrl, sqliteFilePath } from './lib/server/db/url';

const url = databaseUrl();
// schema.prisma reads env("DATABASE_URL"): give it the same default the app uses.
process.env.DATABASE_URL = url;
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  migrations: { path: postgres ? path.join('prisma', 'postgres', 'migrations') : path.join('prisma', 'migrations') },
  schema: postgres ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  },
});
