// Tacker's RESOURCE_ATTRIBUTE_MAP for `vnfs`, as a table; the POST/PUT validators are compiled from it.
// The zod schemas are shared with the launch wizard (same validation in the browser).
import { z } from 'zod';
import { attr, compileBodySchema, type AttributeTable } from '../api/attributes';

/** YAML text or an already parsed mapping (python-tackerclient sends objects, curl users send text). */
export const yamlOrObject = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const vnfAttributesSchema = z.strictObject({
  param_values: yamlOrObject.optional(),
  config: yamlOrObject.optional(),
  // `vnf delete --force` sends this inside the DELETE body
  force: z.boolean().optional(),
});

export const placementAttrSchema = z.strictObject({ region_name: z.string().max(255).optional() });

export const VNF_ATTRIBUTES: AttributeTable = {
  id: attr(z.string(), { allowPost: false }),
  tenant_id: attr(z.string().max(255), { default: null }),
  vnfd_id: attr(z.string().max(255).nullable(), { default: null }),
  vim_id: attr(z.string().max(255).nullable(), { default: '' }),
  name: attr(z.string().min(1).max(255)),
  description: attr(z.string().max(1024), { default: '' }),
  instance_id: attr(z.string(), { allowPost: false }),
  mgmt_url: attr(z.string(), { allowPost: false }),
  mgmt_ip_address: attr(z.string(), { allowPost: false }),
  attributes: attr(vnfAttributesSchema, { default: {}, allowPut: true }),
  placement_attr: attr(placementAttrSchema, { default: {} }),
  vnfd_template: attr(z.union([z.string(), z.record(z.string(), z.unknown())]).nullable(), { default: null, visible: false }),
  status: attr(z.string(), { allowPost: false }),
  error_reason: attr(z.string(), { allowPost: false }),
  created_at: attr(z.string(), { allowPost: false }),
  updated_at: attr(z.string(), { allowPost: false }),
};

export const createVnfBody = compileBodySchema('vnf', VNF_ATTRIBUTES, 'POST');
export const updateVnfBody = compileBodySchema('vnf', VNF_ATTRIBUTES, 'PUT');

export const scaleBody = z.strictObject({
  scale: z.strictObject({ type: z.enum(['out', 'in']), policy: z.string().min(1).max(255) }),
});

export type CreateVnfInput = {
  tenant_id: string | null;
  vnfd_id: string | null;
  vim_id: string | null;
  name: string;
  description: string;
  attributes: z.infer<typeof vnfAttributesSchema>;
  placement_attr: z.infer<typeof placementAttrSchema>;
  vnfd_template: string | Record<string, unknown> | null;
};
