// Heat's stored records: stacks (with their resources and events). Nested stacks (template
// resources, AutoScalingGroup members) are ordinary stacks with a parent.
export type Action = 'INIT' | 'CREATE' | 'UPDATE' | 'DELETE' | 'SIGNAL';
export type Status = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
/** what the engine still has to do with a resource in the current stack operation */
export type PendingOp = 'create' | 'update' | 'touch' | 'delete' | 'remove' | null;

export interface ResourceRecord {
  name: string;
  type: string;
  action: Action;
  status: Status;
  statusReason: string;
  physicalId: string;
  createdAt: number | null;
  updatedAt: number | null;
  /** when the current *_IN_PROGRESS step is done (epoch ms); null while waiting for a nested stack */
  dueAt: number | null;
  pendingOp: PendingOp;
  nestedStackId: string | null;
  /** plugin-owned data (random value, scaling bookkeeping, ids of created cloud objects...) */
  data: Record<string, unknown>;
  /** resolved properties as last created/updated */
  properties: Record<string, unknown>;
  /** properties resolved when the current step started, applied when it finishes */
  nextProperties: Record<string, unknown> | null;
  /** set when an update changes the resource's type: the old one is deleted, the new one created */
  nextType?: string | null;
  dependsOn: string[];
  /** "<stack>-<resource>-<random>", fixed at creation (Heat's physical_resource_name) */
  physicalName: string;
  /** order of creation inside the stack (for stable listings and oldest-first scale in) */
  index: number;
}

export interface EventRecord {
  id: string;
  time: number;
  resourceName: string;
  resourceType: string;
  physicalId: string;
  status: string;
  reason: string;
  properties: Record<string, unknown>;
}

export interface StackRecord {
  id: string;
  name: string;
  projectId: string;
  ownerName: string;
  ownerUserId: string;
  parentStackId: string | null;
  parentResourceName: string | null;
  /** parsed template (JSON object) */
  template: Record<string, unknown>;
  files: Record<string, string>;
  /** environment resource_registry: type alias -> resource type or template file (inherited by nested stacks) */
  registry?: Record<string, string>;
  /** user-given parameter values, as strings (how Heat shows them) */
  parameters: Record<string, string>;
  action: Exclude<Action, 'INIT' | 'SIGNAL'>;
  status: Status;
  statusReason: string;
  creationTime: number;
  updatedTime: number | null;
  deletionTime: number | null;
  disableRollback: boolean;
  timeoutMins: number;
  /** when the current create/update began counting against timeout_mins (reset when the sandbox restarts) */
  operationStartedAt?: number;
  tags: string[];
  stackUserProjectId: string;
  resources: Record<string, ResourceRecord>;
  events: EventRecord[];
  nextResourceIndex: number;
}

export interface HeatState {
  stacks: Record<string, StackRecord>;
}
