// Status words of Tacker and Heat, as colored badges.
const TONE: Record<string, string> = {
  ACTIVE: 'ok', REACHABLE: 'ok', CREATE_COMPLETE: 'ok', UPDATE_COMPLETE: 'ok',
  ERROR: 'err', UNREACHABLE: 'err', CREATE_FAILED: 'err', DELETE_FAILED: 'err', UPDATE_FAILED: 'err',
  PENDING: 'warn', DEAD: 'err',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status] ?? (status.startsWith('PENDING') || status.endsWith('IN_PROGRESS') ? 'info' : 'neutral');
  return <span className={`badge ${tone === 'neutral' ? '' : `badge-${tone}`}`} data-status={status}>{status.replace(/_/g, ' ')}</span>;
}
