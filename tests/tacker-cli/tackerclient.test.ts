// The real python-tackerclient against the production build: starts the sandbox cloud + `next start`
// (scripts/dev.ts, as Playwright does) on a fresh database, then runs scripts/check-tackerclient.sh,
// which drives `openstack vim|vnf ...` through Keystone's catalog (nfv-orchestration -> Trellis).
//
// End-to-end tier: needs `next build` first, so it only runs with TRELLIS_E2E=1 (scripts/test.sh sets it
// after the build). By hand:
//   NEXT_DIST_DIR=.next-tacker npx next build
//   TRELLIS_E2E=1 NEXT_DIST_DIR=.next-tacker E2E_APP_PORT=3204 E2E_SANDBOX_PORT=5204 npx vitest run tests/tacker-cli
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../support/harness';
import { testServerEnv } from '../../scripts/test-server-env';

const root = path.resolve(__dirname, '../..');
const appPort = Number(process.env.E2E_APP_PORT || 3204);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT || 5204);
const appUrl = `http://127.0.0.1:${appPort}`;
const keystoneUrl = `http://127.0.0.1:${sandboxPort}/identity/v3`;
const distDir = process.env.NEXT_DIST_DIR || '.next';
const enabled = process.env.TRELLIS_E2E === '1';

let server: ChildProcess | undefined;
let serverLog = '';
let dataDir = '';

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not up yet
    }
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`server exited (${server.exitCode}) while waiting for ${what}:\n${serverLog.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${serverLog.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function runScript(authUrl = keystoneUrl): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(root, 'scripts/check-tackerclient.sh')], {
      cwd: root,
      env: { ...process.env, OS_AUTH_URL: authUrl, OS_USERNAME: 'admin', OS_PASSWORD: 'admin', OS_PROJECT_NAME: 'admin', CHECK_WAIT_SECONDS: '120' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.runIf(enabled)('python-tackerclient against Trellis (production build + sandbox)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-tackercli-'));
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '--production', '--no-build'], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir, ...testServerEnv({ appPort, sandboxPort, dataDir }) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group: stopped as a whole in afterAll
    });
    server.stdout!.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
    server.stderr!.on('data', (d) => (serverLog = (serverLog + d).slice(-20_000)));
    await waitFor('the app', 180_000, async () => ((await fetch(`${appUrl}/login`)).ok ? true : undefined));
    // The sandbox is registered as the admin project's default VIM on first start, in the background:
    // wait for it so that the script sees a settled project.
    const token = await issueToken(keystoneUrl, 'admin', 'admin', 'admin');
    await waitFor('the sandbox VIM seed', 60_000, async () => {
      const res = await fetch(`${appUrl}/v1.0/vims.json?name=sandbox&fields=id`, { headers: { 'x-auth-token': token } });
      const body = (await res.json()) as { vims?: unknown[] };
      return body.vims?.length ? true : undefined;
    });
  }, 300_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the issue-9 command sequence: every command exits 0, prints what Tacker would, no 5xx', async () => {
    const { code, output } = await runScript();
    console.log(output);
    if (code !== 0) console.error(`--- server log (tail) ---\n${serverLog.slice(-5000)}`);
    expect(output).toMatch(/OK: \d+ openstack commands, no failure, no 5xx/);
    expect(code).toBe(0);
  }, 900_000);
});

// The check itself must be able to fail: a sandbox Keystone whose catalog points at a fake Tacker
// endpoint that answers every list with an empty collection, and then either a 5xx or a 400.
describe.runIf(enabled)('check-tackerclient.sh fails loudly', () => {
  let fake: http.Server;
  let sandbox: import('@/sandbox/server').RunningSandbox;
  let answerPost: { status: number; body: unknown };
  let fakeDir = '';

  beforeAll(async () => {
    fake = http.createServer((req, res) => {
      const collection = /^\/v1\.0\/(\w+)\.json/.exec(req.url ?? '')?.[1];
      const [status, body] = req.method === 'GET' && collection ? [200, { [collection]: [] }] : [answerPost.status, answerPost.body];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    const { startSandbox } = await import('@/sandbox/server');
    const { configFromEnv } = await import('@/sandbox/config');
    fakeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-fake-tacker-'));
    const nfvUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`;
    sandbox = await startSandbox({ ...configFromEnv({} as NodeJS.ProcessEnv), port: 0, stateDir: path.join(fakeDir, 'sandbox'), nfvUrl });
  });
  afterAll(async () => {
    await sandbox?.close();
    await new Promise((r) => fake?.close(r));
    if (fakeDir) fs.rmSync(fakeDir, { recursive: true, force: true });
  });

  const sandboxKeystone = () => `${sandbox.url.replace(/\/$/, '')}/identity/v3`;

  it('stops at the first command that received a 5xx', async () => {
    answerPost = { status: 500, body: { TackerError: { type: 'InternalServerError', message: 'boom', detail: '' } } };
    const { code, output } = await runScript(sandboxKeystone());
    expect(code).toBe(1);
    expect(output).toContain("FAIL: 'openstack vim register --config-file");
    expect(output).toContain('received a 5xx response');
    expect(output).not.toContain('OK:');
  }, 120_000);

  it('stops at the first command that exited non-zero', async () => {
    answerPost = { status: 400, body: { TackerError: { type: 'BadRequest', message: 'Invalid input for auth_url', detail: '' } } };
    const { code, output } = await runScript(sandboxKeystone());
    expect(code).toBe(1);
    expect(output).toMatch(/FAIL: 'openstack vim register --config-file \S+ --is-default vim1' exited 1/);
    expect(output).not.toContain('OK:');
  }, 120_000);
});
