// The VIM attribute schemas run in the browser too (the Register/Edit forms): pure, and strict.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certVerifySchema, vimCreateBody, vimUpdateBody } from '@/lib/server/vims/attributes';

const FORBIDDEN = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)/g)].map(([, s, d]) => s ?? d);
}

describe('purity', () => {
  it('lib/server/vims/attributes.ts and what it imports use only zod', () => {
    const root = path.resolve(__dirname, '../..');
    const files = ['lib/server/vims/attributes.ts', 'lib/server/api/attributes.ts'];
    const offending: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(path.join(root, f))) {
        const ok = spec === 'zod' || spec === '../api/attributes';
        if (!ok || FORBIDDEN.has(spec)) offending.push(`${f}: ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe('schemas', () => {
  it.each([
    [true, 'True'], [false, 'False'], ['True', 'True'], ['False', 'False'], ['false', 'False'], ['TRUE', 'True'], ['1', 'True'], ['0', 'False'],
  ])('cert_verify %j -> %j', (input, out) => {
    expect(certVerifySchema.parse(input)).toBe(out);
  });

  it('cert_verify refuses anything else', () => {
    expect(certVerifySchema.safeParse('yes').success).toBe(false);
    expect(certVerifySchema.safeParse(1).success).toBe(false);
  });

  it('create fills Tacker\'s defaults', () => {
    const parsed = vimCreateBody.parse({ vim: { name: 'v', auth_url: 'https://k/v3', auth_cred: { username: 'u', password: 'p' }, vim_project: { id: 'abc' } } });
    expect(parsed.vim).toEqual({
      tenant_id: null, type: 'openstack', name: 'v', description: '', auth_url: 'https://k/v3',
      auth_cred: { username: 'u', password: 'p' }, vim_project: { id: 'abc' }, is_default: false, shared: false,
    });
  });

  it('update refuses what Tacker does not let change', () => {
    for (const key of ['auth_url', 'type', 'shared', 'tenant_id', 'status', 'id']) {
      const res = vimUpdateBody.safeParse({ vim: { [key]: 'x' } });
      expect(res.success, key).toBe(false);
    }
    expect(vimUpdateBody.safeParse({ vim: { name: 'n', description: 'd', is_default: true, auth_cred: { password: 'p' }, vim_project: { name: 'x' } } }).success).toBe(true);
  });
});
