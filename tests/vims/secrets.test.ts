// The VIM password never leaves encrypted: not in API answers, not in logs, not in the database
// file; and `trellis rotate-key` re-encrypts every secret under a new key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';
import { createUser, loadRoutes, vimBody, type VimRoutes } from './support';

let h: Harness;
let r: VimRoutes;
let admin: string;
const PASSWORD = 'Vim-Pa55word-7f3c9e1d';

beforeAll(async () => {
  h = await startHarness();
  r = await loadRoutes();
  admin = await h.token('admin');
  await createUser(h, 'vimsvc', PASSWORD, 'admin');
});
afterAll(async () => h?.close());

/** Runs `fn` with everything written to stdout/stderr captured. */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const orig = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const grab = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    return { result: await fn(), output: chunks.join('') };
  } finally {
    process.stdout.write = orig.out;
    process.stderr.write = orig.err;
  }
}

function databaseBytes(): Buffer {
  const base = path.join(h.dataDir, 'trellis.db');
  return Buffer.concat([base, `${base}-wal`, `${base}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

describe('the VIM password stays secret', () => {
  let id: string;
  const texts: string[] = [];
  let logs = '';

  it('registers, shows, lists, updates, fails to verify: the password is in no response and no log line', async () => {
    const { output } = await captureOutput(async () => {
      const created = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: vimBody(h, { name: 'secret-vim' }, { username: 'vimsvc', password: PASSWORD }) });
      expect(created.status).toBe(201);
      id = created.json.vim.id;
      texts.push(created.text);
      const { checkVim } = await import('@/lib/server/vims/monitor');
      expect(await checkVim(id)).toBe('REACHABLE');
      texts.push((await call(r.one.GET, 'GET', `/v1.0/vims/${id}`, { token: admin, params: { id } })).text);
      texts.push((await call(r.list.GET, 'GET', '/v1.0/vims', { token: admin })).text);
      const upd = await call(r.one.PUT, 'PUT', `/v1.0/vims/${id}`, { token: admin, params: { id }, body: { vim: { auth_cred: { password: PASSWORD } } } });
      expect(upd.status).toBe(200);
      texts.push(upd.text);
      // a failing verification echoes Keystone's message, never the password tried
      const bad = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: vimBody(h, { name: 'other' }, { username: 'vimsvc', password: `${PASSWORD}-wrong` }) });
      expect(bad.status).toBe(400);
      texts.push(bad.text);
    });
    logs = output;
    expect(texts.join('\n')).toContain('"password":"***"');
    for (const t of texts) expect(t).not.toContain(PASSWORD);
    // the capture did see the request log lines and the status change
    expect(logs).toContain('"route":"vims.create"');
    expect(logs).toContain('vim status changed');
    expect(logs).not.toContain(PASSWORD);
  });

  it('the database file holds only the AES-GCM envelope', async () => {
    const { db } = await import('@/lib/server/db');
    const row = await db().vim.findUniqueOrThrow({ where: { id } });
    expect(row.secretEnc).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(row.authCred).not.toContain(PASSWORD);
    const bytes = databaseBytes();
    expect(bytes.includes(Buffer.from('secret-vim'))).toBe(true); // the check reads the right file
    expect(bytes.includes(Buffer.from(PASSWORD))).toBe(false);
    const { decryptSecret } = await import('@/lib/server/secrets');
    expect(decryptSecret(row.secretEnc)).toBe(PASSWORD);
  });

  it('the key file was created 0600 in the data folder', () => {
    const stat = fs.statSync(path.join(h.dataDir, 'secret.key'));
    expect(stat.mode & 0o777).toBe(0o600);
  });
});

describe('trellis rotate-key', () => {
  it('re-encrypts every VIM secret under a new key and replaces the key file', async () => {
    const { db } = await import('@/lib/server/db');
    const secrets = await import('@/lib/server/secrets');
    const second = await call(r.list.POST, 'POST', '/v1.0/vims', { token: admin, body: vimBody(h, { name: 'second' }) });
    expect(second.status).toBe(201);
    const keyFile = path.join(h.dataDir, 'secret.key');
    const oldKeyText = fs.readFileSync(keyFile, 'utf8');
    const oldKey = secrets.parseKey(oldKeyText);
    const before = await db().vim.findMany({ where: { secretEnc: { not: '' } } });
    expect(before.length).toBe(2);

    const { main } = await import('@/lib/cli/main');
    const { result: code, output } = await captureOutput(() => main(['rotate-key']));
    expect(code).toBe(0);
    const newKey = secrets.parseKey(fs.readFileSync(keyFile, 'utf8'));
    expect(newKey.id).not.toBe(oldKey.id);
    expect(output).toContain(`re-encrypted 2 VIM secret(s): key ${oldKey.id} -> ${newKey.id}`);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${keyFile}.new`)).toBe(false);

    const after = await db().vim.findMany({ where: { secretEnc: { not: '' } }, orderBy: { createdAt: 'asc' } });
    for (const row of after) {
      expect(row.secretEnc.split(':')[1]).toBe(newKey.id);
      expect(() => secrets.decryptSecret(row.secretEnc, [oldKey])).toThrow(/not configured/);
    }
    expect(secrets.decryptSecret(after[0].secretEnc, [newKey])).toBe(PASSWORD);
    expect(secrets.decryptSecret(after[1].secretEnc, [newKey])).toBe('admin');

    // the server keeps working: connectVim decrypts under the new key
    const { connectVim } = await import('@/lib/server/vims/connect');
    const cloud = await connectVim(after[0]);
    expect((await cloud.token()).user.name).toBe('vimsvc');
    cloud.close();
  });

  it('changes nothing when a secret cannot be decrypted', async () => {
    const { db } = await import('@/lib/server/db');
    const keyFile = path.join(h.dataDir, 'secret.key');
    const keyBefore = fs.readFileSync(keyFile, 'utf8');
    const row = await db().vim.findFirstOrThrow({ where: { name: 'second' } });
    await db().vim.update({ where: { id: row.id }, data: { secretEnc: 'v1:deadbeef:AAAA:AAAA:AAAA' } });
    const envelopes = (await db().vim.findMany({ orderBy: { createdAt: 'asc' } })).map((v) => v.secretEnc);
    const { main } = await import('@/lib/cli/main');
    const { result: code, output } = await captureOutput(() => main(['rotate-key']));
    expect(code).toBe(1);
    expect(output).toContain(`VIM ${row.id}: secret was encrypted with key deadbeef, which is not configured; nothing was changed`);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(keyBefore);
    expect((await db().vim.findMany({ orderBy: { createdAt: 'asc' } })).map((v) => v.secretEnc)).toEqual(envelopes);
  });

  it('refuses unknown arguments', async () => {
    const { main } = await import('@/lib/cli/main');
    const { result: code, output } = await captureOutput(() => main(['rotate-key', '--bogus']));
    expect(code).toBe(2);
    expect(output).toContain('usage: trellis rotate-key');
  });
});
