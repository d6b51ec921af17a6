// The key next-auth signs and encrypts session cookies with: NEXTAUTH_SECRET, or a random key
// kept in the data folder (created 0600 on first start) so sessions survive restarts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  if (process.env.NEXTAUTH_SECRET) return (cached = process.env.NEXTAUTH_SECRET);
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.TRELLIS_DATA_DIR || 'data', 'session.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first
    }
  }
  return (cached = fs.readFileSync(file, 'utf8').trim());
}
