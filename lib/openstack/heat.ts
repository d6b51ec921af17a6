// Heat v1 (orchestration): stacks, resources, events, outputs, signals, template
// validation and PATCH updates. Bodies are returned as Heat sends them (snake_case),
// checked with zod. Stacks are addressed by {name, id} — Heat's canonical URL — or by
// a bare name or id, which Heat resolves with a 302 to /stacks/{name}/{id}.
import { z } from 'zod';
import { OpenStackError } from './errors';
import type { HttpResponse } from './http';
import type { Session, ServiceRequest } from './keystone';
import { parseBody } from './parse';

const SERVICE = 'heat';

// ---------------------------------------------------------------- shapes

const linkSchema = z.object({ href: z.string(), rel: z.string() });

const outputSchema = z.object({
  output_key: z.string(),
  output_value: z.unknown().optional(),
  description: z.string().nullish(),
  output_error: z.string().nullish(),
});

/** A stack as `GET /stacks` lists it. */
export const stackSummarySchema = z.looseObject({
  id: z.string(),
  stack_name: z.string(),
  stack_status: z.string(),
  stack_status_reason: z.string().nullish(),
  description: z.string().nullish(),
  creation_time: z.string().nullish(),
  updated_time: z.string().nullish(),
  deletion_time: z.string().nullish(),
  parent: z.string().nullish(),
  project: z.string().optional(),
  tags: z.array(z.string()).nullish(),
  links: z.array(linkSchema).optional(),
});

/** A stack as `GET /stacks/{name}/{id}` shows it: the summary plus its parameters and outputs. */
export const stackSchema = stackSummarySchema.extend({
  parameters: z.record(z.string(), z.unknown()).optional(),
  outputs: z.array(outputSchema).optional(),
  timeout_mins: z.number().nullish(),
  disable_rollback: z.boolean().optional(),
});

export const resourceSchema = z.looseObject({
  resource_name: z.string(),
  logical_resource_id: z.string(),
  physical_resource_id: z.string().nullish(),
  resource_type: z.string(),
  resource_status: z.string(),
  resource_status_reason: z.string().nullish(),
  creation_time: z.string().nullish(),
  updated_time: z.string().nullish(),
  required_by: z.array(z.string()).optional(),
  parent_resource: z.string().optional(),
  links: z.array(linkSchema).optional(),
});

