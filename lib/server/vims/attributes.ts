// The VIM resource of Tacker's v1.0 API as an attribute table, and the zod schemas of its parts.
// Pure (zod only): the Register/Edit VIM forms validate with these same schemas in the browser.
import { z } from 'zod';
import { attr, compileBodySchema, type AttributeTable } from '../api/attributes';

/**
 * Tacker stores cert_verify as the strings "True"/"False" (python-tackerclient sends
 * `"cert_verify": "False"` from vim_config.yaml); JSON clients send booleans. Both become "True"/"False".
 */
export const certVerifySchema = z
  .union([z.boolean(), z.string().regex(/^(true|false|1|0)$/i, 'must be True or False')])
  .transform((v) => (v === true || (typeof v === 'string' && /^(true|1)$/i.test(v)) ? 'True' : 'False'));

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(255);

const secretText = (what: string) => z.string().min(1, `${what} must not be empty`).max(1024);

/** The keys auth_cred may carry, each optional on its own (what is required together is checked below). */
function authCredFields() {
  return z.strictObject({
    username: nonEmpty('username').optional(),
    user_id: nonEmpty('user_id').optional(),
    password: secretText('password').optional(),
    user_domain_name: nonEmpty('user_domain_name').optional(),
    application_credential_id: nonEmpty('application_credential_id').optional(),
    application_credential_secret: secretText('application_credential_secret').optional(),
    cert_verify: certVerifySchema.optional(),
  });
}

/**
 * auth_cred of a create: a user (name + domain, or id) and a password, or an application
 * credential (id + secret; Keystone binds it to its project).
 */
export const authCredSchema = authCredFields()
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.application_credential_id !== undefined || c.application_credential_secret !== undefined) {
      if (!c.application_credential_id) issue('application_credential_id', 'is required with application_credential_secret');
      if (!c.application_credential_secret) issue('application_credential_secret', 'is required');
      for (const k of ['username', 'user_id', 'password'] as const) if (c[k] !== undefined) issue(k, 'give either a user and password or an application credential, not both');
      return;
    }
    if (!c.username && !c.user_id) issue('username', 'give username or user_id');
    if (c.password === undefined) issue('password', 'is required');
  });

/** auth_cred of an update: every key optional, merged onto the stored credentials. */
export const authCredUpdateSchema = authCredFields();

export const vimProjectSchema = z
  .strictObject({
    name: nonEmpty('name').optional(),
    id: nonEmpty('id').optional(),
    project_domain_name: nonEmpty('project_domain_name').optional(),
  })
  .refine((p) => Boolean(p.name || p.id), { message: 'give the project name or id', path: ['name'] });

export const authUrlSchema = z
  .string()
  .trim()
  .max(1024)
  .refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL, e.g. https://keystone.example.com:5000/v3');

export const VIM_ATTRIBUTES = {
  id: attr(z.string(), { allowPost: false }),
  tenant_id: attr(nonEmpty('tenant_id').max(64), { default: null }),
  type: attr(z.literal('openstack', { message: "only type 'openstack' is supported" }), { default: 'openstack' }),
  name: attr(nonEmpty('name'), { allowPut: true }),
  description: attr(z.string().max(1024), { default: '', allowPut: true }),
  auth_url: attr(authUrlSchema),
  auth_cred: attr(authCredSchema, { allowPut: true }),
  vim_project: attr(vimProjectSchema, { allowPut: true }),
  placement_attr: attr(z.unknown(), { allowPost: false }),
  status: attr(z.string(), { allowPost: false }),
  is_default: attr(z.boolean(), { default: false, allowPut: true }),
  shared: attr(z.boolean(), { default: false }),
  created_at: attr(z.string(), { allowPost: false }),
  updated_at: attr(z.string(), { allowPost: false }),
} satisfies AttributeTable;

export const vimCreateBody = compileBodySchema('vim', VIM_ATTRIBUTES, 'POST');

// PUT merges partial credentials, so its auth_cred / vim_project are the partial forms.
export const vimUpdateBody = compileBodySchema(
  'vim',
  {
    ...VIM_ATTRIBUTES,
    auth_cred: attr(authCredUpdateSchema, { allowPut: true }),
    vim_project: attr(
      z.strictObject({ name: nonEmpty('name').optional(), id: nonEmpty('id').optional(), project_domain_name: nonEmpty('project_domain_name').optional() }),
      { allowPut: true },
    ),
  },
  'PUT',
);

export type VimCreateInput = z.infer<typeof vimCreateBody>['vim'] & {
  tenant_id: string | null;
  name: string;
  description: string;
  auth_url: string;
  auth_cred: z.infer<typeof authCredSchema>;
  vim_project: z.infer<typeof vimProjectSchema>;
  is_default: boolean;
  shared: boolean;
  type: 'openstack';
};
export type VimUpdateInput = {
  name?: string;
  description?: string;
  is_default?: boolean;
  auth_cred?: z.infer<typeof authCredUpdateSchema>;
  vim_project?: { name?: string; id?: string; project_domain_name?: string };
};

/** What the API shows of a VIM (Tacker's vim dict; the password is always "***"). */
export type VimView = {
  id: string;
  tenant_id: string;
  type: string;
  name: string;
  description: string;
  auth_url: string;
  auth_cred?: {
    username?: string;
    user_id?: string;
    user_domain_name?: string;
    application_credential_id?: string;
    cert_verify: string;
    /** one of the two, always masked */
    password?: '***';
    application_credential_secret?: '***';
  };
  vim_project: { name?: string; id?: string; project_domain_name?: string };
  placement_attr: { regions: string[] };
  status: string;
  is_default: boolean;
  shared: boolean;
  created_at: string;
  updated_at: string | null;
};
