// `npm run dev`: the whole of Trellis on one machine. Prepares the SQLite database, starts the
// embedded OpenStack sandbox cloud (unless TRELLIS_KEYSTONE_URL points at a real cloud), then the
// app (`--production`: `next build` + `next start`), and prints where to sign in.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { prepareDatabase } from './prepare-db';
import { waitForHttp } from './wait';

const root = path.resolve(__dirname, '..');
const production = process.argv.includes('--production');
const appPort = Number(process.env.PORT || 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT || 5100);
const useSandbox = !process.env.TRELLIS_KEYSTONE_URL;
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    console.error(`[dev] ${name} exited (${signal ?? code}); stopping everything`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

function shutdown(code: number) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TRELLIS_PUBLIC_URL: process.env.TRELLIS_PUBLIC_URL || `http://127.0.0.1:${appPort}` };
  await prepareDatabase(env);

  if (useSandbox) {
    env.TRELLIS_KEYSTONE_URL = `http://127.0.0.1:${sandboxPort}/identity/v3`;
    // The sandbox is registered as the admin project's default VIM on first start.
    env.TRELLIS_SANDBOX_VIM = JSON.stringify({ authUrl: env.TRELLIS_KEYSTONE_URL, username: 'admin', password: 'admin', project: 'admin' });
    const sandboxEnv = { ...env, SANDBOX_PORT: String(sandboxPort), SANDBOX_STATE: env.SANDBOX_STATE || path.join(root, 'data', 'sandbox'), SANDBOX_NFV_URL: `http://127.0.0.1:${appPort}/` };
    start('sandbox', process.execPath, ['--import', 'tsx', path.join(root, 'sandbox', 'main.ts')], sandboxEnv);
    await waitForHttp(`http://127.0.0.1:${sandboxPort}/identity/v3`, 30_000);
  }

  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (production) {
    if (!process.argv.includes('--no-build')) {
      const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'inherit' });
      if (build.status !== 0) process.exit(build.status ?? 1);
    }
    start('app', process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(appPort)], { ...env, NODE_ENV: 'production' });
  } else {
    start('app', process.execPath, [next, 'dev', '-H', '127.0.0.1', '-p', String(appPort)], env);
  }
  await waitForHttp(`http://127.0.0.1:${appPort}/login`, 180_000);
  console.log(`\n  Trellis is up: http://127.0.0.1:${appPort}\n  Sign in with domain Default, user admin, password admin${useSandbox ? ' (sandbox cloud)' : ''}.\n`);
}

main().catch((e) => {
  console.error(e);
  shutdown(1);
});
