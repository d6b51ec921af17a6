// JSON schema of a Tacker VNFD, built from the translator's own type catalog, so completion and
// hover docs in the editor list exactly the node types, properties and capabilities it supports.
// Pure data (no Monaco): the schema only guides; the translator's errors are the validation.
import { NODE_TYPE_CATALOG, POLICY_TYPE_CATALOG, type CatalogProperty, type CatalogType } from '@/lib/tosca';

type Schema = Record<string, unknown>;

/** TOSCA property type -> JSON schema type (values may also be TOSCA functions such as get_input). */
const JSON_TYPES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  float: 'number',
  boolean: 'boolean',
  list: 'array',
  map: 'object',
};

const FUNCTION_HINT = 'Value, or a TOSCA function such as `{ get_input: name }`.';

function propertySchema(p: CatalogProperty): Schema {
  const type = JSON_TYPES[p.type];
  const doc = [p.description ?? '', `Type: \`${p.type}\`${p.required ? ' (required)' : ''}.`, p.default !== undefined ? `Default: \`${JSON.stringify(p.default)}\`.` : '', FUNCTION_HINT]
    .filter(Boolean)
    .join('\n\n');
  // The docs go on each branch too: hover shows the branch that matched the value.
  return {
    ...(type ? { anyOf: [{ type, markdownDescription: doc }, { type: 'object', markdownDescription: doc }] } : {}),
    markdownDescription: doc,
    ...(p.default !== undefined ? { default: p.default } : {}),
  };
}

function propertiesSchema(props: CatalogProperty[]): Schema {
  return { type: 'object', properties: Object.fromEntries(props.map((p) => [p.name, propertySchema(p)])) };
}

function typeDoc(t: CatalogType): string {
  return [`**${t.name}**`, t.description ?? '', t.derivedFrom ? `Derived from \`${t.derivedFrom}\`.` : '', t.heatType ? `Becomes Heat \`${t.heatType}\`.` : ''].filter(Boolean).join('\n\n');
}

/** Per type: once `type:` is known, its properties, capabilities and requirements complete. */
function nodeTemplateSchema(): Schema {
  return {
    type: 'object',
    properties: {
      type: { anyOf: NODE_TYPE_CATALOG.map((t) => ({ const: t.name, markdownDescription: typeDoc(t) })), markdownDescription: 'TOSCA node type.' },
      description: { type: 'string' },
      properties: { type: 'object' },
      capabilities: { type: 'object' },
      requirements: { type: 'array', items: { type: 'object' } },
      interfaces: { type: 'object' },
      artifacts: { type: 'object' },
    },
    required: ['type'],
    allOf: NODE_TYPE_CATALOG.map((t) => ({
      if: { properties: { type: { const: t.name } }, required: ['type'] },
      then: {
        properties: {
          properties: propertiesSchema(t.properties),
          capabilities: {
            type: 'object',
            properties: Object.fromEntries(
              t.capabilities.map((c) => [c.name, { type: 'object', markdownDescription: `${c.description ?? ''}\n\nCapability type \`${c.type}\`.`, properties: { properties: propertiesSchema(c.properties) } }]),
            ),
          },
          requirements: {
            type: 'array',
            items: { type: 'object', properties: Object.fromEntries(t.requirements.map((r) => [r, { markdownDescription: `Requirement \`${r}\` of ${t.name}: \`{ node: <node template> }\`.` }])) },
          },
        },
      },
    })),
  };
}

function policySchema(): Schema {
  return {
    type: 'object',
    properties: {
      type: { anyOf: POLICY_TYPE_CATALOG.map((t) => ({ const: t.name, markdownDescription: typeDoc(t) })), markdownDescription: 'TOSCA policy type.' },
      description: { type: 'string' },
      targets: { type: 'array', items: { type: 'string' }, markdownDescription: 'Node templates (VDUs) the policy applies to.' },
      properties: { type: 'object' },
      triggers: { type: 'object', markdownDescription: 'Alarm triggers (tosca.policies.tacker.Alarming).' },
    },
    allOf: POLICY_TYPE_CATALOG.filter((t) => t.properties.length).map((t) => ({
      if: { properties: { type: { const: t.name } }, required: ['type'] },
      then: { properties: { properties: propertiesSchema(t.properties) } },
    })),
  };
}

export const VNFD_SCHEMA_URI = 'https://trellis.local/schemas/tacker-vnfd.json';

export function buildVnfdSchema(): Schema {
  const policy = policySchema();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      tosca_definitions_version: {
        enum: ['tosca_simple_profile_for_nfv_1_0_0', 'tosca_simple_yaml_1_0'],
        markdownDescription: 'TOSCA profile of this template. Tacker VNFDs use `tosca_simple_profile_for_nfv_1_0_0`.',
      },
      description: { type: 'string', markdownDescription: 'Default description of the VNFD.' },
      metadata: { type: 'object', properties: { template_name: { type: 'string', markdownDescription: 'Default name of the VNFD when onboarded.' } } },
      imports: { type: 'array', items: { type: 'string' } },
      topology_template: {
        type: 'object',
        properties: {
          description: { type: 'string' },
          inputs: {
            type: 'object',
            markdownDescription: 'Launch parameters (param_values); use them with `{ get_input: name }`.',
            additionalProperties: {
              type: 'object',
              properties: {
                type: { enum: ['string', 'integer', 'float', 'boolean', 'list', 'map', 'scalar-unit.size', 'timestamp', 'version'] },
                description: { type: 'string' },
                default: {},
                constraints: { type: 'array' },
              },
            },
          },
          node_templates: { type: 'object', markdownDescription: 'The VDUs, connection points and virtual links.', additionalProperties: nodeTemplateSchema() },
          policies: {
            markdownDescription: 'Scaling, monitoring and placement policies: a list of `{ name: policy }` maps.',
            anyOf: [{ type: 'array', items: { type: 'object', additionalProperties: policy } }, { type: 'object', additionalProperties: policy }],
          },
          substitution_mappings: { type: 'object' },
          outputs: { type: 'object' },
        },
      },
    },
    required: ['tosca_definitions_version'],
  };
}
