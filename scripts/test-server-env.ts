// Environment of a throwaway Trellis (production build + its own sandbox cloud and database)
// started by the end-to-end tiers with `scripts/dev.ts --production --no-build`.
import path from 'node:path';

export function testServerEnv(opts: { appPort: number; sandboxPort: number; dataDir: string }): Record<string, string> {
  return {
    PORT: String(opts.appPort),
    SANDBOX_PORT: String(opts.sandboxPort),
    SANDBOX_STATE: path.join(opts.dataDir, 'sandbox'),
    SANDBOX_RESOURCE_DELAY_MS: '200',
    TRELLIS_DATA_DIR: opts.dataDir,
    DATABASE_URL: `file:${path.join(opts.dataDir, 'trellis.db')}`,
    NEXTAUTH_URL: `http://127.0.0.1:${opts.appPort}`,
  };
}
