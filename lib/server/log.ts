// Structured JSON logs, one object per line, with the request id of the current request.
// Values under secret-looking keys are never written.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogContext { requestId?: string; user?: string; project?: string }
export const logContext = new AsyncLocalStorage<LogContext>();

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '***' : redact(v, depth + 1);
  return out;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** TRELLIS_LOG_LEVEL (debug | info | warn | error; default info, or debug with TRELLIS_DEBUG). */
function minimumLevel(): Level {
  const wanted = process.env.TRELLIS_LOG_LEVEL as Level | undefined;
  return wanted && wanted in RANK ? wanted : process.env.TRELLIS_DEBUG ? 'debug' : 'info';
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  if (RANK[level] < RANK[minimumLevel()]) return;
  const ctx = logContext.getStore();
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...ctx, ...(redact(fields) as object) });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
