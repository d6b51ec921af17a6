// Entry point: `npx tsx sandbox/main.ts --port 5100 --state DIR` (or SANDBOX_PORT / SANDBOX_STATE).
import { configFromEnv, type SandboxConfig } from './config';
import { startSandbox } from './server';

function parseArgs(argv: string[], config: SandboxConfig): SandboxConfig {
  const out = { ...config };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      console.log('usage: tsx sandbox/main.ts [--port N] [--state DIR] [--nfv-url URL] [--resource-delay-ms N]');
      process.exit(0);
    }
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--port') out.port = Number(value);
    else if (flag === '--state') out.stateDir = value;
    else if (flag === '--nfv-url') out.nfvUrl = value;
    else if (flag === '--resource-delay-ms') out.resourceDelayMs = Number(value);
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error(`--port must be 0..65535`);
  if (!Number.isFinite(out.resourceDelayMs) || out.resourceDelayMs < 0) throw new Error('--resource-delay-ms must be >= 0');
  return out;
}

async function main(): Promise<void> {
  const config = parseArgs(process.argv.slice(2), configFromEnv());
  const sandbox = await startSandbox(config);
  console.log(`[sandbox] OpenStack sandbox listening on ${sandbox.url} (state: ${config.stateDir})`);
  const password = (user: string, env: string) => (process.env[env] ? `${user}/$${env}` : `${user}/${user}`);
  console.log(`[sandbox] auth URL ${sandbox.url}/identity/v3  users ${password('admin', 'SANDBOX_ADMIN_PASSWORD')}, ${password('demo', 'SANDBOX_DEMO_PASSWORD')}  region ${config.region}`);
  const shutdown = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(`[sandbox] ${(e as Error).message}`);
  process.exit(1);
});
