import { Table, type TableColumn } from '@backstage/core-components';
import type { Exemption } from '@carepath/plugin-compliance-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Button } from '@material-ui/core';
import { formatDate, formatTime } from '../../lib/format';

/** Exemptions as a table; decision buttons only when `onDecide` is given. */
export function ExemptionsTable(props: {
  title: string;
  exemptions: Exemption[];
  emptyText: string;
  mode: 'pending' | 'decided';
  onDecide?: (exemption: Exemption, decision: 'approve' | 'reject') => void;
}) {
  const { title, exemptions, emptyText, mode, onDecide } = props;
  const columns: TableColumn<Exemption>[] = [
    {
      title: 'Service',
      render: e => (
        <EntityRefLink entityRef={e.entityRef} defaultKind="component" />
      ),
    },
    { title: 'Control', field: 'controlId' },
    { title: 'Justification', field: 'justification', width: '35%' },
    { title: 'Requested by', field: 'requestedBy' },
    ...(mode === 'pending'
      ? [
          {
            title: 'Requested',
            render: (e: Exemption) => formatTime(e.requestedAt),
          },
        ]
      : []),
    { title: 'Expires', render: e => formatDate(e.expiresAt) },
    ...(mode === 'decided'
      ? [
          { title: 'Decision', field: 'state' },
          {
            title: 'Decided',
            render: (e: Exemption) =>
              [e.decidedBy, e.decidedAt && formatTime(e.decidedAt)]
                .filter(Boolean)
                .join(', '),
          },
          { title: 'Comment', field: 'decisionComment' },
        ]
      : []),
  ];
  if (onDecide) {
    columns.push({
      title: 'Decision',
      render: e => (
        <>
          <Button
            size="small"
            color="primary"
            aria-label={`Approve ${e.controlId} for ${e.entityRef}`}
            onClick={() => onDecide(e, 'approve')}
          >
            Approve
          </Button>
          <Button
            size="small"
            aria-label={`Reject ${e.controlId} for ${e.entityRef}`}
            onClick={() => onDecide(e, 'reject')}
          >
            Reject
          </Button>
        </>
      ),
    });
  }
  return (
    <Table<Exemption>
      title={title}
      columns={columns}
      data={exemptions}
      options={{ paging: exemptions.length > 20, pageSize: 20, search: false }}
      emptyContent={<div style={{ padding: 16 }}>{emptyText}</div>}
    />
  );
}
