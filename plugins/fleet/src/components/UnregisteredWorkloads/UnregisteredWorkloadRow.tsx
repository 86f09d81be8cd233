import type { UnregisteredWorkload } from '@carepath/plugin-fleet-common';
import { Button, TableCell, TableRow } from '@material-ui/core';
import { useState } from 'react';
import { ageMs, formatShortDuration, formatTimestamp } from '../../lib/time';
import { HealthChip } from '../HealthChip/HealthChip';
import { ClaimInstructions } from './ClaimInstructions';

const COLUMNS = 9;

/** One unclaimed workload, with claim instructions on demand. */
export function UnregisteredWorkloadRow(props: {
  workload: UnregisteredWorkload;
  now: Date;
}) {
  const { workload, now } = props;
  const [open, setOpen] = useState(false);
  const age = ageMs(workload.createdAt, now);
  const detailsId = `claim-${workload.uid}`;
  return (
    <>
      <TableRow>
        <TableCell>{workload.cluster}</TableCell>
        <TableCell>{workload.namespace}</TableCell>
        <TableCell>{workload.kind}</TableCell>
        <TableCell style={{ wordBreak: 'break-all' }}>
          {workload.name}
        </TableCell>
        <TableCell>
          <HealthChip
            status={workload.health.status}
            message={workload.health.message}
            subject={workload.name}
          />
        </TableCell>
        <TableCell align="right">
          {workload.ready}/{workload.desired}
        </TableCell>
        <TableCell
          style={{
            fontFamily: 'monospace',
            fontSize: 12,
            wordBreak: 'break-all',
          }}
        >
          {workload.images.join(', ') || '—'}
        </TableCell>
        <TableCell
          align="right"
          title={
            workload.createdAt ? formatTimestamp(workload.createdAt) : undefined
          }
        >
          {age === undefined ? '—' : formatShortDuration(age)}
        </TableCell>
        <TableCell>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(o => !o)}
          >
            {open ? 'Hide' : 'How to claim'}
          </Button>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow id={detailsId}>
          <TableCell colSpan={COLUMNS}>
            <ClaimInstructions workload={workload} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
