'use client';
import { EventsTable } from './events-table';

export function EventsPage() {
  return (
    <>
      <div className="page-head">
        <h1>Events</h1>
      </div>
      <EventsTable />
    </>
  );
}
