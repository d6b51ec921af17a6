// OS::Heat::SoftwareDeployment: in a real cloud an agent on the server runs the config and
// signals back; the sandbox has no VMs, so it reports the deployment as run successfully
// (status code 0, empty output) once the server and the config exist.
import { uuid } from '../../util';
import { propertyError, requireString } from './property-error';
import type { ResourcePlugin } from './types';

export const softwareDeploymentResource: ResourcePlugin = {
  create: (ctx, props) => {
    const server = requireString(ctx, props, 'server');
    if (!ctx.cloud.servers.some((s) => s.id === server)) throw propertyError(ctx, 'server', `Error validating value '${server}': The server (${server}) could not be found.`);
    const configId = requireString(ctx, props, 'config');
    if (!ctx.cloud.misc.some((m) => m.id === configId && m.kind === 'software-config')) throw propertyError(ctx, 'config', `Software config ${configId} could not be found.`);
    ctx.resource.physicalId = uuid();
    ctx.resource.data.result = { deploy_stdout: '', deploy_stderr: '', deploy_status_code: 0 };
  },
  update: () => {},
  delete: () => {},
  attributes: (ctx) => ({ ...(ctx.resource.data.result as Record<string, unknown>) }),
};
