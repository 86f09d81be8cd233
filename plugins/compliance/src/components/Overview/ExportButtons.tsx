import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { complianceExportPermission } from '@carepath/plugin-compliance-common';
import { Box, Button } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { complianceApiRef, type DownloadedFile } from '../../api/ComplianceApi';
import { saveFile } from '../../lib/saveFile';

/**
 * CSV and JSON export of the evaluation in force, for auditors. Hidden
 * without `compliance.export`; the download goes through the fetch API so it
 * carries the user's token.
 */
export function ExportButtons(props: {
  save?: (file: DownloadedFile) => void;
}) {
  const { save = saveFile } = props;
  const api = useApi(complianceApiRef);
  const { allowed } = usePermission({
    permission: complianceExportPermission,
  });
  const [busy, setBusy] = useState<'csv' | 'json'>();
  const [error, setError] = useState<Error>();
  if (!allowed) return null;

  const download = async (format: 'csv' | 'json') => {
    setBusy(format);
    setError(undefined);
    try {
      save(await api.exportResults({ format }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box display="flex" gridGap={8} alignItems="center" flexWrap="wrap">
      {(['csv', 'json'] as const).map(format => (
        <Button
          key={format}
          variant="outlined"
          disabled={busy !== undefined}
          onClick={() => download(format)}
        >
          {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
        </Button>
      ))}
      {error && <Alert severity="error">Export failed: {error.message}</Alert>}
    </Box>
  );
}
