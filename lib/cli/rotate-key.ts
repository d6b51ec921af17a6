// `trellis rotate-key`: a new secret key; every VIM secret is re-encrypted under it (one database
// transaction), then the key file is replaced (0600). The new key is written to "<file>.new" first,
// so a failure at any step leaves a readable database and a key that opens it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { currentKey, keyFilePath, parseKey, resetKeyCache } from '../server/secrets';
import { reencryptVimSecrets } from '../server/vims/rotate';

const USAGE = 'usage: trellis rotate-key   (uses DATABASE_URL and TRELLIS_SECRET_KEY / TRELLIS_SECRET_KEY_FILE / TRELLIS_DATA_DIR)\n';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = keyFilePath();
  const oldKey = currentKey();
  const newText = randomBytes(32).toString('base64');
  const newKey = parseKey(newText);
  const staged = `${file}.new`;
  fs.writeFileSync(staged, newText, { mode: 0o600 });
  let count: number;
  try {
    count = await reencryptVimSecrets([oldKey], newKey);
  } catch (e) {
    fs.rmSync(staged, { force: true });
    process.stderr.write(`rotate-key: ${(e as Error).message}\n`);
    return 1;
  }
  fs.renameSync(staged, file);
  fs.chmodSync(file, 0o600);
  resetKeyCache();
  process.stdout.write(`re-encrypted ${count} VIM secret(s): key ${oldKey.id} -> ${newKey.id}; new key written to ${file}\n`);
  if (process.env.TRELLIS_SECRET_KEY) {
    process.stderr.write(`TRELLIS_SECRET_KEY is set: replace its value with the content of ${file} (or unset it) before the server restarts\n`);
  }
  return 0;
}
