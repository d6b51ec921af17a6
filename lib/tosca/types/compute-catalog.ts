// heat-translator's built-in flavor and image tables, used to choose a flavor/image from the
// host and os capabilities without asking a cloud (same tables and tie-breaks as upstream).
import { convertSize } from '../units';

export const FLAVORS: Record<string, { mem_size: number; disk_size: number; num_cpus: number }> = {
  'm1.xlarge': { mem_size: 16384, disk_size: 160, num_cpus: 8 },
  'm1.large': { mem_size: 8192, disk_size: 80, num_cpus: 4 },
  'm1.medium': { mem_size: 4096, disk_size: 40, num_cpus: 2 },
  'm1.small': { mem_size: 2048, disk_size: 20, num_cpus: 1 },
  'm1.tiny': { mem_size: 512, disk_size: 1, num_cpus: 1 },
  'm1.micro': { mem_size: 128, disk_size: 0, num_cpus: 1 },
  'm1.nano': { mem_size: 64, disk_size: 0, num_cpus: 1 },
};

export const IMAGES: Record<string, { architecture: string; type: string; distribution: string; version: string }> = {
  'ubuntu-software-config-os-init': { architecture: 'x86_64', type: 'Linux', distribution: 'Ubuntu', version: '14.04' },
  'ubuntu-12.04-software-config-os-init': { architecture: 'x86_64', type: 'Linux', distribution: 'Ubuntu', version: '12.04' },
  'fedora-amd64-heat-config': { architecture: 'x86_64', type: 'Linux', distribution: 'Fedora', version: '18.0' },
  'F18-x86_64-cfntools': { architecture: 'x86_64', type: 'Linux', distribution: 'Fedora', version: '19' },
  'Fedora-x86_64-20-20131211.1-sda': { architecture: 'x86_64', type: 'Linux', distribution: 'Fedora', version: '20' },
  'cirros-0.3.1-x86_64-uec': { architecture: 'x86_64', type: 'Linux', distribution: 'CirrOS', version: '0.3.1' },
  'cirros-0.3.2-x86_64-uec': { architecture: 'x86_64', type: 'Linux', distribution: 'CirrOS', version: '0.3.2' },
  'rhel-6.5-test-image': { architecture: 'x86_64', type: 'Linux', distribution: 'RHEL', version: '6.5' },
};

type FlavorKey = 'mem_size' | 'disk_size' | 'num_cpus';

function matchFlavors(names: string[], attr: FlavorKey, size: unknown): string[] {
  if (!size) return names;
  // Upstream only compares integers; anything else matches nothing.
  if (!Number.isInteger(size)) return [];
  return names.filter((n) => FLAVORS[n][attr] >= (size as number));
}

export function bestFlavor(host: Record<string, unknown>): string | null {
  let names = Object.keys(FLAVORS);
  names = matchFlavors(names, 'num_cpus', host.num_cpus);
  names = matchFlavors(names, 'mem_size', host.mem_size ? convertSize(host.mem_size, 'MB') : host.mem_size);
  names = matchFlavors(names, 'disk_size', host.disk_size ? convertSize(host.disk_size, 'GB') : host.disk_size);
  if (!names.length) return null;
  return names.reduce((least, n) => (FLAVORS[n].mem_size < FLAVORS[least].mem_size ? n : least), names[0]);
}

function sameValue(a: string, b: unknown): boolean {
  const s = String(b).toLowerCase();
  if (a.toLowerCase() === s) return true;
  // YAML reads `version: 18.0` as the number 18; compare versions numerically too.
  return typeof b === 'number' && Number(a) === b;
}

export function bestImage(os: Record<string, unknown>): string | null {
  let names = Object.keys(IMAGES);
  for (const attr of ['architecture', 'type', 'distribution', 'version'] as const) {
    const want = os[attr];
    if (want === undefined || want === null || want === '') continue;
    names = names.filter((n) => sameValue(IMAGES[n][attr], want));
  }
  return names[0] ?? null;
}
