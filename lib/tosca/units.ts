// Scalar-unit handling shared by the translators (TOSCA `scalar-unit.size`).
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1_000_000,
  mib: 1_048_576,
  gb: 1_000_000_000,
  gib: 1_073_741_824,
  tb: 1_000_000_000_000,
  tib: 1_099_511_627_776,
};

/** Parses "10 GB" / "512MB" / 512 into bytes; a bare number uses `defaultUnit`. */
export function sizeToBytes(value: unknown, defaultUnit = 'B'): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(String(value));
  if (!m) return null;
  const factor = SIZE_UNITS[(m[2] || defaultUnit).toLowerCase()];
  if (factor === undefined) return null;
  return Number(m[1]) * factor;
}

/** heat-translator's MemoryUnit.convert_unit_size_to_num: unitless numbers are taken as already in `unit`. */
export function convertSize(value: unknown, unit: string): number | null {
  const m = /^\s*(\d*(?:\.\d+)?)\s*([A-Za-z]*)/.exec(String(value));
  if (!m || m[1] === '') return null;
  if (!m[2]) return Number(m[1]);
  const bytes = sizeToBytes(value);
  if (bytes === null) return null;
  return Math.trunc(bytes / SIZE_UNITS[unit.toLowerCase()]);
}

/** Size in whole GiB rounded up, as Cinder wants (heat-translator's ScalarUnit_Size -> GiB rule). */
export function sizeToGiBCeil(value: unknown): number | null {
  const bytes = sizeToBytes(value, 'B');
  if (bytes === null) return null;
  const gib = bytes / SIZE_UNITS.gib;
  return Number.isInteger(gib) ? gib : Math.trunc(gib) + 1;
}

/**
 * Tacker's change_memory_unit: only MB and GB are understood, a bare number is MB, and division is
 * integer division (Python 2). Returns null for anything else, so the caller falls back to the default.
 */
export function tackerMemoryUnit(value: unknown, to: 'MB' | 'GB'): number | null {
  const text = /^\d+$/.test(String(value)) ? `${value} MB` : String(value).toUpperCase();
  const m = /^\s*(\d+(?:\.\d+)?)\s*(MB|GB)\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const from = m[2];
  if (from === to) return n;
  if (from === 'GB') return n * 1024;
  return Number.isInteger(n) ? Math.floor(n / 1024) : n / 1024;
}
