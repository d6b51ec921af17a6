// AutoScalingGroup + ScalingPolicy of the sandbox: nested member stacks, signals within
// min/max, cooldown, and outputs aggregated over members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, readTemplate, startTestSandbox, waitFor, waitStack, type Session, type TestSandbox } from './helpers';

let sb: TestSandbox;
let s: Session;
beforeAll(async () => {
  sb = await startTestSandbox({ resourceDelayMs: 20 });
  s = await login(sb.url);
});
afterAll(async () => sb?.close());

async function groupSize(name: string, id: string): Promise<number> {
  const res = await call(`${s.heat}/stacks/${name}/${id}/outputs/size`, { token: s.token });
  return res.json.output.output_value;
}

/** waits until the group's nested stack has settled at `size` members */
async function settledAt(name: string, id: string, size: number) {
  return waitFor(async () => {
    const group = await call(`${s.heat}/stacks/${name}/${id}/resources/SP1_group`, { token: s.token });
    const nestedHref = group.json.resource.links.find((l: { rel: string }) => l.rel === 'nested').href;
    const nested = await call(nestedHref, { token: s.token });
    if (nested.json.stack.stack_status.endsWith('IN_PROGRESS')) return undefined;
    return (await groupSize(name, id)) === size ? nested.json.stack : undefined;
  }, `group at ${size}`);
}

