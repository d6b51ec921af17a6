// Tacker's additions to oslo.policy: the `field:RESOURCE:ATTR=VALUE` check kind and the default
// policy Tacker ships (legacy v1.0 API: VIMs, VNFDs, VNFs, events). Pure.

import { BUILTIN_CHECKS } from './checks';
import { PolicyEvalError, pyTypeName } from './python';
import { PolicyLoadError, type CheckContext, type CheckFactory, type CheckRegistry, type Evaluation } from './tree';

/** Converts the VALUE text of a field check for one attribute; throws PolicyLoadError if it cannot. */
export type AttributeConverter = (raw: string) => unknown;

/** Finds the converter for RESOURCE:ATTR (Tacker's attribute map `convert_to`), if any. */
export type AttributeLookup = (resource: string, attribute: string) => AttributeConverter | undefined;

/** Tacker's convert_to_boolean: "true"/"false"/"1"/"0" in any case. */
export function convertToBoolean(raw: string): boolean {
  const lowered = raw.toLowerCase();
  if (lowered === 'true' || lowered === '1') return true;
  if (lowered === 'false' || lowered === '0') return false;
  throw new PolicyLoadError(`'${raw}' cannot be converted to boolean`);
}

/** The attributes of Tacker's v1.0 resource map that declare a conversion. */
export const TACKER_ATTRIBUTE_CONVERTERS: Readonly<Record<string, AttributeConverter>> = Object.freeze({
  'vims:shared': convertToBoolean,
});

const tackerLookup: AttributeLookup = (resource, attribute) => TACKER_ATTRIBUTE_CONVERTERS[`${resource}:${attribute}`];

/** Python `==` between a JSON target value and the converted field value (True == 1 == 1.0). */
function pyEquals(targetValue: unknown, expected: unknown): boolean {
  if (typeof expected === 'boolean') {
    if (typeof targetValue === 'boolean') return targetValue === expected;
    return typeof targetValue === 'number' && targetValue === (expected ? 1 : 0);
  }
  return targetValue === expected;
}

/**
 * `field:RESOURCE:ATTR=VALUE`: true when the target's ATTR equals VALUE (converted via the
 * attribute map); VALUE `~regex` matches at the start of the target's value. Creds are not used.
 */
export function fieldCheckFactory(lookup: AttributeLookup = tackerLookup): CheckFactory {
  return (_kind, match) => {
    const colon = match.indexOf(':');
    const equals = match.indexOf('=', colon + 1);
    if (colon < 0 || equals < 0) throw new PolicyLoadError(`field check "field:${match}" is not of the form field:RESOURCE:ATTR=VALUE`);
    const resource = match.slice(0, colon);
    const attribute = match.slice(colon + 1, equals);
    const converter = lookup(resource, attribute);
    const value = converter ? converter(match.slice(equals + 1)) : match.slice(equals + 1);
    let regex: RegExp | null = null;
    if (typeof value === 'string' && value.startsWith('~')) {
      try {
        regex = new RegExp(value.slice(1), 'y'); // sticky: anchored at the start, like re.match
      } catch (error) {
        throw new PolicyLoadError(`field check "field:${match}": bad regular expression (${(error as Error).message})`);
      }
    }
    return {
      // eslint-disable-next-line require-yield
      *evaluate({ target }: CheckContext): Evaluation {
        const targetValue = Object.hasOwn(target, attribute) ? target[attribute] : null;
        if (targetValue === null || targetValue === undefined) return false;
        if (regex) {
          if (typeof targetValue !== 'string') {
            throw new PolicyEvalError('TypeError', `expected string or bytes-like object, got '${pyTypeName(targetValue)}' (field ${attribute})`);
          }
          regex.lastIndex = 0;
          return regex.test(targetValue);
        }
        return pyEquals(targetValue, value);
      },
    };
  };
}

/** The built-in check kinds plus Tacker's `field:` check. */
export function tackerChecks(lookup?: AttributeLookup): CheckRegistry {
  return Object.freeze({ ...BUILTIN_CHECKS, field: fieldCheckFactory(lookup) });
}

const ADMIN_OR_OWNER = 'rule:admin_or_owner';

/** Per-resource actions of the legacy API: create/get/update/delete plus the list action. */
function crudRules(resource: string, read = ADMIN_OR_OWNER): Record<string, string> {
  return {
    [`create_${resource}`]: ADMIN_OR_OWNER,
    [`get_${resource}`]: read,
    [`get_${resource}s`]: read,
    [`update_${resource}`]: ADMIN_OR_OWNER,
    [`delete_${resource}`]: ADMIN_OR_OWNER,
  };
}

/**
 * Tacker's default policy (pike/queens etc/tacker/policy.json semantics): owners and admins may
 * do everything with their resources; shared VIMs are readable by everyone, but their
 * credentials (`get_vim:auth_cred`) only by the owner or an admin.
 */
export const TACKER_DEFAULT_POLICY: Readonly<Record<string, string>> = Object.freeze({
  context_is_admin: 'role:admin',
  admin_or_owner: 'rule:context_is_admin or tenant_id:%(tenant_id)s',
  admin_only: 'rule:context_is_admin',
  regular_user: '',
  shared: 'field:vims:shared=True',
  default: 'rule:admin_or_owner',
  ...crudRules('vim', 'rule:admin_or_owner or rule:shared'),
  'get_vim:auth_cred': ADMIN_OR_OWNER,
  'update_vim:is_default': ADMIN_OR_OWNER,
  ...crudRules('vnfd'),
  ...crudRules('vnf'),
  create_vnf_scale: ADMIN_OR_OWNER,
  get_vnf_resources: ADMIN_OR_OWNER,
  get_event: ADMIN_OR_OWNER,
  get_events: ADMIN_OR_OWNER,
});
