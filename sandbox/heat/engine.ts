// The Heat engine: stack create/update/delete as persisted state machines. Every resource moves
// through *_IN_PROGRESS for the configured delay, in dependency order; a timer advances all stacks
// that are in progress, so work resumes after a restart from the saved state alone.
import type { SandboxConfig } from '../config';
import type { FaultSettings } from '../faults';
import { resourceFault } from '../faults';
import type { Store } from '../store';
import { heatSuffix, uuid } from '../util';
import { HeatError, ResourceFailure, validationError } from './errors';
import { followPath, resolveValue, type ResolveScope } from './intrinsics';
import type { Action, ResourceRecord, StackRecord } from './model';
import { addResourceEvent, addStackEvent, signalReason } from './events';
import { pluginFor } from './resources';
import { resolveType, validateTemplate } from './validate';
import type { EngineApi, PluginContext } from './resources/types';
import {
  outputDefinitions, parameterDefinitions, parameterDisplay, resolveParameters, resourceDefinitions,
  type ResourceDefinition, type Template,
} from './template';

export interface CreateStackInput {
  name: string;
  template: Template;
  files: Record<string, string>;
  registry?: Record<string, string>;
  parameters: Record<string, unknown>;
  projectId: string;
  owner: { id: string; name: string };
  disableRollback?: boolean;
  timeoutMins?: number;
  tags?: string[];
}

