import type { EventProjection } from '@carepath/plugin-fleet-common';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@material-ui/core';
import { formatAgo, formatTimestamp } from '../../lib/time';

/** Recent Warning events for a service's objects, newest first. */
export function EventTable(props: { events: EventProjection[]; now: Date }) {
  const { events, now } = props;
  return (
    <Table size="small" aria-label="Warning events">
      <TableHead>
        <TableRow>
          <TableCell>Reason</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Object</TableCell>
          <TableCell align="right">Count</TableCell>
          <TableCell>Last seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map(event => (
          <TableRow key={event.uid || event.name}>
            <TableCell>
              <strong>{event.reason}</strong>
            </TableCell>
            <TableCell style={{ maxWidth: 520 }}>{event.message}</TableCell>
            <TableCell style={{ wordBreak: 'break-all' }}>
              {event.involvedObject.kind}/{event.involvedObject.name}
            </TableCell>
            <TableCell align="right">{event.count}</TableCell>
            <TableCell
              title={
                event.lastTimestamp
                  ? formatTimestamp(event.lastTimestamp)
                  : undefined
              }
            >
              {event.lastTimestamp ? formatAgo(event.lastTimestamp, now) : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
