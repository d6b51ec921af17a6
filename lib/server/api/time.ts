// Tacker's timestamp format in API responses: "2016-10-25 10:15:06" (UTC, no zone, no fraction).
export function tackerTime(d: Date): string {
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}
