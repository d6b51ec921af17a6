// Integration harness: a real sandbox cloud (in this process, on a free port), a fresh SQLite
// database with the real migrations, and Trellis's route handlers called with real requests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { startSandbox, type RunningSandbox } from '@/sandbox/server';
import { configFromEnv } from '@/sandbox/config';

const root = path.resolve(__dirname, '../..');

export interface Harness {
  sandbox: RunningSandbox;
  keystoneUrl: string;
  dataDir: string;
  /** Project-scoped Keystone token for a seeded user. */
  token(user: 'admin' | 'demo' | string, password?: string, project?: string): Promise<string>;
  /** A new project with a new member user of the same name (password = name); returns its token. */
  newProjectMember(name: string): Promise<{ token: string; projectId: string }>;
  close(): Promise<void>;
}

export async function startHarness(opts: { resourceDelayMs?: number } = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-it-'));
  const sandbox = await startSandbox({ ...configFromEnv({} as NodeJS.ProcessEnv), port: 0, stateDir: path.join(dataDir, 'sandbox'), resourceDelayMs: opts.resourceDelayMs ?? 50 });
  const keystoneUrl = `${sandbox.url.replace(/\/$/, '')}/identity/v3`;
  const dbFile = path.join(dataDir, 'trellis.db');
  // Environment first: server modules read it when first imported.
  Object.assign(process.env, {
    TRELLIS_KEYSTONE_URL: keystoneUrl,
    DATABASE_URL: `file:${dbFile}`,
    TRELLIS_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: 'integration-test-secret',
  });
  execFileSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: 'ignore',
  });
  const tokens = new Map<string, string>();
  const token = async (user: string, password = user, project = user) => {
    const key = `${user}/${project}`;
    if (!tokens.has(key)) tokens.set(key, await issueToken(keystoneUrl, user, password, project));
    return tokens.get(key)!;
  };
  return {
    sandbox,
    keystoneUrl,
    dataDir,
    token,
    async newProjectMember(name) {
      const admin = await token('admin');
      const post = async (path: string, body: unknown) => {
        const res = await fetch(`${keystoneUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': admin }, body: JSON.stringify(body) });
        if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const project = (await post('/projects', { project: { name, domain_id: 'default' } })).project;
      const user = (await post('/users', { user: { name, password: name, domain_id: 'default', default_project_id: project.id } })).user;
      const roles = (await (await fetch(`${keystoneUrl}/roles`, { headers: { 'x-auth-token': admin } })).json()).roles as { id: string; name: string }[];
      const member = roles.find((r) => r.name === 'member')!;
      const grant = await fetch(`${keystoneUrl}/projects/${project.id}/users/${user.id}/roles/${member.id}`, { method: 'PUT', headers: { 'x-auth-token': admin } });
      if (grant.status !== 204) throw new Error(`role grant: ${grant.status}`);
      return { token: await token(name, name, name), projectId: project.id };
    },
    async close() {
      await sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function issueToken(keystoneUrl: string, user: string, password: string, project: string): Promise<string> {
  const res = await fetch(`${keystoneUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`token for ${user}: ${res.status} ${await res.text()}`);
  return res.headers.get('x-subject-token')!;
}

type RouteFn = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

/** Calls a route handler the way Next does, and returns status, headers and parsed JSON. */
export async function call(route: RouteFn, method: string, url: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['x-auth-token'] = opts.token;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const req = new NextRequest(new URL(url, 'http://trellis.test'), { method, headers, body });
  const res = await route(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json: json as any, text };
}
