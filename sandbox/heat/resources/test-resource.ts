// OS::Heat::TestResource: echoes `value` as attribute `output`, waits `wait_secs`, fails on `fail: true`
// with Heat's reason text.
import { ResourceFailure } from '../errors';
import type { ResourcePlugin } from './types';

export const testResource: ResourcePlugin = {
  extraDelayMs: (props) => Math.max(0, Number(props.wait_secs ?? 0)) * 1000,
  create: (ctx, props) => {
    if (props.fail === true || props.fail === 'true') throw new ResourceFailure(`ValueError: resources.${ctx.resource.name}: Test Resource failed ${ctx.resource.name}`);
    ctx.resource.data.output = props.value ?? '';
    ctx.resource.physicalId = ctx.physicalName;
  },
  update: (ctx, props) => {
    if (props.fail === true || props.fail === 'true') throw new ResourceFailure(`ValueError: resources.${ctx.resource.name}: Test Resource failed ${ctx.resource.name}`);
    ctx.resource.data.output = props.value ?? '';
  },
  delete: () => {},
  attributes: (ctx) => ({ output: ctx.resource.data.output ?? null }),
};
