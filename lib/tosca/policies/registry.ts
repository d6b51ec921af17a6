// Policy type -> module. Lookup walks the type's ancestors, so tosca.policies.tacker.Scaling uses the
// tosca.policies.Scaling module. Tacker's own monitoring/failure policies need no Heat resources.
import type { TypeSystem } from '../typedefs';
import { alarming } from './alarming';
import { placement } from './placement';
import { scaling } from './scaling';
import type { PolicyTranslator } from './translator';

const noHeatResources = (toscaType: string, description: string): PolicyTranslator => ({ toscaType, description, translate: () => {} });

export const POLICY_TRANSLATORS: PolicyTranslator[] = [
  scaling,
  alarming,
  placement,
  noHeatResources('tosca.policies.tacker.Monitoring', 'Tacker VDU monitoring (handled by the monitor, not Heat)'),
  noHeatResources('tosca.policies.tacker.Failure', 'Tacker failure policy (handled by the monitor, not Heat)'),
];

const BY_TYPE = new Map(POLICY_TRANSLATORS.map((t) => [t.toscaType, t]));

export function policyTranslatorFor(types: TypeSystem, type: string): PolicyTranslator | undefined {
  for (const t of types.chain('policy_types', type)) {
    const found = BY_TYPE.get(t);
    if (found) return found;
  }
  return undefined;
}
