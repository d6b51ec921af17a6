// Pure parts of the VNF feature: the state table, the stream cache merge, mgmt addresses, topology layout.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ACTIONS, SETTLEMENTS, VNF_STATES, canSettle, canStart, eventTypeFor, transitionError } from '@/lib/lifecycle/vnf-states';
import { applyStreamMessage, mergeVnf, vnfKeys, type VnfRow } from '@/lib/client/stream';
import { mgmtAddresses, scalingPolicies } from '@/components/vnfs/model';
import { layoutTopology, statusTone } from '@/components/vnfs/topology-layout';

describe('VNF state table', () => {
  it('allows scale and update only from ACTIVE, delete from settled states, force delete from anything', () => {
    for (const state of VNF_STATES) {
      expect(canStart('scale_out', state)).toBe(state === 'ACTIVE');
      expect(canStart('update', state)).toBe(state === 'ACTIVE');
      expect(canStart('delete', state)).toBe(['ACTIVE', 'INACTIVE', 'ERROR', 'DEAD'].includes(state));
      expect(canStart('delete', state, { force: true })).toBe(true);
    }
  });
  it('every pending state an action enters can settle, and only to its outcomes', () => {
    for (const a of Object.values(ACTIONS)) expect(SETTLEMENTS[a.pending]).toBeDefined();
    expect(canSettle('PENDING_CREATE', 'ACTIVE')).toBe(true);
    expect(canSettle('PENDING_CREATE', 'DELETED')).toBe(false);
    expect(canSettle('ACTIVE', 'ERROR')).toBe(false);
    expect(canSettle('PENDING_DELETE', 'DELETED')).toBe(true);
  });
  it('names the current state and the allowed ones in a refusal', () => {
    expect(transitionError('scale_in', 'PENDING_CREATE')).toBe('Cannot scale in VNF in state PENDING_CREATE; scale in is allowed from ACTIVE');
    expect(transitionError('delete', 'ACTIVE')).toBeNull();
    expect(eventTypeFor('PENDING_SCALE_IN')).toBe('SCALE');
    expect(eventTypeFor('PENDING_DELETE')).toBe('DELETE');
  });
});

const row = (over: Partial<VnfRow>): VnfRow => ({ id: 'a', tenant_id: 't', name: 'n', description: '', vnfd_id: 'd', vim_id: 'v', instance_id: null, status: 'PENDING_CREATE', mgmt_url: null, mgmt_ip_address: null, error_reason: null, placement_attr: {}, attributes: {}, created_at: null, updated_at: null, ...over });

describe('stream messages into the react-query cache', () => {
  it('merges a VNF into the list keeping page-only fields, and removes deleted ones', () => {
    const qc = new QueryClient();
    qc.setQueryData(vnfKeys.list, [{ ...row({ id: 'a' }), vnfd_name: 'x' }, row({ id: 'b' })]);
    applyStreamMessage(qc, { kind: 'vnf', vnf: row({ id: 'a', status: 'ACTIVE' }), at: 1 });
    applyStreamMessage(qc, { kind: 'vnf', vnf: row({ id: 'c' }), at: 2 });
    const list = qc.getQueryData<(VnfRow & { vnfd_name?: string })[]>(vnfKeys.list)!;
    expect(list.map((v) => `${v.id}:${v.status}`)).toEqual(['a:ACTIVE', 'b:PENDING_CREATE', 'c:PENDING_CREATE']);
    expect(list[0].vnfd_name).toBe('x');
    expect(qc.getQueryData<VnfRow>(vnfKeys.one('a'))!.status).toBe('ACTIVE');
    applyStreamMessage(qc, { kind: 'vnf_deleted', vnfId: 'b', at: 3 });
    expect(qc.getQueryData<VnfRow[]>(vnfKeys.list)!.map((v) => v.id)).toEqual(['a', 'c']);
    expect(mergeVnf(undefined, row({}))).toBeUndefined();
  });
  it('keeps progress while pending and drops it when the VNF settles', () => {
    const qc = new QueryClient();
    applyStreamMessage(qc, { kind: 'progress', vnfId: 'a', stackStatus: 'CREATE_IN_PROGRESS', done: 4, total: 7, resources: [], at: 1 });
    expect(qc.getQueryData(vnfKeys.progress('a'))).toMatchObject({ done: 4, total: 7 });
    applyStreamMessage(qc, { kind: 'vnf', vnf: row({ id: 'a', status: 'ACTIVE' }), at: 2 });
    expect(qc.getQueryData(vnfKeys.progress('a'))).toBeUndefined();
  });
});

describe('page helpers', () => {
  it('flattens mgmt_url of single VDUs and scaling groups', () => {
    expect(mgmtAddresses('{"VDU1": "10.0.0.3"}')).toEqual([{ vdu: 'VDU1', ip: '10.0.0.3' }]);
    expect(mgmtAddresses('{"VDU1": ["a", "b"], "VDU2": ["c"]}').map((x) => x.ip)).toEqual(['a', 'b', 'c']);
    expect(mgmtAddresses('not json')).toEqual([]);
    expect(scalingPolicies({ attributes: { scaling_group_names: '{"SP1": "SP1_group"}' } })).toEqual(['SP1']);
    expect(scalingPolicies({ attributes: {} })).toEqual([]);
  });
  it('lays out scaling groups as containers of members, each with its own resources', () => {
    const layout = layoutTopology([
      { name: 'SP1_group', type: 'OS::Heat::AutoScalingGroup', status: 'CREATE_COMPLETE', parent: null },
      { name: 'SP1_scale_out', type: 'OS::Heat::ScalingPolicy', status: 'CREATE_COMPLETE', parent: null },
      { name: 'm1', type: 'SP1_res.yaml', status: 'CREATE_COMPLETE', parent: 'SP1_group' },
      { name: 'm2', type: 'SP1_res.yaml', status: 'CREATE_IN_PROGRESS', parent: 'SP1_group' },
      { name: 'VDU1', type: 'OS::Nova::Server', status: 'CREATE_COMPLETE', parent: 'm1', required_by: [] },
      { name: 'CP1', type: 'OS::Neutron::Port', status: 'CREATE_COMPLETE', parent: 'm1', required_by: ['VDU1'] },
      { name: 'VDU1', type: 'OS::Nova::Server', status: 'CREATE_IN_PROGRESS', parent: 'm2' },
    ]);
    expect(layout.boxes.map((b) => `${b.kind}:${b.key}`)).toEqual(['group:/SP1_group', 'member:SP1_group/m1', 'member:SP1_group/m2']);
    expect(layout.nodes.map((n) => n.key).sort()).toEqual(['/SP1_scale_out', 'm1/CP1', 'm1/VDU1', 'm2/VDU1']);
    expect(layout.edges).toEqual([{ from: 'm1/CP1', to: 'm1/VDU1' }]);
    const [m1, m2] = layout.boxes.slice(1);
    expect(m2.x).toBeGreaterThan(m1.x + m1.w - 1);
    expect(statusTone('CREATE_FAILED')).toBe('err');
    expect(statusTone('UPDATE_IN_PROGRESS')).toBe('info');
    expect(statusTone('DELETE_COMPLETE')).toBe('neutral');
  });
});
