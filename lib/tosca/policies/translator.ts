// The contract of policy-type modules.
import type { TranslationContext } from '../hot';
import type { PolicyTemplate } from '../model';

export interface PolicyTranslator {
  toscaType: string;
  description: string;
  /** Adds the policy's resources (or edits its targets' resources). */
  translate(policy: PolicyTemplate, ctx: TranslationContext): void;
}
