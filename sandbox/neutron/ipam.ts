// IPv4 address arithmetic for subnets: parse CIDRs, pick the next free address from the pools.
export class CidrError extends Error {}

export function ipToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) throw new CidrError(`"${ip}" is not an IPv4 address`);
  return parts.reduce((acc, o) => acc * 256 + Number(o), 0);
}
export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export function parseCidr(cidr: string): { network: number; size: number; bits: number } {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(cidr);
  if (!match || Number(match[2]) > 30 || Number(match[2]) < 8) throw new CidrError(`Invalid input for cidr. Reason: '${cidr}' is not a valid IPv4 CIDR (prefix 8..30).`);
  const bits = Number(match[2]);
  const size = 2 ** (32 - bits);
  const network = ipToInt(match[1]) - (ipToInt(match[1]) % size);
  return { network, size, bits };
}

/** Neutron's defaults: gateway = first host, pool = second host .. last host. */
export function defaultLayout(cidr: string): { gatewayIp: string; pool: { start: string; end: string } } {
  const { network, size } = parseCidr(cidr);
  return { gatewayIp: intToIp(network + 1), pool: { start: intToIp(network + 2), end: intToIp(network + size - 2) } };
}

/** Lowest address of the pools not in `used`, or null when the subnet is full. */
export function nextFreeIp(pools: { start: string; end: string }[], used: Set<string>): string | null {
  for (const pool of pools) {
    for (let n = ipToInt(pool.start); n <= ipToInt(pool.end); n++) {
      const ip = intToIp(n);
      if (!used.has(ip)) return ip;
    }
  }
  return null;
}

export function ipInCidr(ip: string, cidr: string): boolean {
  const { network, size } = parseCidr(cidr);
  const n = ipToInt(ip);
  return n >= network && n < network + size;
}
