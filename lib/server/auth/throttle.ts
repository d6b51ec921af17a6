// Slows down password guessing: after a few failures for the same user name (or address),
// every further attempt waits longer (1 s, 2 s, 4 s ... up to 30 s) before Keystone is asked.
import { config } from '../config';
import { db } from '../db';

const MAX_DELAY_MS = 30_000;
const FORGET_AFTER_MS = 15 * 60_000;

export function throttleKey(username: string, address: string) {
  return `${username.toLowerCase()}|${address}`;
}

export async function delayBeforeAttempt(key: string): Promise<number> {
  const row = await db().signInThrottle.findUnique({ where: { key } });
  if (!row || Date.now() - row.lastFailure.getTime() > FORGET_AFTER_MS) return 0;
  const excess = row.failures - config.signInFreeFailures;
  return excess < 0 ? 0 : Math.min(1000 * 2 ** excess, MAX_DELAY_MS);
}

export async function recordFailure(key: string) {
  await db().signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, lastFailure: new Date() },
    update: { failures: { increment: 1 }, lastFailure: new Date() },
  });
}

export async function recordSuccess(key: string) {
  await db().signInThrottle.deleteMany({ where: { key } });
}
