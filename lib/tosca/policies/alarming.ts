// tosca.policies.Monitoring (tosca.policies.tacker.Alarming): one alarm per trigger.
// Triggers with `meter_name` (Tacker, Ceilometer) -> OS::Aodh::Alarm; triggers with `metric`
// (Gnocchi, as heat-translator 2.x) -> OS::Aodh::GnocchiAggregationByResourcesAlarm.
import { ToscaError } from '../errors';
import { newResource } from '../hot';
import { isDict } from '../model';
import type { PolicyTranslator } from './translator';

const STATISTIC: Record<string, string> = { average: 'avg', avg: 'avg', mean: 'avg', median: 'avg', summary: 'sum', sum: 'sum', maximum: 'max', max: 'max', minimum: 'min', min: 'min', last: 'last', std: 'std', first: 'first', count: 'count' };

export const alarming: PolicyTranslator = {
  toscaType: 'tosca.policies.Monitoring',
  description: 'Alarms on metrics',
  translate(policy, ctx) {
    for (const [name, trigger] of Object.entries(policy.triggers)) {
      const path = [...policy.path, 'triggers', name];
      if (!isDict(trigger)) throw new ToscaError(`trigger "${name}" must be a mapping`, path, 'invalid_value');
      const cond = isDict(trigger.condition) ? trigger.condition : {};
      const props: Record<string, unknown> = {};
      let type: string;
      if (trigger.metric !== undefined) {
        type = 'OS::Aodh::GnocchiAggregationByResourcesAlarm';
        props.metric = trigger.metric;
        props.description = cond.constraint;
        props.evaluation_periods = cond.evaluations;
        props.granularity = cond.granularity ?? cond.period;
        props.aggregation_method = cond.aggregation_method ?? cond.method;
        props.threshold = cond.threshold;
        props.resource_type = cond.resource_type ?? 'instance';
        props.comparison_operator = cond.comparison_operator;
      } else if (trigger.meter_name !== undefined) {
        type = 'OS::Aodh::Alarm';
        props.description = cond.constraint;
        props.meter_name = trigger.meter_name;
        const method = cond.method === undefined ? undefined : String(cond.method);
        props.statistic = method === undefined ? undefined : (STATISTIC[method] ?? method);
        props.period = cond.period;
        props.evaluation_periods = cond.evaluations;
        props.threshold = cond.threshold;
        props.comparison_operator = cond.comparison_operator;
      } else {
        throw new ToscaError(`trigger "${name}" needs meter_name (Ceilometer) or metric (Gnocchi)`, path, 'missing_property');
      }
      const alarm = newResource(name, type, props);
      alarm.policy = true;
      ctx.add(alarm);
    }
  },
};
