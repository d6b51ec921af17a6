// Small helpers shared by every sandbox service: ids and the time formats the real services use.
import { randomBytes, randomUUID, createHash } from 'node:crypto';

export const uuid = (): string => randomUUID();
/** Keystone/Nova style 32-hex ids. */
export const hexId = (): string => randomBytes(16).toString('hex');
/** Deterministic 32-hex id (catalog entries must keep their ids across restarts and port changes). */
export const stableHexId = (seed: string): string => createHash('md5').update(seed).digest('hex');
/** Heat's random 12-char lower-case suffixes (`s2-asg-ixjea6u4rhdu`). */
export function heatSuffix(length = 12): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  // Heat's short ids start with a letter
  return /[a-z]/.test(out[0]) ? out : 'a' + out.slice(1);
}
export const requestId = (): string => `req-${randomUUID()}`;
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** `2026-11-27T19:34:45Z` (Heat, Nova, Neutron). */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** `2026-11-28T20:31:21.000000Z` (Keystone token times). */
export const isoMicros = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
/** `2026-11-27T20:31:26.000000` (Nova launched_at). */
export const isoMicrosNoZone = (ms: number): string => isoMicros(ms).slice(0, -1);

export function randomMac(): string {
  const b = randomBytes(3);
  return ['fa', '16', '3e', ...Array.from(b, (x) => x.toString(16).padStart(2, '0'))].join(':');
}
