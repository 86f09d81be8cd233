import { Table, type TableColumn } from '@backstage/core-components';
import type { AuditEvent } from '../../api/ComplianceApi';
import { formatTime } from '../../lib/format';

const columns: TableColumn<AuditEvent>[] = [
  { title: 'Seq', field: 'seq', width: '6%' },
  { title: 'Time', render: e => formatTime(e.at) },
  { title: 'Actor', field: 'actor' },
  { title: 'Action', field: 'action' },
  { title: 'Entity', render: e => e.entityRef ?? '—' },
  {
    title: 'Details',
    render: e => (
      <code style={{ wordBreak: 'break-all' }}>
        {JSON.stringify(e.details)}
      </code>
    ),
  },
  {
    title: 'Hash',
    render: e => <code title={e.hash}>{e.hash.slice(0, 12)}…</code>,
  },
];

/** Audit events, newest first as the backend returns them. */
export function AuditTrailTable(props: { events: AuditEvent[] }) {
  return (
    <Table<AuditEvent>
      title={`Audit events (${props.events.length})`}
      columns={columns}
      data={props.events}
      options={{
        paging: props.events.length > 50,
        pageSize: 50,
        search: false,
      }}
      emptyContent={
        <div style={{ padding: 16 }}>No audit event matches these filters.</div>
      }
    />
  );
}
