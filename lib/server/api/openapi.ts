// The OpenAPI 3.1 document of Trellis's Tacker v1.0 API, generated from the same zod schemas the
// routes validate with (z.toJSONSchema): each resource's attribute table and operations are declared
// once below, and the document is built from them. Pure (zod + the attribute tables): no Node, no Next.
import { z } from 'zod';
import { attr, visibleAttributes, type AttributeTable } from './attributes';
import { VIM_ATTRIBUTES, vimCreateBody, vimUpdateBody } from '../vims/attributes';
import { VNFD_ATTRIBUTES, createVnfdBody, updateVnfdBody } from '../vnfds/attributes';
import { VNF_ATTRIBUTES, createVnfBody, updateVnfBody, scaleBody, vnfAttributesSchema } from '../vnfs/attributes';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
type JsonSchema = Record<string, unknown>;

/** A resource of the v1.0 API: its attribute table (Tacker's RESOURCE_ATTRIBUTE_MAP) and its CRUD operations. */
interface ResourceDoc {
  tag: string;
  description: string;
  /** "vim" -> body envelope {"vim": ...}, collection "vims", schema name "Vim". */
  singular: string;
  collection: string;
  attributes: AttributeTable;
  /** Where an API view differs from what a client may send (e.g. YAML text instead of an object). */
  responseOverrides?: Record<string, z.ZodType>;
  create: { body: z.ZodType; policy: string; summary: string; description?: string };
  update: { body: z.ZodType; policy: string; summary: string; description?: string };
  remove: { policy: string; summary: string; description?: string; body?: z.ZodType; status: 204 };
  list: { policy: string; summary: string; extraQuery?: Parameter[] };
  show: { policy: string; summary: string };
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required?: boolean;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

/** One documented operation; `schema` values are zod schemas or component names. */
export interface OperationDoc {
  method: HttpMethod;
  path: string;
  tag: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Policy rule checked (lib/policy/tacker.ts); absent on public operations. */
  policy?: string;
  public?: boolean;
  parameters?: Parameter[];
  body?: { schema: z.ZodType; required: boolean; description?: string };
  responses: Record<number, { description: string; schema?: z.ZodType | { ref: string } | JsonSchema }>;
}

// ---- schemas that exist only as API responses ---------------------------------------------------

/** Tacker's error body (lib/server/api/errors.ts errorBody). */
export const tackerErrorSchema = z.object({
  TackerError: z.object({
    type: z.string().describe("Tacker's exception name, e.g. VimNotFound, BadRequest, PolicyNotAuthorized"),
    message: z.string(),
    detail: z.unknown().describe('Structured detail, e.g. the fields that failed validation'),
  }),
});

const linksSchema = z
  .array(z.object({ rel: z.literal('next'), href: z.string().describe('The same query with marker= and limit= set') }))
  .describe('Present when there are more items: follow rel=next');

/** An event of the event log (lib/server/events.ts eventView). */
const EVENT_ATTRIBUTES: AttributeTable = {
  id: attr(z.number().int(), { allowPost: false }),
  resource_id: attr(z.string(), { allowPost: false }),
  resource_type: attr(z.enum(['vim', 'vnfd', 'vnf']), { allowPost: false }),
  resource_state: attr(z.string(), { allowPost: false }),
  event_type: attr(z.enum(['CREATE', 'UPDATE', 'DELETE', 'SCALE', 'MONITOR', 'HEAL', 'ONBOARDED']), { allowPost: false }),
  timestamp: attr(z.string().describe('UTC, e.g. 2026-11-27T21:04:38'), { allowPost: false }),
  event_details: attr(z.string().describe('JSON or plain text'), { allowPost: false }),
  tenant_id: attr(z.string(), { allowPost: false }),
};

const vnfResourceSchema = z.object({
  id: z.string().describe('Physical id of the stack resource (empty while it is being created)'),
  name: z.string().describe('Logical name, e.g. VDU1, CP1, SP1_group'),
  type: z.string().describe('Heat resource type, e.g. OS::Nova::Server'),
});

const versionsSchema = z.object({
  versions: z.array(z.object({ status: z.literal('CURRENT'), id: z.literal('v1.0'), links: z.array(z.object({ href: z.string(), rel: z.literal('self') })) })),
});

const vnfDeleteBody = z.object({
  vnf: z.object({ attributes: vnfAttributesSchema.pick({ force: true }).optional() }).optional(),
});

// ---- the resources -------------------------------------------------------------------------------

const updatedAt = z.string().nullable().describe('Null until the first update');

export const RESOURCES: ResourceDoc[] = [
  {
    tag: 'VIMs',
    description: 'Virtualized infrastructure managers: the OpenStack clouds VNFs are deployed to.',
    singular: 'vim',
    collection: 'vims',
    attributes: VIM_ATTRIBUTES,
    responseOverrides: {
      auth_cred: z.object({
        username: z.string().optional(),
        user_id: z.string().optional(),
        user_domain_name: z.string().optional(),
        cert_verify: z.enum(['True', 'False']),
        password: z.literal('***').describe('Never shown'),
      }),
      vim_project: z.object({ name: z.string().optional(), id: z.string().optional(), project_domain_name: z.string().optional() }),
      placement_attr: z.object({ regions: z.array(z.string()) }),
      status: z.enum(['PENDING', 'REACHABLE', 'UNREACHABLE']).or(z.string()),
      updated_at: updatedAt,
    },
    list: { policy: 'get_vim', summary: 'List VIMs' },
    show: { policy: 'get_vim', summary: 'Show a VIM' },
    create: { body: vimCreateBody, policy: 'create_vim', summary: 'Register a VIM', description: 'Trellis authenticates with the credentials first: a VIM it cannot reach is refused with a 400 that says what failed.' },
    update: { body: vimUpdateBody, policy: 'update_vim', summary: 'Update a VIM', description: 'auth_cred and vim_project are merged onto the stored values.' },
    remove: { policy: 'delete_vim', summary: 'Delete a VIM', description: 'Refused with 409 while VNFs are deployed on it.', status: 204 },
  },
  {
    tag: 'VNFDs',
    description: 'VNF descriptors (TOSCA templates) in the catalog.',
    singular: 'vnfd',
    collection: 'vnfds',
    attributes: VNFD_ATTRIBUTES,
    responseOverrides: {
      attributes: z.object({ vnfd: z.string().describe('The TOSCA template as YAML text (python-tackerclient yaml.load()s it)') }),
      updated_at: updatedAt,
    },
    list: {
      policy: 'get_vnfd',
      summary: 'List VNFDs',
      extraQuery: [{ name: 'template_source', in: 'query', description: 'onboarded (default), inline (created with a VNF) or all', schema: { type: 'string', enum: ['onboarded', 'inline', 'all'] } }],
    },
    show: { policy: 'get_vnfd', summary: 'Show a VNFD' },
    create: { body: createVnfdBody, policy: 'create_vnfd', summary: 'Onboard a VNFD', description: 'attributes.vnfd is the template as an object (python-tackerclient) or YAML text. Translation errors name the template line and column.' },
    update: { body: updateVnfdBody, policy: 'update_vnfd', summary: 'Update a VNFD', description: 'A changed attributes.vnfd becomes a new version of the VNFD (a Trellis extension).' },
    remove: { policy: 'delete_vnfd', summary: 'Delete a VNFD', description: 'Refused with 409 while VNFs use it.', status: 204 },
  },
  {
    tag: 'VNFs',
    description: 'Deployed VNFs: a Heat stack on a VIM, created from a VNFD.',
    singular: 'vnf',
    collection: 'vnfs',
    attributes: VNF_ATTRIBUTES,
    responseOverrides: {
      attributes: z.record(z.string(), z.unknown()).describe('Always present: param_values, config, heat_template, ... (Tacker keeps them as text)'),
      vnfd_id: z.string().nullable(),
      vim_id: z.string().nullable(),
      instance_id: z.string().nullable().describe('The Heat stack id'),
      mgmt_url: z.string().nullable().describe('JSON text: management IP address per VDU'),
      mgmt_ip_address: z.string().nullable().describe('JSON text: management IP address per VDU'),
      placement_attr: z.record(z.string(), z.unknown()),
      error_reason: z.string().nullable(),
      updated_at: updatedAt,
    },
    list: { policy: 'get_vnf', summary: 'List VNFs' },
    show: { policy: 'get_vnf', summary: 'Show a VNF' },
    create: { body: createVnfBody, policy: 'create_vnf', summary: 'Create (deploy) a VNF', description: 'From vnfd_id, or from an inline vnfd_template. Answers at once with status PENDING_CREATE; the stack is created in the background.' },
    update: { body: updateVnfBody, policy: 'update_vnf', summary: 'Update a VNF configuration', description: 'attributes.config only; the VNF goes to PENDING_UPDATE.' },
    remove: { policy: 'delete_vnf', summary: 'Delete a VNF', description: 'python-tackerclient sends {} or {"vnf": {"attributes": {"force": true}}}. The VNF goes to PENDING_DELETE and disappears once its stack is gone.', body: vnfDeleteBody, status: 204 },
  },
];

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The API view of a resource: its visible attributes (all optional: `fields=` may drop any). */
export function viewSchema(table: AttributeTable, overrides: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const name of visibleAttributes(table)) shape[name] = (overrides[name] ?? table[name].schema).optional();
  return z.looseObject(shape);
}

