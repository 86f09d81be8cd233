import type {
  FleetListResponse,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { UnregisteredWorkloadRow } from './UnregisteredWorkloadRow';

export interface UnregisteredWorkloadsContentProps {
  page: FleetListResponse<UnregisteredWorkload>;
  now: Date;
  onPageChange: (offset: number, limit: number) => void;
}

/** Workloads no catalog entity claims, with what that means and how to fix it. */
export function UnregisteredWorkloadsContent(
  props: UnregisteredWorkloadsContentProps,
) {
  const { page, now, onPageChange } = props;
  return (
    <>
      <Alert severity="info" style={{ marginBottom: 16 }}>
        <Typography variant="body2" paragraph>
          These workloads run in a cluster, but no catalog entity claims them,
          so nobody is listed as owning them and their health shows on no
          service page. In a regulated environment every running workload should
          have an owner.
        </Typography>
        <Typography variant="body2">
          To claim one, label it{' '}
          <code>backstage.io/kubernetes-id=&lt;id&gt;</code> and add the
          annotation <code>backstage.io/kubernetes-id: &lt;id&gt;</code> to the
          owning entity. “How to claim” on a row shows the exact commands.
        </Typography>
      </Alert>
      {page.totalItems === 0 ? (
        <Box py={6} textAlign="center">
          <Typography variant="body1">
            Every workload in every cluster belongs to a catalog entity.
          </Typography>
        </Box>
      ) : (
        <Paper variant="outlined">
          <Box overflow="auto">
            <Table size="small" aria-label="Unregistered workloads">
              <TableHead>
                <TableRow>
                  <TableCell>Cluster</TableCell>
                  <TableCell>Namespace</TableCell>
                  <TableCell>Kind</TableCell>
                  <TableCell>Name</TableCell>
                  <TableCell>Health</TableCell>
                  <TableCell align="right">Ready</TableCell>
                  <TableCell>Images</TableCell>
                  <TableCell align="right">Age</TableCell>
                  <TableCell>
                    <span style={{ position: 'absolute', left: -9999 }}>
                      Actions
                    </span>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {page.items.map(workload => (
                  <UnregisteredWorkloadRow
                    key={`${workload.cluster}/${workload.uid}`}
                    workload={workload}
                    now={now}
                  />
                ))}
              </TableBody>
            </Table>
          </Box>
          <TablePagination
            component="div"
            count={page.totalItems}
            page={Math.floor(page.offset / page.limit)}
            rowsPerPage={page.limit}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_, index) =>
              onPageChange(index * page.limit, page.limit)
            }
            onRowsPerPageChange={e => onPageChange(0, Number(e.target.value))}
          />
        </Paper>
      )}
    </>
  );
}
