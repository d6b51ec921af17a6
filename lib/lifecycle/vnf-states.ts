// Tacker's VNF state machine as a table (pure: also used by the browser to gate actions).
// A user action is allowed only from the states listed for it, and moves the VNF to its
// pending state; the background work then settles the pending state to one of its outcomes.

export const VNF_STATES = [
  'PENDING_CREATE',
  'ACTIVE',
  'INACTIVE',
  'ERROR',
  'DEAD',
  'PENDING_UPDATE',
  'PENDING_DELETE',
  'PENDING_SCALE_OUT',
  'PENDING_SCALE_IN',
] as const;
export type VnfState = (typeof VNF_STATES)[number];

export type VnfAction = 'update' | 'delete' | 'scale_out' | 'scale_in';

/** action -> states it may start from, and the pending state it enters. */
export const ACTIONS: Record<VnfAction, { from: readonly VnfState[]; pending: VnfState }> = {
  update: { from: ['ACTIVE'], pending: 'PENDING_UPDATE' },
  delete: { from: ['ACTIVE', 'INACTIVE', 'ERROR', 'DEAD'], pending: 'PENDING_DELETE' },
  scale_out: { from: ['ACTIVE'], pending: 'PENDING_SCALE_OUT' },
  scale_in: { from: ['ACTIVE'], pending: 'PENDING_SCALE_IN' },
};

/** pending state -> the states (or removal) the background work may settle it to. */
export const SETTLEMENTS: Partial<Record<VnfState, readonly (VnfState | 'DELETED')[]>> = {
  PENDING_CREATE: ['ACTIVE', 'ERROR'],
  PENDING_UPDATE: ['ACTIVE', 'ERROR'],
  PENDING_DELETE: ['DELETED', 'ERROR'],
  PENDING_SCALE_OUT: ['ACTIVE', 'ERROR'],
  PENDING_SCALE_IN: ['ACTIVE', 'ERROR'],
};

export function isPending(state: string): boolean {
  return state.startsWith('PENDING_');
}

/** Can `action` start from `state`? (`force` delete is allowed from any state, as in Tacker.) */
export function canStart(action: VnfAction, state: string, opts: { force?: boolean } = {}): boolean {
  if (action === 'delete' && opts.force) return true;
  return (ACTIONS[action].from as readonly string[]).includes(state);
}

/** Why an action cannot start, for the 409 body; null when it can. */
export function transitionError(action: VnfAction, state: string, opts: { force?: boolean } = {}): string | null {
  if (canStart(action, state, opts)) return null;
  const verb = action.replace('_', ' ');
  return `Cannot ${verb} VNF in state ${state}; ${verb} is allowed from ${ACTIONS[action].from.join(', ')}`;
}

export function canSettle(pending: string, outcome: VnfState | 'DELETED'): boolean {
  return (SETTLEMENTS[pending as VnfState] ?? []).includes(outcome);
}

/** Tacker's event type for a change that ends or starts in `state`. */
export function eventTypeFor(pending: string): 'CREATE' | 'UPDATE' | 'DELETE' | 'SCALE' {
  if (pending === 'PENDING_CREATE') return 'CREATE';
  if (pending === 'PENDING_DELETE') return 'DELETE';
  if (pending.startsWith('PENDING_SCALE')) return 'SCALE';
  return 'UPDATE';
}
