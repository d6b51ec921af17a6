// The resource type registry: type name -> implementation. Types not listed here are template
// resources when `files` holds a template of that name, otherwise "could not be found".
import { alarmResource } from './alarm';
import { autoScalingGroupResource } from './autoscaling-group';
import { flavorResource } from './flavor';
import { floatingIpResource } from './floating-ip';
import { imageResource } from './image';
import { netResource } from './net';
import { noneResource } from './none';
import { portResource } from './port';
import { randomStringResource } from './random-string';
import { scalingPolicyResource } from './scaling-policy';
import { securityGroupResource } from './security-group';
import { serverResource } from './server';
import { softwareDeploymentResource } from './software-deployment';
import { subnetResource } from './subnet';
import { templateResource } from './template-resource';
import { testResource } from './test-resource';
import { serverGroupResource, softwareConfigResource, swiftContainerResource } from './tracked';
import type { ResourcePlugin } from './types';
import { volumeAttachmentResource } from './volume-attachment';
import { volumeResource } from './volume';

export const RESOURCE_TYPES: Record<string, ResourcePlugin> = {
  'OS::Heat::None': noneResource,
  'OS::Heat::RandomString': randomStringResource,
  'OS::Heat::TestResource': testResource,
  'OS::Heat::AutoScalingGroup': autoScalingGroupResource,
  'OS::Heat::ScalingPolicy': scalingPolicyResource,
  'OS::Nova::Server': serverResource,
  'OS::Nova::Flavor': flavorResource,
  'OS::Nova::ServerGroup': serverGroupResource,
  'OS::Heat::SoftwareConfig': softwareConfigResource,
  'OS::Heat::SoftwareDeployment': softwareDeploymentResource,
  'OS::Swift::Container': swiftContainerResource,
  'OS::Neutron::FloatingIP': floatingIpResource,
  'OS::Glance::Image': imageResource,
  'OS::Glance::WebImage': imageResource,
  'OS::Neutron::Net': netResource,
  'OS::Neutron::Subnet': subnetResource,
  'OS::Neutron::Port': portResource,
  'OS::Neutron::SecurityGroup': securityGroupResource,
  'OS::Cinder::Volume': volumeResource,
  'OS::Cinder::VolumeAttachment': volumeAttachmentResource,
  'OS::Aodh::Alarm': alarmResource,
  'OS::Aodh::GnocchiAggregationByResourcesAlarm': alarmResource,
  'OS::Aodh::EventAlarm': alarmResource,
};

/** The implementation for a type, or undefined when the type is unknown (and not a template file). */
export function pluginFor(type: string, files: Record<string, string>): ResourcePlugin | undefined {
  return RESOURCE_TYPES[type] ?? (type in files ? templateResource : undefined);
}
