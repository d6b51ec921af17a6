// The OpenStack session of a VIM for the VNF work: the VIM module's connectVim(), cached per
// VIM (+ region) so the tracker does not authenticate on every tick; renewed when the row changes.
import type { Cloud } from '@/lib/openstack';
import { connectVim, type Vim } from '../vims/connect';

export type VimRow = Vim;

const sessions = new Map<string, { stamp: string; cloud: Promise<Cloud> }>();

export function vimRegions(vim: VimRow): string[] {
  try {
    const regions = JSON.parse(vim.placementAttr).regions;
    return Array.isArray(regions) ? regions.map(String) : [];
  } catch {
    return [];
  }
}

export function connectVimCloud(vim: VimRow, region?: string | null): Promise<Cloud> {
  const key = `${vim.id}|${region ?? ''}`;
  const stamp = `${vim.updatedAt.getTime()}|${vim.secretEnc}`;
  const cached = sessions.get(key);
  if (cached && cached.stamp === stamp) return cached.cloud;
  const cloud = connectVim(vim, { region: region ?? undefined, timeoutMs: 15_000 });
  sessions.set(key, { stamp, cloud });
  // A failed connect must not stay cached: the next attempt tries again.
  cloud.catch(() => {
    if (sessions.get(key)?.cloud === cloud) sessions.delete(key);
  });
  return cloud;
}

/** Drops cached sessions (tests; a VIM whose credentials changed). */
export function forgetVimSessions() {
  for (const s of sessions.values()) s.cloud.then((c) => c.close(), () => {});
  sessions.clear();
}