const STACK_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/;
const TICK_MS = 25;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class HeatEngine implements EngineApi {
  baseUrl = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly config: SandboxConfig,
    private readonly faults: () => FaultSettings,
  ) {}

  private get stacks(): Record<string, StackRecord> {
    return this.store.state.heat.stacks;
  }

  start(baseUrl: string): void {
    this.baseUrl = baseUrl;
    // time the sandbox was down does not count against timeout_mins of resumed operations
    const now = Date.now();
    for (const stack of this.allStacks()) if (stack.status === 'IN_PROGRESS') stack.operationStartedAt = now;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  stack(id: string): StackRecord | undefined {
    return this.stacks[id];
  }

  allStacks(): StackRecord[] {
    return Object.values(this.stacks);
  }

  stackUrl(stack: StackRecord): string {
    return `${this.baseUrl}/orchestration/v1/${stack.projectId}/stacks/${stack.name}/${stack.id}`;
  }

  /** Validates a template like Heat does at create (see validate.ts). */
  validate(template: Template, files: Record<string, string>, parameters: Record<string, unknown>, registry: Record<string, string> = {}): Record<string, ResourceDefinition> {
    return validateTemplate(template, files, parameters, registry);
  }

  // ---- stack operations ---------------------------------------------------------------------

  private newStack(input: CreateStackInput, parent: { stack: StackRecord; resource: ResourceRecord } | null): StackRecord {
    const defs = this.validate(input.template, input.files, input.parameters, input.registry);
    const id = uuid();
    const now = Date.now();
    const stack: StackRecord = {
      id, name: input.name, projectId: input.projectId, ownerName: input.owner.name, ownerUserId: input.owner.id,
      parentStackId: parent?.stack.id ?? null, parentResourceName: parent?.resource.name ?? null,
      template: input.template, files: input.files, registry: input.registry ?? {}, parameters: this.displayParameters(input.template, input.parameters),
      action: 'CREATE', status: 'IN_PROGRESS', statusReason: 'Stack CREATE started',
      creationTime: now, updatedTime: null, deletionTime: null, operationStartedAt: now, disableRollback: input.disableRollback ?? true,
      timeoutMins: input.timeoutMins ?? 60, tags: input.tags ?? [], stackUserProjectId: parent?.stack.stackUserProjectId ?? uuid().replace(/-/g, ''),
      resources: {}, events: [], nextResourceIndex: 0,
    };
    for (const [name, def] of Object.entries(defs)) stack.resources[name] = this.newResource(stack, name, def);
    this.stacks[id] = stack;
    this.stackEvent(stack, 'CREATE', 'IN_PROGRESS', 'Stack CREATE started');
    this.store.changed();
    return stack;
  }

  private displayParameters(template: Template, given: Record<string, unknown>): Record<string, string> {
    const typed = resolveParameters(template, given);
    return Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, parameterDisplay(v)]));
  }

  private newResource(stack: StackRecord, name: string, def: ResourceDefinition): ResourceRecord {
    return {
      name, type: def.type, action: 'INIT', status: 'COMPLETE', statusReason: '', physicalId: '', createdAt: null, updatedAt: null,
      dueAt: null, pendingOp: 'create', nestedStackId: null, data: {}, properties: {}, nextProperties: null, dependsOn: def.dependsOn,
      physicalName: `${stack.name}-${name}-${heatSuffix()}`, index: stack.nextResourceIndex++,
    };
  }

  createStack(input: CreateStackInput): StackRecord {
    if (!STACK_NAME.test(input.name)) {
      throw validationError(`Invalid stack name ${input.name} must contain only alphanumeric or "_-." characters, must start with alpha and must be 255 characters or less.`);
    }
    const clash = this.allStacks().find((s) => s.projectId === input.projectId && s.name === input.name && !(s.action === 'DELETE' && s.status === 'COMPLETE'));
    if (clash) throw new HeatError(409, 'StackExists', `The Stack (${input.name}) already exists.`);
    return this.newStack(input, null);
  }

  createNestedStack(parent: StackRecord, resource: ResourceRecord, template: Template, params: Record<string, unknown>, name: string): string {
    const declared = Object.keys(parameterDefinitions(template));
    const given = Object.fromEntries(Object.entries(params).filter(([k]) => declared.includes(k)));
    try {
      const stack = this.newStack({
        name, template, files: parent.files, registry: parent.registry, parameters: given, projectId: parent.projectId,
        owner: { id: parent.ownerUserId, name: parent.ownerName }, timeoutMins: parent.timeoutMins,
      }, { stack: parent, resource });
      return stack.id;
    } catch (e) {
      if (e instanceof HeatError) throw new ResourceFailure(`${e.type}: resources.${resource.name}: ${e.message}`);
      throw e;
    }
  }

  /** PATCH/PUT: new template and/or parameters; resources are created, updated or removed as needed. */
  updateStack(stackId: string, template: Template, params: Record<string, unknown>, touch: boolean, files?: Record<string, string>, registry?: Record<string, string>): void {
    const stack = this.stacks[stackId];
    if (!stack) throw new HeatError(404, 'EntityNotFound', `The Stack (${stackId}) could not be found.`);
    const newFiles = files ?? stack.files;
    const declared = Object.keys(parameterDefinitions(template));
    const given = Object.fromEntries(Object.entries(params).filter(([k]) => declared.includes(k)));
    const newRegistry = registry ?? stack.registry ?? {};
    const defs = this.validate(template, newFiles, given, newRegistry);
    stack.registry = newRegistry;
    stack.template = template;
    stack.files = newFiles;
    stack.parameters = this.displayParameters(template, given);
    stack.action = 'UPDATE';
    stack.status = 'IN_PROGRESS';
    stack.statusReason = 'Stack UPDATE started';
    stack.updatedTime = Date.now();
    stack.operationStartedAt = stack.updatedTime;
    for (const [name, def] of Object.entries(defs)) {
      const existing = stack.resources[name];
      if (!existing || (existing.action === 'DELETE' && existing.status === 'COMPLETE')) stack.resources[name] = this.newResource(stack, name, def);
      else {
        existing.dependsOn = def.dependsOn;
        existing.pendingOp = touch ? 'touch' : 'update';
      }
    }
    for (const res of Object.values(stack.resources)) if (!(res.name in defs)) res.pendingOp = 'remove';
    this.stackEvent(stack, 'UPDATE', 'IN_PROGRESS', 'Stack UPDATE started');
    this.store.changed();
  }

  deleteStack(stackId: string): void {
    const stack = this.stacks[stackId];
    if (!stack || (stack.action === 'DELETE' && stack.status === 'COMPLETE')) return;
    if (stack.action === 'DELETE' && stack.status === 'IN_PROGRESS') return;
    stack.action = 'DELETE';
    stack.status = 'IN_PROGRESS';
    stack.statusReason = 'Stack DELETE started';
    stack.updatedTime = Date.now();
    for (const res of Object.values(stack.resources)) {
      if (res.status === 'IN_PROGRESS') {
        if (res.action === 'CREATE' && res.dueAt !== null) {
          // a create that has not reached its end has made nothing in the cloud: forget it
          res.action = 'INIT';
          res.status = 'COMPLETE';
        } else {
          // waiting for a nested stack, or an update underway: abort it, then delete what exists
          res.status = 'FAILED';
          res.statusReason = `${res.action} aborted`;
          this.addEvent(stack, res, res.action, 'FAILED', res.statusReason);
        }
        res.dueAt = null;
      }
      res.pendingOp = 'delete';
    }
    this.stackEvent(stack, 'DELETE', 'IN_PROGRESS', 'Stack DELETE started');
    this.store.changed();
  }

  /** POST .../resources/<name>/signal. Returns false when the resource cannot take signals. */
  signal(stack: StackRecord, resourceName: string, details: unknown, emptyBody: boolean): void {
    const res = stack.resources[resourceName];
    if (!res) throw new HeatError(404, 'EntityNotFound', `The Resource (${resourceName}) could not be found.`);
    const plugin = this.plugin(stack, res);
    if (!plugin?.signal) throw new HeatError(400, 'ResourceActionNotSupported', `${res.type} does not support signal.`);
    if (res.status !== 'COMPLETE' || res.action === 'INIT' || res.action === 'DELETE') {
      throw new HeatError(400, 'ResourceFailure', `Signal resource during ${res.action} is not supported.`);
    }
    const outcome = plugin.signal(this.pluginContext(stack, res), details);
    if (outcome === 'done') {
      this.addEvent(stack, res, 'SIGNAL', 'COMPLETE', signalReason(details, emptyBody));
      this.store.changed();
    }
  }

  /** PATCH .../resources/<name> {mark_unhealthy}: FAILED (replaced by the next update) or back to COMPLETE. */
  markUnhealthy(stack: StackRecord, resourceName: string, unhealthy: boolean, reason: string): void {
    const res = stack.resources[resourceName];
    if (!res) throw new HeatError(404, 'EntityNotFound', `The Resource (${resourceName}) could not be found.`);
    if (stack.status === 'IN_PROGRESS' || res.status === 'IN_PROGRESS') {
      throw new HeatError(409, 'ActionInProgress', `Stack ${stack.name} already has an action (${stack.action}) in progress.`);
    }
    if (!this.exists(res)) throw new HeatError(400, 'ResourceFailure', `Resource ${resourceName} has not been created.`);
    if (unhealthy) {
      res.status = 'FAILED';
      res.statusReason = reason || 'state changed by mark_unhealthy';
      this.addEvent(stack, res, res.action, 'FAILED', res.statusReason);
    } else if (res.status === 'FAILED') {
      res.status = 'COMPLETE';
      res.statusReason = reason || 'state changed';
      this.addEvent(stack, res, res.action, 'COMPLETE', res.statusReason);
    }
    this.store.changed();
  }

  // ---- intrinsic resolution -------------------------------------------------------------

  private plugin(stack: StackRecord, res: ResourceRecord) {
    return pluginFor(resolveType(stack.registry ?? {}, res.type), stack.files);
  }

  private pluginContext(stack: StackRecord, res: ResourceRecord): PluginContext {
    return {
      stack, resource: res, resolvedType: resolveType(stack.registry ?? {}, res.type), cloud: this.store.state.cloud, engine: this, physicalName: res.physicalName,
      userId: stack.ownerUserId, baseUrl: this.baseUrl, now: Date.now(),
    };
  }

  private scope(stack: StackRecord): ResolveScope {
    let typed: Record<string, unknown> | null = null;
    return {
      param: (name) => {
        if (name === 'OS::stack_name') return stack.name;
        if (name === 'OS::stack_id') return stack.id;
        if (name === 'OS::project_id') return stack.projectId;
        typed ??= resolveParameters(stack.template, stack.parameters);
        if (!(name in typed)) throw validationError(`The Parameter (${name}) was not defined in template.`);
        return typed[name];
      },
      resourceRef: (name) => {
        const res = stack.resources[name];
        if (!res || !res.physicalId) return null;
        const plugin = this.plugin(stack, res);
        return plugin?.refId ? plugin.refId(this.pluginContext(stack, res)) : res.physicalId;
      },
      attribute: (name, attribute, path) => this.attribute(stack, name, attribute, path),
      file: (key) => stack.files[key],
    };
  }

  attribute(stack: StackRecord, name: string, attribute: string, path: unknown[]): unknown {
    const res = stack.resources[name];
    if (!res || !res.physicalId || res.action === 'INIT' || (res.action === 'DELETE' && res.status === 'COMPLETE')) return null;
    const plugin = this.plugin(stack, res);
    if (!plugin) return null;
    const ctx = this.pluginContext(stack, res);
    if (plugin.attribute) return plugin.attribute(ctx, attribute, path);
    return followPath(plugin.attributes(ctx)[attribute] ?? null, path);
  }

  resourceAttributes(stack: StackRecord, res: ResourceRecord): Record<string, unknown> {
    const plugin = this.plugin(stack, res);
    if (!plugin || !res.physicalId || (res.action === 'DELETE' && res.status === 'COMPLETE')) return {};
    return plugin.attributes(this.pluginContext(stack, res));
  }

  /** Output values; null for outputs whose resources are not ready (as Heat shows in progress). */
  outputs(stackId: string): Record<string, unknown> {
    const stack = this.stacks[stackId];
    if (!stack) return {};
    const scope = this.scope(stack);
    const out: Record<string, unknown> = {};
    for (const [key, def] of Object.entries(outputDefinitions(stack.template))) {
      try {
        out[key] = resolveValue(def?.value ?? null, scope) ?? null;
      } catch {
        out[key] = null;
      }
    }
    return out;
  }

  // ---- the state machine ----------------------------------------------------------------

  tick(): void {
    for (const stack of this.allStacks()) {
      if (stack.status !== 'IN_PROGRESS') continue;
      try {
        this.advance(stack);
      } catch (e) {
        // a bug in one resource type must not take the whole sandbox down: fail that stack
        console.error(`[sandbox] heat engine error in stack ${stack.name}:`, e);
        this.failStack(stack, `Internal sandbox error: ${(e as Error).message}`);
      }
    }
  }

  private advance(stack: StackRecord): void {
    const now = Date.now();
    // timeout_mins bounds creates and updates, like Heat ("Timed out")
    const started = stack.operationStartedAt ?? stack.creationTime;
    if (stack.action !== 'DELETE' && now - started > stack.timeoutMins * 60_000) {
      this.failStack(stack, 'Timed out');
      return;
    }
    const ordered = Object.values(stack.resources).sort((a, b) => a.index - b.index);
    for (const res of ordered) {
      if (stack.status !== 'IN_PROGRESS') return;
      if (!stack.resources[res.name]) continue;
      if (res.status === 'IN_PROGRESS') {
        if (res.dueAt !== null) {
          if (now >= res.dueAt) this.finishStep(stack, res);
        } else this.checkNested(stack, res);
      } else if (res.pendingOp && this.canStart(stack, res)) this.startStep(stack, res, now);
    }
    this.maybeComplete(stack);
  }

  /** the configured per-resource delay, unless fault injection overrides it */
  private resourceDelayMs(): number {
    return this.faults().resourceDelayMs ?? this.config.resourceDelayMs;
  }

  private exists(res: ResourceRecord): boolean {
    return res.action !== 'INIT' && !(res.action === 'DELETE' && res.status === 'COMPLETE');
  }

  private canStart(stack: StackRecord, res: ResourceRecord): boolean {
    const all = Object.values(stack.resources);
    if (res.pendingOp === 'delete' || res.pendingOp === 'remove') {
      if (all.some((r) => r !== res && r.dependsOn.includes(res.name) && this.exists(r))) return false;
      if (res.pendingOp === 'remove') {
        // an update removes old resources last, like Heat's cleanup phase
        return !all.some((r) => r !== res && ((r.pendingOp && r.pendingOp !== 'remove') || (r.status === 'IN_PROGRESS' && r.action !== 'DELETE')));
      }
      return true;
    }
    return res.dependsOn.every((dep) => {
      const d = stack.resources[dep];
      return d && d.pendingOp === null && d.status === 'COMPLETE' && this.exists(d);
    });
  }

  private startStep(stack: StackRecord, res: ResourceRecord, now: number): void {
    const op = res.pendingOp;
    const plugin = this.plugin(stack, res);
    if (op === 'delete' || op === 'remove') {
      if (!this.exists(res)) {
        res.pendingOp = null;
        if (op === 'remove') delete stack.resources[res.name];
        this.store.changed();
        return;
      }
      this.beginStep(stack, res, 'DELETE', now + this.resourceDelayMs());
      return;
    }
    const def = resourceDefinitions(stack.template)[res.name];
    let props: Record<string, unknown>;
    try {
      props = resolveValue(def.properties, this.scope(stack)) as Record<string, unknown>;
    } catch (e) {
      const action: Action = this.exists(res) && res.status !== 'FAILED' ? 'UPDATE' : 'CREATE';
      res.action = action;
      this.failStep(stack, res, `${e instanceof HeatError ? e.type : 'Error'}: resources.${res.name}: ${(e as Error).message}`);
      return;
    }
    const created = this.exists(res) && res.status !== 'FAILED';
    const typeChanged = created && def.type !== res.type;
    if (op === 'update' && created && !typeChanged && sameJson(props, res.properties) && res.status === 'COMPLETE') {
      res.pendingOp = null;
      return;
    }
    res.nextType = typeChanged ? def.type : null;
    res.nextProperties = props;
    const extra = plugin?.extraDelayMs?.(props) ?? 0;
    this.beginStep(stack, res, created ? 'UPDATE' : 'CREATE', now + this.resourceDelayMs() + extra);
    if (!created) res.createdAt = now;
  }

  private beginStep(stack: StackRecord, res: ResourceRecord, action: Action, dueAt: number): void {
    res.action = action;
    res.status = 'IN_PROGRESS';
    res.statusReason = 'state changed';
    res.dueAt = dueAt;
    res.updatedAt = Date.now();
    this.addEvent(stack, res, action, 'IN_PROGRESS', 'state changed');
    this.store.changed();
  }

  private finishStep(stack: StackRecord, res: ResourceRecord): void {
    const plugin = this.plugin(stack, res);
    const ctx = this.pluginContext(stack, res);
    res.dueAt = null;
    try {
      if (!plugin) throw new ResourceFailure(`StackValidationFailed: The Resource Type (${res.type}) could not be found.`);
      const props = res.nextProperties ?? res.properties;
      if (res.action === 'CREATE') {
        const fault = resourceFault(this.faults(), res.name, res.type);
        if (fault) throw new ResourceFailure(`Error: resources.${res.name}: ${fault.reason ?? 'Injected failure (sandbox fault injection)'}`);
        // a failed (or marked unhealthy) resource is replaced: remove what it left first
        if (res.physicalId || res.nestedStackId) {
          plugin.delete(ctx);
          res.physicalId = '';
          res.nestedStackId = null;
        }
        plugin.create(ctx, props);
        res.properties = props;
      } else if (res.action === 'UPDATE' && res.nextType) {
        // a new type: delete the old resource, create one of the new type under the same name
        plugin.delete(ctx);
        Object.assign(res, { type: res.nextType, nextType: null, physicalId: '', nestedStackId: null, data: {} });
        const replacement = this.plugin(stack, res);
        if (!replacement) throw new ResourceFailure(`StackValidationFailed: The Resource Type (${res.type}) could not be found.`);
        replacement.create(this.pluginContext(stack, res), props);
        res.properties = props;
      } else if (res.action === 'UPDATE') {
        const touch = res.pendingOp === 'touch';
        if (plugin.update) plugin.update(ctx, props, touch);
        else {
          // no in-place update: replace the resource
          plugin.delete(ctx);
          res.nestedStackId = null;
          plugin.create(ctx, props);
        }
        res.properties = props;
      } else if (res.action === 'DELETE') {
        plugin.delete(ctx);
      }
    } catch (e) {
      const reason = e instanceof ResourceFailure ? e.message : `Error: resources.${res.name}: ${(e as Error).message}`;
      this.failStep(stack, res, reason);
      return;
    }
    res.nextProperties = null;
    const nested = res.nestedStackId ? this.stacks[res.nestedStackId] : undefined;
    if (nested && nested.status === 'IN_PROGRESS') {
      this.store.changed();
      return; // checkNested completes it
    }
    this.completeStep(stack, res);
  }

  private checkNested(stack: StackRecord, res: ResourceRecord): void {
    const nested = res.nestedStackId ? this.stacks[res.nestedStackId] : undefined;
    if (!nested || nested.status === 'COMPLETE') this.completeStep(stack, res);
    else if (nested.status === 'FAILED') this.failStep(stack, res, `resources.${res.name}: ${nested.statusReason}`);
  }

  private completeStep(stack: StackRecord, res: ResourceRecord): void {
    res.status = 'COMPLETE';
    res.statusReason = 'state changed';
    res.updatedAt = Date.now();
    this.addEvent(stack, res, res.action, 'COMPLETE', 'state changed');
    if (res.action === 'DELETE' && res.pendingOp === 'remove') delete stack.resources[res.name];
    res.pendingOp = null;
    this.store.changed();
  }

  private failStep(stack: StackRecord, res: ResourceRecord, reason: string): void {
    res.status = 'FAILED';
    res.statusReason = reason;
    res.dueAt = null;
    res.pendingOp = null;
    res.updatedAt = Date.now();
    this.addEvent(stack, res, res.action, 'FAILED', reason);
    this.failStack(stack, `Resource ${res.action} failed: ${reason}`);
  }

  private failStack(stack: StackRecord, reason: string): void {
    for (const other of Object.values(stack.resources)) {
      other.pendingOp = null;
      if (other.status === 'IN_PROGRESS') {
        other.status = 'FAILED';
        other.statusReason = `${other.action} aborted`;
        other.dueAt = null;
        this.addEvent(stack, other, other.action, 'FAILED', other.statusReason);
      }
    }
    stack.status = 'FAILED';
    stack.statusReason = reason;
    this.stackEvent(stack, stack.action, 'FAILED', reason);
    this.store.changed();
  }

  private maybeComplete(stack: StackRecord): void {
    if (stack.status !== 'IN_PROGRESS') return;
    const busy = Object.values(stack.resources).some((r) => r.pendingOp !== null || r.status === 'IN_PROGRESS');
    if (busy) return;
    stack.status = 'COMPLETE';
    stack.statusReason = `Stack ${stack.action} completed successfully`;
    if (stack.action === 'DELETE') stack.deletionTime = Date.now();
    this.stackEvent(stack, stack.action, 'COMPLETE', stack.statusReason);
    this.store.changed();
  }

  // ---- events ---------------------------------------------------------------------------

  private addEvent(stack: StackRecord, res: ResourceRecord, action: Action, status: string, reason: string): void {
    addResourceEvent(stack, res, action, status, reason);
  }

  private stackEvent(stack: StackRecord, action: string, status: string, reason: string): void {
    addStackEvent(stack, action, status, reason);
  }
}
