'use client';
import { useQuery } from '@tanstack/react-query';
import { DataTable, type Column } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { apiFetch } from '@/lib/client/api';

export interface EventRow {
  id: number;
  resource_id: string;
  resource_type: string;
  resource_state: string;
  event_type: string;
  timestamp: string;
  event_details: string;
}

const columns: Column<EventRow>[] = [
  { key: 'timestamp', header: 'Time', value: (e) => e.timestamp, render: (e) => new Date(`${e.timestamp}Z`).toLocaleString() },
  { key: 'type', header: 'Resource', value: (e) => e.resource_type, render: (e) => e.resource_type.toUpperCase() },
  { key: 'id', header: 'Resource ID', value: (e) => e.resource_id, render: (e) => <code>{e.resource_id}</code> },
  { key: 'event', header: 'Event', value: (e) => e.event_type, render: (e) => e.event_type },
  { key: 'state', header: 'State', value: (e) => e.resource_state, render: (e) => <StatusBadge status={e.resource_state} /> },
  { key: 'details', header: 'Details', value: (e) => e.event_details, render: (e) => <span className="muted">{e.event_details}</span> },
];

/** Events of the project, or of one resource (detail pages' Events tab). */
export function EventsTable({ resourceId, label = 'Events' }: { resourceId?: string; label?: string }) {
  const query = resourceId ? `?resource_id=${encodeURIComponent(resourceId)}` : '';
  const events = useQuery({ queryKey: ['events', resourceId ?? 'all'], queryFn: () => apiFetch<{ events: EventRow[] }>(`/v1.0/events${query}`) });
  return (
    <DataTable
      label={label}
      rows={events.data?.events}
      columns={columns}
      rowKey={(e) => String(e.id)}
      loading={events.isLoading}
      error={events.error?.message}
      empty="No events yet."
    />
  );
}