export const resourceDetailSchema = resourceSchema.extend({
  description: z.string().nullish(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export const eventSchema = z.looseObject({
  id: z.string(),
  event_time: z.string(),
  resource_name: z.string(),
  logical_resource_id: z.string().optional(),
  physical_resource_id: z.string().nullish(),
  resource_status: z.string(),
  resource_status_reason: z.string().nullish(),
  links: z.array(linkSchema).optional(),
});

const createdSchema = z.object({ stack: z.object({ id: z.string(), links: z.array(linkSchema).optional() }) });
const validateSchema = z.looseObject({
  Description: z.string().nullish(),
  Parameters: z.record(z.string(), z.unknown()).optional(),
  ParameterGroups: z.array(z.unknown()).optional(),
});

export type Stack = z.infer<typeof stackSchema>;
export type StackSummary = z.infer<typeof stackSummarySchema>;
export type StackResource = z.infer<typeof resourceSchema>;
export type StackResourceDetail = z.infer<typeof resourceDetailSchema>;
export type StackEvent = z.infer<typeof eventSchema>;
export type StackOutput = z.infer<typeof outputSchema>;
export type TemplateValidation = z.infer<typeof validateSchema>;

/** A stack by canonical {name, id}, or by a bare name or id (resolved through Heat's 302). */
export type StackRef = string | { name: string; id: string };

export interface StackCreateOptions {
  name: string;
  /** HOT as YAML text or as an object. */
  template: string | Record<string, unknown>;
  /** Nested templates / get_file contents by the name the template uses. */
  files?: Record<string, string>;
  parameters?: Record<string, unknown>;
  environment?: Record<string, unknown>;
  timeoutMins?: number;
  disableRollback?: boolean;
  tags?: string[];
}

export interface StackUpdateOptions {
  template?: string | Record<string, unknown>;
  files?: Record<string, string>;
  parameters?: Record<string, unknown>;
  environment?: Record<string, unknown>;
  timeoutMins?: number;
  /** Heat's `clear_parameters`: revert these to their defaults. */
  clearParameters?: string[];
}

export interface StackListFilters {
  id?: string[];
  name?: string[];
  status?: string[];
  action?: string[];
  tags?: string[];
  showDeleted?: boolean;
  showNested?: boolean;
  limit?: number;
  marker?: string;
  sortKeys?: string[];
  sortDir?: 'asc' | 'desc';
}

export interface EventListOptions {
  /** Only the events of this resource. */
  resourceName?: string;
  sortDir?: 'asc' | 'desc';
  sortKeys?: string[];
  marker?: string;
  limit?: number;
  nestedDepth?: number;
  resourceStatus?: string[];
  resourceAction?: string[];
}

// ---------------------------------------------------------------- client

export class HeatClient {
  constructor(private readonly session: Session) {}

  private send(req: ServiceRequest): Promise<HttpResponse> {
    return this.session.request(SERVICE, req);
  }

  /** POST /stacks -> 201 {stack: {id, links}}. Not retried after reaching Heat (no double create). */
  async create(opts: StackCreateOptions): Promise<{ id: string; name: string }> {
    const json: Record<string, unknown> = {
      stack_name: opts.name,
      template: opts.template,
      files: opts.files ?? {},
      parameters: opts.parameters ?? {},
      disable_rollback: opts.disableRollback ?? true,
    };
    if (opts.environment) json.environment = opts.environment;
    if (opts.timeoutMins !== undefined) json.timeout_mins = opts.timeoutMins;
    if (opts.tags?.length) json.tags = opts.tags.join(',');
    const res = await this.send({ method: 'POST', path: 'stacks', json });
    return { id: parseBody(createdSchema, res, SERVICE, 'stack create').stack.id, name: opts.name };
  }

  /** Stack show; a bare name or id follows Heat's 302. */
  async get(ref: StackRef): Promise<Stack> {
    const res = await this.send({ method: 'GET', path: stackPath(ref) });
    return parseBody(z.object({ stack: stackSchema }), res, SERVICE, 'stack show').stack;
  }

  /**
   * Stack show by name, or null when Heat has no such stack. A stack that is already
   * DELETE_COMPLETE counts as absent: real Heat may still resolve its name for a while,
   * but the name is free again.
   */
  async findByName(name: string): Promise<Stack | null> {
    try {
      const stack = await this.get(name);
      return stack.stack_status === 'DELETE_COMPLETE' ? null : stack;
    } catch (e) {
      if (e instanceof OpenStackError && e.kind === 'notFound') return null;
      throw e;
    }
  }

  /** {name, id} of a stack given by name or id, from the Location of Heat's 302. */
  async resolve(ref: StackRef): Promise<{ name: string; id: string }> {
    if (typeof ref !== 'string') return ref;
    const res = await this.send({ method: 'GET', path: `stacks/${encodeURIComponent(ref)}`, followRedirects: false });
    const location = res.headers.location;
    const m = location ? /\/stacks\/([^/?]+)\/([^/?]+)\/?(?:\?.*)?$/.exec(location) : null;
    if (m) return { name: decodeURIComponent(m[1]), id: decodeURIComponent(m[2]) };
    if (res.status === 200) {
      const s = parseBody(z.object({ stack: stackSchema }), res, SERVICE, 'stack lookup').stack;
      return { name: s.stack_name, id: s.id };
    }
    throw new OpenStackError({
      kind: 'server', service: SERVICE, status: res.status, requestId: res.requestId,
      message: `heat answered the lookup of stack '${ref}' with HTTP ${res.status} and no usable Location`,
    });
  }

  /** GET /stacks with filters; repeated values are ORed by Heat (e.g. several ids). */
  async list(filters: StackListFilters = {}): Promise<StackSummary[]> {
    const res = await this.send({
      method: 'GET',
      path: 'stacks',
      query: {
        id: filters.id,
        name: filters.name,
        status: filters.status,
        action: filters.action,
        tags: filters.tags?.join(','),
        show_deleted: filters.showDeleted,
        show_nested: filters.showNested,
        limit: filters.limit,
        marker: filters.marker,
        sort_keys: filters.sortKeys,
        sort_dir: filters.sortDir,
      },
    });
    return parseBody(z.object({ stacks: z.array(stackSummarySchema) }), res, SERVICE, 'stack list').stacks;
  }

  /** DELETE -> 204; deletion continues asynchronously (DELETE_IN_PROGRESS -> DELETE_COMPLETE). */
  async delete(ref: StackRef): Promise<void> {
    const { name, id } = await this.resolve(ref);
    await this.send({ method: 'DELETE', path: stackPath({ name, id }) });
  }

  /** PATCH (keep the existing template/parameters, change what is given) -> 202. */
  async update(ref: StackRef, opts: StackUpdateOptions): Promise<void> {
    const { name, id } = await this.resolve(ref);
    const json: Record<string, unknown> = {};
    if (opts.template !== undefined) json.template = opts.template;
    if (opts.files) json.files = opts.files;
    if (opts.parameters) json.parameters = opts.parameters;
    if (opts.environment) json.environment = opts.environment;
    if (opts.timeoutMins !== undefined) json.timeout_mins = opts.timeoutMins;
    if (opts.clearParameters) json.clear_parameters = opts.clearParameters;
    await this.send({ method: 'PATCH', path: stackPath({ name, id }), json });
  }

  /** GET .../resources; nestedDepth > 0 adds the rows of nested stacks (with parent_resource). */
  async resources(ref: StackRef, opts: { nestedDepth?: number; withDetail?: boolean; type?: string[]; status?: string[] } = {}): Promise<StackResource[]> {
    const res = await this.send({
      method: 'GET',
      path: `${stackPath(ref)}/resources`,
      query: { nested_depth: opts.nestedDepth, with_detail: opts.withDetail, type: opts.type, status: opts.status },
    });
    return parseBody(z.object({ resources: z.array(resourceSchema) }), res, SERVICE, 'resource list').resources;
  }

  /** Resource show with its attributes (withAttr e.g. ["show"] asks for extra ones). */
  async resource(ref: StackRef, resourceName: string, opts: { withAttr?: string[] } = {}): Promise<StackResourceDetail> {
    const { name, id } = await this.resolve(ref);
    const res = await this.send({
      method: 'GET',
      path: `${stackPath({ name, id })}/resources/${encodeURIComponent(resourceName)}`,
      query: { with_attr: opts.withAttr },
    });
    return parseBody(z.object({ resource: resourceDetailSchema }), res, SERVICE, 'resource show').resource;
  }

  /** Events, newest first unless sortDir 'asc'; page with marker (an event id) + limit. */
  async events(ref: StackRef, opts: EventListOptions = {}): Promise<StackEvent[]> {
    const base = stackPath(ref) + (opts.resourceName ? `/resources/${encodeURIComponent(opts.resourceName)}` : '');
    const res = await this.send({
      method: 'GET',
      path: `${base}/events`,
      query: {
        sort_dir: opts.sortDir,
        sort_keys: opts.sortKeys,
        marker: opts.marker,
        limit: opts.limit,
        nested_depth: opts.nestedDepth,
        resource_status: opts.resourceStatus,
        resource_action: opts.resourceAction,
      },
    });
    return parseBody(z.object({ events: z.array(eventSchema) }), res, SERVICE, 'event list').events;
  }

  /** Output keys and descriptions (values: output() or the stack show). */
  async outputs(ref: StackRef): Promise<StackOutput[]> {
    const res = await this.send({ method: 'GET', path: `${stackPath(ref)}/outputs` });
    return parseBody(z.object({ outputs: z.array(outputSchema) }), res, SERVICE, 'output list').outputs;
  }

  async output(ref: StackRef, key: string): Promise<StackOutput> {
    const res = await this.send({ method: 'GET', path: `${stackPath(ref)}/outputs/${encodeURIComponent(key)}` });
    return parseBody(z.object({ output: outputSchema }), res, SERVICE, 'output show').output;
  }

  /**
   * POST .../resources/{name}/signal (e.g. a ScalingPolicy) -> 200 null. The effect is
   * asynchronous. Never retried once Heat may have received it: a second signal scales twice.
   */
  async signal(ref: StackRef, resourceName: string, data?: Record<string, unknown>): Promise<void> {
    const { name, id } = await this.resolve(ref);
    await this.send({
      method: 'POST',
      path: `${stackPath({ name, id })}/resources/${encodeURIComponent(resourceName)}/signal`,
      json: data,
    });
  }

  /** POST /validate: 200 with the parameters Heat found, or 400 with Heat's reason. */
  async validate(opts: { template: string | Record<string, unknown>; files?: Record<string, string>; parameters?: Record<string, unknown>; environment?: Record<string, unknown> }): Promise<TemplateValidation> {
    const json: Record<string, unknown> = { template: opts.template, files: opts.files ?? {} };
    if (opts.parameters) json.parameters = opts.parameters;
    if (opts.environment) json.environment = opts.environment;
    const res = await this.send({ method: 'POST', path: 'validate', json, retrySafe: true });
    return parseBody(validateSchema, res, SERVICE, 'template validate');
  }
}

function stackPath(ref: StackRef): string {
  return typeof ref === 'string'
    ? `stacks/${encodeURIComponent(ref)}`
    : `stacks/${encodeURIComponent(ref.name)}/${encodeURIComponent(ref.id)}`;
}
