import type { ServiceWorkloadHealth } from '@carepath/plugin-fleet-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ageMs, formatShortDuration, formatTimestamp } from '../../lib/time';
import { HealthChip } from '../HealthChip/HealthChip';
import { RestartCount } from '../RestartCount/RestartCount';

/** The top-level workloads of a service in one cluster. */
export function WorkloadTable(props: {
  workloads: ServiceWorkloadHealth[];
  now: Date;
}) {
  const { workloads, now } = props;
  return (
    <Table size="small" aria-label="Workloads">
      <TableHead>
        <TableRow>
          <TableCell>Workload</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Ready</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell>Last change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {workloads.map(workload => {
          const age = ageMs(workload.lastChange, now);
          return (
            <TableRow key={workload.uid || `${workload.kind}/${workload.name}`}>
              <TableCell>
                <Typography variant="body2">{workload.name}</Typography>
                <Typography variant="caption" color="textSecondary">
                  {workload.kind} · {workload.namespace}
                </Typography>
              </TableCell>
              <TableCell>
                <HealthChip status={workload.status} subject={workload.name} />
              </TableCell>
              <TableCell style={{ maxWidth: 480 }}>
                <Typography variant="body2">{workload.message}</Typography>
                {workload.images.length > 0 && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                  >
                    {workload.images.join(', ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">
                {workload.ready}/{workload.desired}
              </TableCell>
              <TableCell align="right">
                <RestartCount restarts={workload.restarts} />
              </TableCell>
              <TableCell
                title={
                  workload.lastChange
                    ? formatTimestamp(workload.lastChange)
                    : undefined
                }
              >
                {age === undefined ? '—' : `${formatShortDuration(age)} ago`}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
