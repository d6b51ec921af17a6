// Resources the sandbox only records (no behaviour to imitate): OS::Nova::ServerGroup,
// OS::Swift::Container, OS::Heat::SoftwareConfig. Their attributes echo what was asked for.
import { uuid } from '../../util';
import type { ResourcePlugin } from './types';

export function trackedResource(kind: string, attributes: (name: string, props: Record<string, unknown>, id: string) => Record<string, unknown>): ResourcePlugin {
  return {
    create: (ctx, props) => {
      const id = uuid();
      ctx.cloud.misc.push({ id, kind, name: String(props.name ?? ctx.physicalName), projectId: ctx.stack.projectId, properties: props });
      ctx.resource.physicalId = id;
    },
    update: (ctx, props) => {
      const item = ctx.cloud.misc.find((m) => m.id === ctx.resource.physicalId);
      if (item) item.properties = props;
    },
    delete: (ctx) => {
      ctx.cloud.misc = ctx.cloud.misc.filter((m) => m.id !== ctx.resource.physicalId);
    },
    attributes: (ctx) => {
      const item = ctx.cloud.misc.find((m) => m.id === ctx.resource.physicalId);
      return item ? attributes(item.name, item.properties, item.id) : {};
    },
  };
}

export const serverGroupResource = trackedResource('server-group', (name, props, id) => ({ id, name, policies: props.policies ?? [], members: [] }));
export const swiftContainerResource = trackedResource('swift-container', (name, _props, id) => ({
  DomainName: 'sandbox.local', WebsiteURL: `http://sandbox.local/v1/AUTH_${id}/${name}`, RootURL: `http://sandbox.local/v1/AUTH_${id}/`,
  ObjectCount: 0, BytesUsed: 0, HeadContainer: {},
}));
export const softwareConfigResource = trackedResource('software-config', (name, props, id) => ({ config: props.config ?? '', id, name }));
