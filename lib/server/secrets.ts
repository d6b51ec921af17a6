// Secrets at rest (VIM passwords, application-credential secrets): AES-256-GCM under a key from
// TRELLIS_SECRET_KEY (base64 or hex, 32 bytes) or a key file generated on first start (0600,
// in the data folder, outside the repository). Envelope: "v1:<key id>:<iv>:<tag>:<ciphertext>".
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ALGORITHM = 'aes-256-gcm';

export interface SecretKey { id: string; key: Buffer }

let cachedKey: SecretKey | undefined;

export function keyFilePath(): string {
  return process.env.TRELLIS_SECRET_KEY_FILE || path.resolve(/*turbopackIgnore: true*/ process.env.TRELLIS_DATA_DIR || 'data', 'secret.key');
}

export function parseKey(text: string): SecretKey {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('secret key must be 32 bytes (64 hex characters or base64)');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/** The key in force; creates the key file on first use when no key is configured. */
export function currentKey(): SecretKey {
  if (cachedKey) return cachedKey;
  if (process.env.TRELLIS_SECRET_KEY) return (cachedKey = parseKey(process.env.TRELLIS_SECRET_KEY));
  const file = keyFilePath();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return (cachedKey = parseKey(fs.readFileSync(file, 'utf8')));
}

/** For tests and key rotation. */
export function resetKeyCache() {
  cachedKey = undefined;
}

export function encryptSecret(plaintext: string, key: SecretKey = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function decryptSecret(envelope: string, keys: SecretKey[] = [currentKey()]): string {
  const [version, keyId, iv, tag, data] = envelope.split(':');
  if (version !== 'v1' || !data) throw new Error('not a Trellis secret envelope');
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new Error(`secret was encrypted with key ${keyId}, which is not configured`);
  const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
