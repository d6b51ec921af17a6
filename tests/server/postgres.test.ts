// The same data layer on PostgreSQL: the rendered schema's migrations apply, and the Prisma client
// works through @prisma/adapter-pg (transactions included). `npm test` starts a throwaway server.
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const baseUrl = process.env.TRELLIS_TEST_PG_URL;
const dbName = `trellis_test_${process.pid}`;

describe.runIf(baseUrl || process.env.CI)('PostgreSQL', () => {
  let url: string;

  beforeAll(async () => {
    if (!baseUrl) throw new Error('TRELLIS_TEST_PG_URL is not set: run the tests through `npm test`, which starts PostgreSQL');
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    url = baseUrl.replace(/\/[^/]*$/, `/${dbName}`);
    process.env.DATABASE_URL = url;
  });

  afterAll(async () => {
    if (!baseUrl) return;
    const { db } = await import('@/lib/server/db');
    await db().$disconnect();
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  });

  it('applies every migration once, and again is a no-op', async () => {
    const { migratePostgres } = await import('@/scripts/migrate-postgres');
    const first = await migratePostgres(url);
    expect(first[0]).toBe('0001_init');
    expect(await migratePostgres(url)).toEqual([]);
  });

  it('stores and reads rows through the Prisma client, with transactions', async () => {
    const { db } = await import('@/lib/server/db');
    const { recordEvent } = await import('@/lib/server/events');
    await db().$transaction(async (tx) => {
      await tx.vim.create({ data: { id: 'v1', tenantId: 't1', name: 'vim1', authUrl: 'http://x/v3', authCred: '{}', secretEnc: 'v1:x', vimProject: '{}' } });
      await recordEvent(tx, { tenantId: 't1', resourceId: 'v1', resourceType: 'vim', resourceState: 'PENDING', eventType: 'CREATE' });
    });
    expect(await db().vim.count({ where: { tenantId: 't1' } })).toBe(1);
    const events = await db().event.findMany({ where: { resourceId: 'v1' } });
    expect(events.map((e) => e.resourceState)).toEqual(['PENDING']);
    // A failing transaction leaves nothing behind.
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, { tenantId: 't1', resourceId: 'v1', resourceType: 'vim', resourceState: 'REACHABLE', eventType: 'UPDATE' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db().event.count({ where: { resourceId: 'v1' } })).toBe(1);
  });
});
