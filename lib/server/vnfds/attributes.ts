// Tacker's RESOURCE_ATTRIBUTE_MAP for vnfds, as data. Pure (zod only): the browser forms reuse it.
import { z } from 'zod';
import { attr, compileBodySchema, type AttributeTable } from '../api/attributes';

/** A TOSCA VNFD as sent by clients: a JSON object (python-tackerclient) or YAML text (the editor). */
export const vnfdTemplateSchema = z.union([z.string().min(1, 'must not be empty'), z.record(z.string(), z.unknown())], {
  error: 'must be a TOSCA template: a YAML string or an object',
});

export const vnfdAttributesSchema = z.strictObject({ vnfd: vnfdTemplateSchema });

export const serviceTypesSchema = z.array(z.strictObject({ service_type: z.string().min(1).max(255) })).min(1);

export const TEMPLATE_SOURCES = ['onboarded', 'inline'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export const VNFD_ATTRIBUTES: AttributeTable = {
  id: attr(z.string(), { allowPost: false }),
  tenant_id: attr(z.string().max(255), { default: '' }),
  // Empty name/description: taken from the template (metadata.template_name, description).
  name: attr(z.string().max(255), { default: '', allowPut: true }),
  description: attr(z.string().max(4096), { default: '', allowPut: true }),
  service_types: attr(serviceTypesSchema, { default: [{ service_type: 'vnfd' }] }),
  // Trellis extension: a PUT with a new template creates a new version (Tacker refused it).
  attributes: attr(vnfdAttributesSchema, { allowPut: true }),
  template_source: attr(z.enum(TEMPLATE_SOURCES), { default: 'onboarded' }),
  created_at: attr(z.string(), { allowPost: false }),
  updated_at: attr(z.string(), { allowPost: false }),
};


export interface CreateVnfdInput {
  tenant_id: string;
  name: string;
  description: string;
  service_types: { service_type: string }[];
  attributes: { vnfd: string | Record<string, unknown> };
  template_source: TemplateSource;
}
export interface UpdateVnfdInput {
  name?: string;
  description?: string;
  attributes?: { vnfd: string | Record<string, unknown> };
}

// The compiled validators, typed with what they produce.
export const createVnfdBody = compileBodySchema('vnfd', VNFD_ATTRIBUTES, 'POST') as unknown as z.ZodType<{ vnfd: CreateVnfdInput }>;
export const updateVnfdBody = compileBodySchema('vnfd', VNFD_ATTRIBUTES, 'PUT') as unknown as z.ZodType<{ vnfd: UpdateVnfdInput }>;
