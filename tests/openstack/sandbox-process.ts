// Starts the embedded sandbox cloud (sandbox/main.ts) as a child process on a free
// loopback port with a temporary state dir, for the client integration tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
export const SANDBOX_MAIN = path.join(REPO, 'sandbox', 'main.ts');
export const sandboxAvailable = fs.existsSync(SANDBOX_MAIN);

export interface SandboxProcess {
  url: string;
  stateDir: string;
  stop(): Promise<void>;
}

/** Start the sandbox; resolves once it printed its URL (bounded by `timeoutMs`). */
export async function startSandboxProcess(opts: { stateDir?: string; resourceDelayMs?: number; timeoutMs?: number } = {}): Promise<SandboxProcess> {
  const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-sbx-'));
  // node --import tsx: one process (npx would leave the node grandchild behind on kill)
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SANDBOX_MAIN, '--port', '0', '--state', stateDir, '--resource-delay-ms', String(opts.resourceDelayMs ?? 100)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_FAULTS: '' } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox did not start within ${opts.timeoutMs ?? 30_000} ms; output:\n${output}`));
    }, opts.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with code ${code} before listening; output:\n${output}`));
    });
  });
  return { url, stateDir, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