describe('sandbox heat: scaling', () => {
  it('creates N members from the files template and scales out/in within min/max on signals', async () => {
    const created = await call(`${s.heat}/stacks`, {
      method: 'POST', token: s.token,
      body: { stack_name: 'vnfasg', template: readTemplate('tacker-vnf-asg.yaml'), files: { 'SP1_res.yaml': readTemplate('SP1_res.yaml') } },
    });
    expect(created.status).toBe(201);
    const id = created.json.stack.id;
    const stack = await waitStack(s, 'vnfasg', id);
    expect(stack.stack_status).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries(stack.outputs.map((o: { output_key: string; output_value: unknown }) => [o.output_key, o.output_value]));
    expect(outputs.size).toBe(1);
    expect(outputs['mgmt_ip-VDU1']).toEqual(['192.168.201.2']);

    const rows = await call(`${s.heat}/stacks/vnfasg/${id}/resources?nested_depth=2`, { token: s.token });
    const members = rows.json.resources.filter((r: { parent_resource?: string }) => r.parent_resource === 'SP1_group');
    expect(members).toHaveLength(1);
    expect(members[0].resource_type).toBe('SP1_res.yaml');
    expect(members[0].resource_name).toMatch(/^[a-z][a-z0-9]{11}$/);
    const memberRows = rows.json.resources.filter((r: { parent_resource?: string }) => r.parent_resource === members[0].resource_name);
    expect(memberRows.map((r: { resource_name: string }) => r.resource_name).sort()).toEqual(['CP1', 'VDU1']);

    const signal = await call(`${s.heat}/stacks/vnfasg/${id}/resources/SP1_scale_out/signal`, { method: 'POST', token: s.token, body: {} });
    expect(signal.status).toBe(200);
    expect(signal.text).toBe('null');
    const nested = await settledAt('vnfasg', id, 2);
    expect(nested.stack_status).toBe('UPDATE_COMPLETE');
    const after = await waitStack(s, 'vnfasg', id);
    expect(after.stack_status).toBe('CREATE_COMPLETE');
    const ips = after.outputs.find((o: { output_key: string }) => o.output_key === 'mgmt_ip-VDU1').output_value;
    expect([...ips].sort()).toEqual(['192.168.201.2', '192.168.201.3']);
    const rows2 = await call(`${s.heat}/stacks/vnfasg/${id}/resources?nested_depth=1`, { token: s.token });
    const statuses = rows2.json.resources.filter((r: { parent_resource?: string }) => r.parent_resource === 'SP1_group').map((r: { resource_status: string }) => r.resource_status).sort();
    expect(statuses).toEqual(['CREATE_COMPLETE', 'UPDATE_COMPLETE']);

    await call(`${s.heat}/stacks/vnfasg/${id}/resources/SP1_scale_out/signal`, { method: 'POST', token: s.token, body: {} });
    await settledAt('vnfasg', id, 3);
    // at max_size: ignored, no event
    await call(`${s.heat}/stacks/vnfasg/${id}/resources/SP1_scale_out/signal`, { method: 'POST', token: s.token, rawBody: '' });
    const policyEvents = await call(`${s.heat}/stacks/vnfasg/${id}/resources/SP1_scale_out/events?sort_dir=asc`, { token: s.token });
    expect(policyEvents.json.events.map((e: { resource_status: string; resource_status_reason: string }) => `${e.resource_status} ${e.resource_status_reason}`))
      .toEqual(['CREATE_IN_PROGRESS state changed', 'CREATE_COMPLETE state changed', 'SIGNAL_COMPLETE Unknown', 'SIGNAL_COMPLETE Unknown']);
    expect(await groupSize('vnfasg', id)).toBe(3);
    const servers = await call(`${sb.url}/compute/v2.1/servers`, { token: s.token });
    expect(servers.json.servers).toHaveLength(3);

    // scale in removes the oldest member and its server
    await call(`${s.heat}/stacks/vnfasg/${id}/resources/SP1_scale_in/signal`, { method: 'POST', token: s.token, body: {} });
    await settledAt('vnfasg', id, 2);
    const ips2 = (await call(`${s.heat}/stacks/vnfasg/${id}/outputs/mgmt_ip-VDU1`, { token: s.token })).json.output.output_value;
    expect(ips2).not.toContain('192.168.201.2');
    expect((await call(`${sb.url}/compute/v2.1/servers`, { token: s.token })).json.servers).toHaveLength(2);

    await call(`${s.heat}/stacks/vnfasg/${id}`, { method: 'DELETE', token: s.token });
    expect((await waitStack(s, 'vnfasg', id)).stack_status).toBe('DELETE_COMPLETE');
    expect((await call(`${sb.url}/compute/v2.1/servers`, { token: s.token })).json.servers).toHaveLength(0);
  });

  it('honours the policy cooldown', async () => {
    const template = readTemplate('T.yaml').replace('cooldown: 0', 'cooldown: 60').replace('default: 8', 'default: 0');
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'cool', template, files: { 'member.yaml': readTemplate('member.yaml').replace('default: 1', 'default: 0') } } });
    const id = created.json.stack.id;
    await waitStack(s, 'cool', id);
    const size = async () => (await call(`${s.heat}/stacks/cool/${id}/outputs/asg_size`, { token: s.token })).json.output.output_value;
    expect(await size()).toBe(1);
    await call(`${s.heat}/stacks/cool/${id}/resources/scale_out/signal`, { method: 'POST', token: s.token, body: {} });
    await waitFor(async () => ((await size()) === 2 ? true : undefined), 'scale out');
    await waitStack(s, 'cool', id);
    await waitFor(async () => {
      const asg = await call(`${s.heat}/stacks/cool/${id}/resources/asg`, { token: s.token });
      const nested = await call(asg.json.resource.links.find((l: { rel: string }) => l.rel === 'nested').href, { token: s.token });
      return nested.json.stack.stack_status === 'UPDATE_COMPLETE' ? true : undefined;
    }, 'nested settle');
    await call(`${s.heat}/stacks/cool/${id}/resources/scale_out/signal`, { method: 'POST', token: s.token, body: {} });
    await new Promise((r) => setTimeout(r, 300));
    expect(await size()).toBe(2);
    const events = await call(`${s.heat}/stacks/cool/${id}/resources/scale_out/events`, { token: s.token });
    expect(events.json.events.filter((e: { resource_status: string }) => e.resource_status === 'SIGNAL_COMPLETE')).toHaveLength(1);
  });

  it('scales through the pre-signed alarm_url without a token, and rejects a tampered signature', async () => {
    const template = readTemplate('T.yaml').replace('default: 8', 'default: 0');
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'alarmed', template, files: { 'member.yaml': readTemplate('member.yaml').replace('default: 1', 'default: 0') } } });
    const id = created.json.stack.id;
    const stack = await waitStack(s, 'alarmed', id);
    const alarmUrl: string = stack.outputs.find((o: { output_key: string }) => o.output_key === 'scale_out_alarm_url').output_value;
    expect(alarmUrl.startsWith(`${sb.url}/orchestration/v1/signal/`)).toBe(true);
    const tampered = await call(alarmUrl.replace(/Signature=[^&]+/, 'Signature=forged'), { method: 'POST', body: {} });
    expect(tampered.status).toBe(403);
    const aodh = await call(alarmUrl, { method: 'POST', body: { previous: 'ok', current: 'alarm', reason: 'cpu high' } });
    expect(aodh.status).toBe(200);
    expect(aodh.text).toBe('null');
    const size = async () => (await call(`${s.heat}/stacks/alarmed/${id}/outputs/asg_size`, { token: s.token })).json.output.output_value;
    await waitFor(async () => ((await size()) === 2 ? true : undefined), 'alarm scale out');
    const events = await call(`${s.heat}/stacks/alarmed/${id}/resources/scale_out/events?resource_action=SIGNAL`, { token: s.token });
    expect(events.json.events[0].resource_status_reason).toBe('alarm state changed from ok to alarm (cpu high)');
  });

  it('deleting a stack while its group is still being created removes everything', async () => {
    const slow = await startTestSandbox({ resourceDelayMs: 150 });
    try {
      const admin = await login(slow.url);
      const created = await call(`${admin.heat}/stacks`, {
        method: 'POST', token: admin.token,
        body: { stack_name: 'early', template: readTemplate('tacker-vnf-asg.yaml'), files: { 'SP1_res.yaml': readTemplate('SP1_res.yaml') } },
      });
      const id = created.json.stack.id;
      // wait until the group's nested member stacks exist but are not finished
      await waitFor(async () => {
        const group = await call(`${admin.heat}/stacks/early/${id}/resources/SP1_group`, { token: admin.token });
        return group.json.resource.links.some((l: { rel: string }) => l.rel === 'nested') ? true : undefined;
      }, 'group nested stack');
      await new Promise((r) => setTimeout(r, 200));
      expect((await call(`${admin.heat}/stacks/early/${id}`, { method: 'DELETE', token: admin.token })).status).toBe(204);
      const done = await waitStack(admin, 'early', id, 20_000);
      expect(done.stack_status).toBe('DELETE_COMPLETE');
      // let any member that was mid-create finish its (aborted) work
      await new Promise((r) => setTimeout(r, 500));
      expect((await call(`${slow.url}/compute/v2.1/servers`, { token: admin.token })).json.servers).toEqual([]);
      expect((await call(`${slow.url}/network/v2.0/ports`, { token: admin.token })).json.ports).toEqual([]);
      const live = Object.values(slow.store.state.heat.stacks).filter((st) => !(st.action === 'DELETE' && st.status === 'COMPLETE'));
      expect(live.map((st) => `${st.name} ${st.action}_${st.status}`)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('fires an Aodh alarm through the admin API: its action (the policy alarm_url) scales the group', async () => {
    const template = {
      heat_template_version: '2016-10-14',
      resources: {
        group: { type: 'OS::Heat::AutoScalingGroup', properties: { min_size: 1, max_size: 2, resource: { type: 'OS::Heat::None' } } },
        out: { type: 'OS::Heat::ScalingPolicy', properties: { adjustment_type: 'change_in_capacity', auto_scaling_group_id: { get_resource: 'group' }, scaling_adjustment: 1, cooldown: 0 } },
        cpu_high: { type: 'OS::Aodh::Alarm', properties: { meter_name: 'cpu_util', threshold: 50, comparison_operator: 'gt', alarm_actions: [{ get_attr: ['out', 'alarm_url'] }] } },
      },
      outputs: { size: { value: { get_attr: ['group', 'current_size'] } } },
    };
    const created = await call(`${s.heat}/stacks`, { method: 'POST', token: s.token, body: { stack_name: 'aodh', template } });
    const id = created.json.stack.id;
    await waitStack(s, 'aodh', id);
    const alarmId = (await call(`${s.heat}/stacks/aodh/${id}/resources/cpu_high`, { token: s.token })).json.resource.physical_resource_id;
    const demo = await login(sb.url, 'demo');
    expect((await call(`${sb.url}/sandbox/alarms/${alarmId}/fire`, { method: 'POST', token: demo.token, body: {} })).status).toBe(403);
    const badState = await call(`${sb.url}/sandbox/alarms/${alarmId}/fire`, { method: 'POST', token: s.token, body: { state: 'on fire' } });
    expect(badState.status).toBe(400);
    const fired = await call(`${sb.url}/sandbox/alarms/${alarmId}/fire`, { method: 'POST', token: s.token, body: { reason: 'cpu 93%' } });
    expect(fired.status).toBe(200);
    expect(fired.json.alarm.state).toBe('alarm');
    expect(fired.json.deliveries).toEqual([{ url: expect.stringContaining('/orchestration/v1/signal/'), status: 200 }]);
    await waitFor(async () => {
      const out = await call(`${s.heat}/stacks/aodh/${id}/outputs/size`, { token: s.token });
      return out.json.output.output_value === 2 ? true : undefined;
    }, 'alarm-driven scale out');
    const list = await call(`${sb.url}/sandbox/alarms`, { token: s.token });
    expect(list.json.alarms.find((a: { id: string }) => a.id === alarmId).state).toBe('alarm');
  });
});
