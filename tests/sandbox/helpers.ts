// Test helpers: start an in-process sandbox on a free port with a temporary state dir, and a tiny
// HTTP client that logs in and talks to the services (redirects are NOT followed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '@/sandbox/server';
import { configFromEnv } from '@/sandbox/config';

export interface TestSandbox extends RunningSandbox {
  stateDir: string;
}

export async function startTestSandbox(opts: { stateDir?: string; resourceDelayMs?: number; env?: Record<string, string> } = {}): Promise<TestSandbox> {
  const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  const env = { ...(opts.env ?? {}) } as NodeJS.ProcessEnv;
  const config = { ...configFromEnv(env), port: 0, stateDir, resourceDelayMs: opts.resourceDelayMs ?? 30 };
  const running = await startSandbox(config, env);
  return { ...running, stateDir };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(url: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  if (init.token) headers['X-Auth-Token'] = init.token;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface Session {
  token: string;
  projectId: string;
  userId: string;
  heat: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function login(base: string, user = 'admin', password = user, project = user): Promise<Session> {
  const res = await call(`${base}/identity/v3/auth/tokens`, {
    method: 'POST',
    body: { auth: { identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password } } }, scope: { project: { name: project, domain: { name: 'Default' } } } } },
  });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${res.text}`);
  const token = res.headers.get('x-subject-token')!;
  const projectId = res.json.token.project.id;
  return { token, projectId, userId: res.json.token.user.id, heat: `${base}/orchestration/v1/${projectId}`, body: res.json };
}

/** Polls `probe` until it returns a value (bounded). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000, everyMs = 40): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until the stack (by id path) leaves *_IN_PROGRESS and returns its stack body. */
export async function waitStack(session: Session, name: string, id: string, timeoutMs = 15_000): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return waitFor(async () => {
    const res = await call(`${session.heat}/stacks/${name}/${id}`, { token: session.token });
    if (res.status !== 200) throw new Error(`stack show ${res.status}: ${res.text}`);
    return res.json.stack.stack_status.endsWith('_IN_PROGRESS') ? undefined : res.json.stack;
  }, `stack ${name} to settle`, timeoutMs);
}

export const TEMPLATES = path.resolve(__dirname, '../../../shared/openstack-rig/templates');
export const RECORDINGS = path.resolve(__dirname, '../../../shared/openstack-api');
export const readTemplate = (name: string) => fs.readFileSync(path.join(TEMPLATES, name), 'utf8');
