import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { complianceExportPermission } from '@carepath/plugin-compliance-common';
import { Box, Button } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  complianceApiRef,
  type AuditEventQuery,
  type DownloadedFile,
} from '../../api/ComplianceApi';
import { saveFile } from '../../lib/saveFile';
import { ComplianceErrorPanel } from '../ComplianceErrorPanel/ComplianceErrorPanel';
import { AuditTrailFilters } from './AuditTrailFilters';
import { AuditTrailTable } from './AuditTrailTable';

/** The hash-chained audit trail, filtered, with CSV export (needs `compliance.export`). */
export function AuditTrailPage(props: {
  save?: (file: DownloadedFile) => void;
}) {
  const { save = saveFile } = props;
  const api = useApi(complianceApiRef);
  const [query, setQuery] = useState<AuditEventQuery>({});
  const [exportError, setExportError] = useState<Error>();
  const events = useAsyncRetry(() => api.getAuditEvents(query), [api, query]);

  const exportCsv = async () => {
    setExportError(undefined);
    try {
      save(await api.exportAuditEvents(query));
    } catch (error) {
      setExportError(error as Error);
    }
  };

  return (
    <>
      <Box
        display="flex"
        justifyContent="space-between"
        flexWrap="wrap"
        gridGap={16}
        mb={2}
      >
        <AuditTrailFilters onApply={setQuery} />
        <Button variant="outlined" onClick={exportCsv}>
          Export CSV
        </Button>
      </Box>
      {exportError && (
        <Box mb={2}>
          <Alert severity="error">Export failed: {exportError.message}</Alert>
        </Box>
      )}
      {events.loading && !events.value && <Progress />}
      {events.error && (
        <ComplianceErrorPanel
          error={events.error}
          subject="the audit trail"
          permission={complianceExportPermission.name}
          holders="compliance officers and the platform team"
          onRetry={events.retry}
        />
      )}
      {events.value && !events.error && (
        <AuditTrailTable events={events.value} />
      )}
    </>
  );
}
