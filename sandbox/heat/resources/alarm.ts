// OS::Aodh::Alarm (and the Gnocchi alarm types): a tracked alarm with its actions (e.g. scaling policy URLs).
import { uuid } from '../../util';
import type { ResourcePlugin } from './types';

export const alarmResource: ResourcePlugin = {
  create: (ctx, props) => {
    const alarm = {
      id: uuid(), name: ctx.physicalName, projectId: ctx.stack.projectId, type: ctx.resource.type,
      enabled: props.enabled !== false, state: 'insufficient data' as const,
      alarmActions: Array.isArray(props.alarm_actions) ? props.alarm_actions.map(String) : [], createdAt: Date.now(), properties: props,
    };
    ctx.cloud.alarms.push(alarm);
    ctx.resource.physicalId = alarm.id;
  },
  update: (ctx, props) => {
    const alarm = ctx.cloud.alarms.find((a) => a.id === ctx.resource.physicalId);
    if (alarm) {
      alarm.properties = props;
      alarm.alarmActions = Array.isArray(props.alarm_actions) ? props.alarm_actions.map(String) : [];
    }
  },
  delete: (ctx) => {
    ctx.cloud.alarms = ctx.cloud.alarms.filter((a) => a.id !== ctx.resource.physicalId);
  },
  attributes: (ctx) => {
    const alarm = ctx.cloud.alarms.find((a) => a.id === ctx.resource.physicalId);
    return alarm ? { alarm_id: alarm.id, state: alarm.state, enabled: alarm.enabled, alarm_actions: alarm.alarmActions, ...alarm.properties } : {};
  },
};
