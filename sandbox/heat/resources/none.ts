// OS::Heat::None: creates nothing, keeps its properties.
import { uuid } from '../../util';
import type { ResourcePlugin } from './types';

export const noneResource: ResourcePlugin = {
  create: (ctx) => {
    ctx.resource.physicalId = uuid();
  },
  update: () => {},
  delete: () => {},
  attributes: () => ({}),
};
