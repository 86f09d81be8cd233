import { InfoCard } from '@backstage/core-components';
import type { ControlFailureCount } from '@carepath/plugin-compliance-common';
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';

/** Controls ranked by how many services fail them; a click filters the results. */
export function FailingControlsTable(props: {
  controls: ControlFailureCount[];
  onSelectControl: (controlId: string) => void;
}) {
  const { controls, onSelectControl } = props;
  return (
    <InfoCard title="Failing controls">
      {controls.length === 0 ? (
        <Typography variant="body2">
          No control fails for the services shown.
        </Typography>
      ) : (
        <Table size="small" aria-label="Failing controls">
          <TableHead>
            <TableRow>
              <TableCell>Control</TableCell>
              <TableCell>Title</TableCell>
              <TableCell>HIPAA</TableCell>
              <TableCell>Severity</TableCell>
              <TableCell align="right">Failing services</TableCell>
              <TableCell align="right">Exempt</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {controls.map(control => (
              <TableRow key={control.controlId}>
                <TableCell>
                  <Link
                    component="button"
                    variant="body2"
                    title={`Show only ${control.controlId}`}
                    onClick={() => onSelectControl(control.controlId)}
                  >
                    {control.controlId}
                  </Link>
                </TableCell>
                <TableCell>{control.title}</TableCell>
                <TableCell>{control.hipaa.join(', ')}</TableCell>
                <TableCell>{control.severity}</TableCell>
                <TableCell align="right">{control.failingServices}</TableCell>
                <TableCell align="right">{control.exemptServices}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