function collectionQuery(table: AttributeTable, what: string): Parameter[] {
  const filters = visibleAttributes(table)
    .filter((name) => isScalar(toJsonSchema(table[name].schema, 'output')))
    .map<Parameter>((name) => ({ name, in: 'query', description: `Only ${what} whose ${name} equals this (repeat for any of several values)`, schema: { type: 'string' } }));
  return [
    ...filters,
    { name: 'fields', in: 'query', description: 'Return only these attributes (repeat, or comma-separate)', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true },
    { name: 'limit', in: 'query', description: 'Page size (at most 1000)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
    { name: 'marker', in: 'query', description: 'Id of the last item of the previous page', schema: { type: 'string' } },
  ];
}

function isScalar(schema: JsonSchema): boolean {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).every(isScalar);
  return ['string', 'number', 'integer', 'boolean', 'null'].includes(schema.type as string) || 'enum' in schema || 'const' in schema;
}

const idParam = (what: string): Parameter => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id (UUID)`, schema: { type: 'string' } });

function resourceOperations(r: ResourceDoc): OperationDoc[] {
  const Name = pascal(r.singular);
  const base = `/v1.0/${r.collection}`;
  const one = { type: 'object', properties: { [r.singular]: { $ref: `#/components/schemas/${Name}` } }, required: [r.singular] };
  return [
    {
      method: 'get', path: base, tag: r.tag, operationId: `list${pascal(r.collection)}`, summary: r.list.summary, policy: r.list.policy,
      description: `Filters, \`fields=\` projection and paging work on every list. Only ${r.collection} the caller's project (or an admin) may see are listed.`,
      parameters: [...collectionQuery(r.attributes, r.collection).filter((p) => !r.list.extraQuery?.some((x) => x.name === p.name)), ...(r.list.extraQuery ?? [])],
      responses: {
        200: {
          description: `{"${r.collection}": [...]}`,
          schema: { type: 'object', properties: { [r.collection]: { type: 'array', items: { $ref: `#/components/schemas/${Name}` } }, [`${r.collection}_links`]: { $ref: '#/components/schemas/Links' } }, required: [r.collection] },
        },
      },
    },
    {
      method: 'post', path: base, tag: r.tag, operationId: `create${Name}`, summary: r.create.summary, description: r.create.description, policy: r.create.policy,
      body: { schema: r.create.body, required: true },
      responses: { 201: { description: 'Created', schema: one } },
    },
    {
      method: 'get', path: `${base}/{id}`, tag: r.tag, operationId: `show${Name}`, summary: r.show.summary, policy: r.show.policy,
      parameters: [idParam(r.singular), collectionQuery(r.attributes, r.collection).find((p) => p.name === 'fields')!],
      responses: { 200: { description: 'OK', schema: one } },
    },
    {
      method: 'put', path: `${base}/{id}`, tag: r.tag, operationId: `update${Name}`, summary: r.update.summary, description: r.update.description, policy: r.update.policy,
      parameters: [idParam(r.singular)],
      body: { schema: r.update.body, required: true },
      responses: { 200: { description: 'Updated', schema: one } },
    },
    {
      method: 'delete', path: `${base}/{id}`, tag: r.tag, operationId: `delete${Name}`, summary: r.remove.summary, description: r.remove.description, policy: r.remove.policy,
      parameters: [idParam(r.singular)],
      ...(r.remove.body ? { body: { schema: r.remove.body, required: false } } : {}),
      responses: { [r.remove.status]: { description: 'Deleted (or deletion started)' } },
    },
  ];
}

