// The sandbox keeps its state on disk: a restart keeps tokens, stacks, servers, and resumes
// stack operations that were in progress.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_FILE } from '@/sandbox/store';
import { call, login, readTemplate, startTestSandbox, waitStack } from './helpers';

describe('sandbox persistence', () => {
  it('resumes an in-progress stack create after a restart and keeps tokens valid', async () => {
    const first = await startTestSandbox({ resourceDelayMs: 400 });
    const s = await login(first.url);
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'resume', template: readTemplate('tacker-vnf.yaml') } });
    const id = created.json.stack.id;
    await new Promise((r) => setTimeout(r, 500)); // VL1 done, VL1_subnet in progress
    const before = await call(`${s.heat}/stacks/resume/${id}`, { token: s.token });
    expect(before.json.stack.stack_status).toBe('CREATE_IN_PROGRESS');
    await first.close();

    const saved = JSON.parse(fs.readFileSync(path.join(first.stateDir, STATE_FILE), 'utf8'));
    expect(saved.heat.stacks[id].status).toBe('IN_PROGRESS');

    const second = await startTestSandbox({ stateDir: first.stateDir, resourceDelayMs: 20 });
    try {
      const url = `${second.url}/orchestration/v1/${s.projectId}/stacks/resume/${id}`;
      const sameToken = await call(url, { token: s.token });
      expect(sameToken.status).toBe(200);
      const done = await waitStack({ ...s, heat: `${second.url}/orchestration/v1/${s.projectId}` }, 'resume', id);
      expect(done.stack_status).toBe('CREATE_COMPLETE');
      expect(done.outputs[0].output_value).toBe('192.168.200.2');
      const events = await call(`${second.url}/orchestration/v1/${s.projectId}/stacks/resume/${id}/events?sort_dir=asc`, { token: s.token });
      const completes = events.json.events.filter((e: { resource_status: string }) => e.resource_status === 'CREATE_COMPLETE').map((e: { resource_name: string }) => e.resource_name);
      expect(completes).toEqual(['VL1', 'VL1_subnet', 'CP1', 'VDU1', 'resume']);
      const servers = await call(`${second.url}/compute/v2.1/servers`, { token: s.token });
      expect(servers.json.servers).toHaveLength(1);
    } finally {
      await second.close();
    }

    // a third start still sees the finished stack and the server
    const third = await startTestSandbox({ stateDir: first.stateDir });
    try {
      const servers = await call(`${third.url}/compute/v2.1/servers/detail`, { token: s.token });
      expect(servers.json.servers[0].addresses.VL1[0].addr).toBe('192.168.200.2');
    } finally {
      await third.close();
    }
  });

  it('refuses to start on a corrupt state file instead of silently resetting', async () => {
    const sb = await startTestSandbox();
    await sb.close();
    fs.writeFileSync(path.join(sb.stateDir, STATE_FILE), '{"schemaVersion": 1, ');
    await expect(startTestSandbox({ stateDir: sb.stateDir })).rejects.toThrow(/not valid JSON/);
  });
});
