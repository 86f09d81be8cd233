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
  makeStyles,
} from '@material-ui/core';

const useStyles = makeStyles({
  // Identifiers, citations and counts stay on one line; the title wraps.
  nowrap: { whiteSpace: 'nowrap' },
});

/** Controls ranked by how many services fail them; a click filters the results. */
export function FailingControlsTable(props: {
  controls: ControlFailureCount[];
  onSelectControl: (controlId: string) => void;
}) {
  const { controls, onSelectControl } = props;
  const classes = useStyles();
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
              <TableCell className={classes.nowrap}>Control</TableCell>
              <TableCell>Title</TableCell>
              <TableCell className={classes.nowrap}>HIPAA</TableCell>
              <TableCell className={classes.nowrap}>Severity</TableCell>
              <TableCell align="right" className={classes.nowrap}>
                Failing services
              </TableCell>
              <TableCell align="right" className={classes.nowrap}>
                Exempt
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {controls.map(control => (
              <TableRow key={control.controlId}>
                <TableCell className={classes.nowrap}>
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
                <TableCell className={classes.nowrap}>
                  {control.hipaa.join(', ')}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {control.severity}
                </TableCell>
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