/** Every documented operation, in document order. */
export function operations(): OperationDoc[] {
  const [vims, vnfds, vnfs] = RESOURCES.map(resourceOperations);
  return [
    {
      method: 'get', path: '/', tag: 'Versions', operationId: 'listVersions', public: true,
      summary: 'API versions', description: 'Tacker version discovery: `GET /` with `Accept: application/json` (a browser gets the dashboard).',
      responses: { 200: { description: 'The supported API version', schema: versionsSchema } },
    },
    {
      method: 'get', path: '/v1.0/openapi.json', tag: 'Versions', operationId: 'getOpenApiDocument', public: true,
      summary: 'This OpenAPI document',
      responses: { 200: { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
    },
    ...vims,
    ...vnfds,
    ...vnfs,
    {
      method: 'get', path: '/v1.0/vnfs/{id}/resources', tag: 'VNFs', operationId: 'listVnfResources', policy: 'get_vnf_resources',
      summary: "List a VNF's resources", description: 'The resources of the VNF\'s Heat stack (nested ones included): VDUs, CPs, scaling groups.',
      parameters: [idParam('vnf')],
      responses: { 200: { description: '{"resources": [...]}', schema: z.object({ resources: z.array(vnfResourceSchema) }) } },
    },
    {
      method: 'post', path: '/v1.0/vnfs/{id}/actions', tag: 'VNFs', operationId: 'scaleVnf', policy: 'create_vnf_scale',
      summary: 'Scale a VNF', description: 'Scale out or in by a scaling policy of the VNFD (e.g. SP1). The VNF goes to PENDING_SCALE_OUT/IN, then back to ACTIVE.',
      parameters: [idParam('vnf')],
      body: { schema: scaleBody, required: true },
      responses: { 202: { description: 'Accepted', schema: scaleBody } },
    },
    {
      method: 'get', path: '/v1.0/events', tag: 'Events', operationId: 'listEvents', policy: 'get_event',
      summary: 'List events', description: 'Newest first. Scoped by project and policy (Tacker\'s were not).',
      parameters: [
        { name: 'resource_id', in: 'query', description: 'Events of this VIM, VNFD or VNF', schema: { type: 'string' } },
        { name: 'resource_type', in: 'query', description: 'vim, vnfd or vnf', schema: toJsonSchema(EVENT_ATTRIBUTES.resource_type.schema, 'output') },
        { name: 'event_type', in: 'query', description: 'CREATE, UPDATE, DELETE, SCALE, MONITOR, ...', schema: toJsonSchema(EVENT_ATTRIBUTES.event_type.schema, 'output') },
        { name: 'resource_state', in: 'query', description: 'e.g. ACTIVE, PENDING_CREATE', schema: { type: 'string' } },
        { name: 'limit', in: 'query', description: 'Page size (at most 1000)', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
        { name: 'marker', in: 'query', description: 'Id of the last event of the previous page', schema: { type: 'string', pattern: '^\\d+$' } },
      ],
      responses: {
        200: {
          description: '{"events": [...]}',
          schema: { type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Event' } }, events_links: { $ref: '#/components/schemas/Links' } }, required: ['events'] },
        },
      },
    },
    {
      method: 'get', path: '/v1.0/events/{id}', tag: 'Events', operationId: 'showEvent', policy: 'get_event',
      summary: 'Show an event',
      parameters: [{ name: 'id', in: 'path', required: true, description: "The event's id (an integer)", schema: { type: 'string', pattern: '^\\d+$' } }],
      responses: { 200: { description: 'OK', schema: { type: 'object', properties: { event: { $ref: '#/components/schemas/Event' } }, required: ['event'] } } },
    },
  ];
}

// ---- building the document ------------------------------------------------------------------------

/** zod -> JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema marker. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', override: keepCaseInsensitivity }) as JsonSchema;
  return json;
}

/**
 * JSON Schema patterns have no flags, and zod drops a regex's `i` (cert_verify accepts "False" with
 * /^(true|false|1|0)$/i): spell such patterns out case-insensitively so the document does not refuse
 * what the API accepts.
 */
function keepCaseInsensitivity(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const checks = (ctx.zodSchema as { _zod?: { def?: { checks?: { _zod: { def: { pattern?: unknown } } }[] } } })._zod?.def?.checks ?? [];
  for (const check of checks) {
    const re = check._zod.def.pattern;
    if (!(re instanceof RegExp)) continue;
    if (!re.flags.includes('i')) continue;
    if (ctx.jsonSchema.pattern === re.source) ctx.jsonSchema.pattern = caseless(re.source);
    for (const part of (ctx.jsonSchema.allOf as JsonSchema[] | undefined) ?? []) if (part.pattern === re.source) part.pattern = caseless(re.source);
  }
}

/** `^(true|1)$` -> `^([tT][rR][uU][eE]|1)$`; letters inside [...] get their other case added. */
export function caseless(source: string): string {
  let out = '';
  let inClass = false;
  let classBody = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // an escape (\d, \., \u0041...) is copied as it is
      const esc = source.slice(i, i + 2);
      if (inClass) classBody += esc;
      else out += esc;
      i++;
    } else if (inClass) {
      if (c === ']') {
        const swapped = classBody.replace(/^\^/, '').replace(/\\.|[a-zA-Z]/g, (m) => (m.length === 2 ? '' : m === m.toLowerCase() ? m.toUpperCase() : m.toLowerCase()));
        out += `[${classBody}${swapped}]`;
        inClass = false;
      } else classBody += c;
    } else if (c === '[') {
      inClass = true;
      classBody = '';
    } else if (/[a-zA-Z]/.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else out += c;
  }
  return out;
}

function schemaOf(s: z.ZodType | { ref: string } | JsonSchema, io: 'input' | 'output'): JsonSchema {
  if (s instanceof z.ZodType) return toJsonSchema(s, io);
  if ('ref' in s && typeof s.ref === 'string') return { $ref: `#/components/schemas/${s.ref}` };
  return s as JsonSchema;
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'Bad input: the message names the field',
  401: 'No or an invalid X-Auth-Token',
  403: 'The policy forbids it',
  404: 'Not found (or not visible to the caller)',
  409: 'Conflict with the current state (in use, duplicate, default VIM exists, ...)',
};

function errorStatuses(op: OperationDoc): number[] {
  if (op.public) return [];
  const statuses = [401, 403];
  if (op.method !== 'get' || op.parameters?.some((p) => ['limit', 'marker'].includes(p.name))) statuses.push(400);
  if (op.path.includes('{')) statuses.push(404);
  if (op.method !== 'get') statuses.push(409);
  return statuses.sort((a, b) => a - b);
}

export const OPENAPI_VERSION = '3.1.0';

export function openApiDocument(): Record<string, unknown> {
  const ops = operations();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: schemaOf(r.schema, 'output') } } } : {}) };
    }
    for (const status of errorStatuses(op)) responses[status] = { $ref: `#/components/responses/Error${status}` };
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      tags: [op.tag],
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description || op.policy ? { description: [op.description, op.policy ? `Policy rule: \`${op.policy}\`.` : ''].filter(Boolean).join('\n\n') } : {}),
      ...(op.policy ? { 'x-policy-rule': op.policy } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(op.parameters?.length ? { parameters: op.parameters } : {}),
      ...(op.body ? { requestBody: { required: op.body.required, content: { 'application/json': { schema: schemaOf(op.body.schema, 'input') } } } } : {}),
      responses,
    };
  }
  const schemas: Record<string, JsonSchema> = {
    Links: toJsonSchema(linksSchema, 'output'),
    TackerError: toJsonSchema(tackerErrorSchema, 'output'),
    Event: toJsonSchema(viewSchema(EVENT_ATTRIBUTES), 'output'),
  };
  for (const r of RESOURCES) schemas[pascal(r.singular)] = toJsonSchema(viewSchema(r.attributes, r.responseOverrides), 'output');
  const tags = [
    { name: 'Versions', description: 'Version discovery and this document.' },
    ...RESOURCES.map((r) => ({ name: r.tag, description: r.description })),
    { name: 'Events', description: 'The event log: every status change of a VIM, VNFD or VNF.' },
  ];
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'Trellis: Tacker v1.0 API',
      version: '1.0',
      description:
        'The legacy OpenStack Tacker v1.0 API as Trellis serves it: python-tackerclient and `openstack vim|vnf ...` work unmodified. ' +
        'Every path also answers with a `.json` suffix (as python-tackerclient sends it). Authenticate with a Keystone token in `X-Auth-Token`; ' +
        'the endpoint is found in the Keystone catalog under the service type `nfv-orchestration`. Errors are `{"TackerError": {type, message, detail}}`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'This Trellis server' }],
    tags,
    security: [{ keystoneToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { keystoneToken: { type: 'apiKey', in: 'header', name: 'X-Auth-Token', description: 'A Keystone v3 token scoped to a project' } },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          `Error${status}`,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/TackerError' } } } },
        ]),
      ),
    },
  };
}

/** Route file of a documented path: `/v1.0/vnfs/{id}/actions` -> `v1.0/vnfs/[id]/actions` (under app/). */
export function routeDirOf(path: string): string {
  if (path === '/') return 'api/versions'; // proxy.ts rewrites a JSON `GET /` there
  return path.replace(/^\//, '').replace(/\.json$/, '').replace(/\{(\w+)\}/g, '[$1]');
}
