import type { ServicePodHealth } from '@carepath/plugin-fleet-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Fragment } from 'react';
import { ageMs, formatShortDuration } from '../../lib/time';
import { HealthChip } from '../HealthChip/HealthChip';
import { PodReasonList } from './PodReasonList';
import { RestartCount } from '../RestartCount/RestartCount';

/** The pods of a service in one cluster; a pod's reasons go on a row beneath it. */
export function PodTable(props: { pods: ServicePodHealth[]; now: Date }) {
  const { pods, now } = props;
  return (
    <Table size="small" aria-label="Pods">
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Phase</TableCell>
          <TableCell align="right">Ready</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell>Node</TableCell>
          <TableCell align="right">Age</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {pods.map(pod => {
          const age = ageMs(pod.createdAt, now);
          const hasReasons = pod.reasons.length > 0;
          const cellStyle = hasReasons ? { borderBottom: 'none' } : undefined;
          return (
            <Fragment key={pod.uid || pod.name}>
              <TableRow>
                <TableCell style={cellStyle}>
                  <Typography
                    variant="body2"
                    style={{ wordBreak: 'break-all' }}
                  >
                    {pod.name}
                  </Typography>
                </TableCell>
                <TableCell style={cellStyle}>
                  <HealthChip
                    status={pod.status}
                    message={pod.message}
                    subject={pod.name}
                  />
                </TableCell>
                <TableCell style={cellStyle}>{pod.phase}</TableCell>
                <TableCell align="right" style={cellStyle}>
                  {pod.readyContainers}/{pod.totalContainers}
                </TableCell>
                <TableCell align="right" style={cellStyle}>
                  <RestartCount restarts={pod.restarts} />
                </TableCell>
                <TableCell style={cellStyle}>{pod.node ?? '—'}</TableCell>
                <TableCell align="right" style={cellStyle}>
                  {age === undefined ? '—' : formatShortDuration(age)}
                </TableCell>
              </TableRow>
              {hasReasons && (
                <TableRow>
                  <TableCell colSpan={7} style={{ paddingTop: 0 }}>
                    <PodReasonList reasons={pod.reasons} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
