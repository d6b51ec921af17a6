// "Validate on VIM" against the sandbox cloud's real Heat template-validate, through the UI route.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from '../support/harness';

let h: Harness;
let validate: typeof import('@/app/api/vnfds/validate-on-vim/route');
const SAMPLES = path.resolve(__dirname, '../../public/samples/vnfd');
const sample = (f: string) => fs.readFileSync(path.join(SAMPLES, f), 'utf8');

beforeAll(async () => {
  h = await startHarness();
  validate = await import('@/app/api/vnfds/validate-on-vim/route');
  const { db } = await import('@/lib/server/db');
  const { encryptSecret } = await import('@/lib/server/secrets');
  const admin = await h.token('admin');
  const validated = await (await fetch(`${h.keystoneUrl}/auth/tokens`, { headers: { 'x-auth-token': admin, 'x-subject-token': admin } })).json();
  const adminProject: string = validated.token.project.id;
  // A VIM row as the VIM module stores it (its API is another module): the sandbox's admin account.
  await db().vim.create({
    data: {
      id: 'sandbox-vim',
      tenantId: adminProject,
      name: 'sandbox',
      authUrl: h.keystoneUrl,
      authCred: JSON.stringify({ username: 'admin', user_domain_name: 'Default', cert_verify: 'True' }),
      secretEnc: encryptSecret('admin'),
      vimProject: JSON.stringify({ name: 'admin', project_domain_name: 'Default' }),
      status: 'REACHABLE',
    },
  });
});
afterAll(async () => h?.close());

const post = (token: string, body: unknown) => call(validate.POST, 'POST', '/api/vnfds/validate-on-vim', { token, body });

describe('validate on VIM', () => {
  it('Heat accepts the translated hello-world VNFD', async () => {
    const res = await post(await h.token('admin'), { vim_id: 'sandbox-vim', vnfd: sample('tosca-vnfd-hello-world.yaml') });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ valid: true, vim: { id: 'sandbox-vim', name: 'sandbox' } });
  });

  it('sends nested templates too (scaling sample: SP1_res.yaml)', async () => {
    const res = await post(await h.token('admin'), { vim_id: 'sandbox-vim', vnfd: sample('tosca-vnfd-scale.yaml') });
    expect(res.status, res.text).toBe(200);
    expect(res.json.valid).toBe(true);
  });

  it('an invalid VNFD never reaches the VIM: 400 with line and column', async () => {
    const res = await post(await h.token('admin'), { vim_id: 'sandbox-vim', vnfd: 'tosca_definitions_version: tosca_simple_profile_for_nfv_1_0_0\ntopology_template: [' });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.detail[0]).toMatchObject({ line: 2 });
  });

  it("another project's private VIM and an unknown VIM are 404", async () => {
    const demo = await post(await h.token('demo'), { vim_id: 'sandbox-vim', vnfd: sample('tosca-vnfd-hello-world.yaml') });
    expect(demo.status).toBe(404);
    const unknown = await post(await h.token('admin'), { vim_id: 'nope', vnfd: sample('tosca-vnfd-hello-world.yaml') });
    expect(unknown.status).toBe(404);
  });

  it('refuses unknown body keys', async () => {
    const res = await post(await h.token('admin'), { vim_id: 'sandbox-vim', vnfd: 'x: 1', extra: true });
    expect(res.status).toBe(400);
    expect(res.json.TackerError.message).toContain("'extra'");
  });
});
