import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  complianceEvaluatePermission,
  complianceResultsReadPermission,
} from '@carepath/plugin-compliance-common';
import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { complianceApiRef } from '../../api/ComplianceApi';
import { useComplianceHistory } from '../../hooks/useComplianceHistory';
import { useComplianceResults } from '../../hooks/useComplianceResults';
import { ComplianceErrorPanel } from '../ComplianceErrorPanel/ComplianceErrorPanel';
import { useFilterOptions } from './useFilterOptions';
import { ComplianceOverviewContent } from './ComplianceOverviewContent';
import {
  complianceViewParams,
  parseComplianceView,
  resultsQueryOf,
  type ComplianceView,
} from './complianceSearchParams';
import { ExportButtons } from './ExportButtons';
import { PendingExemptionsNotice } from './PendingExemptionsNotice';

/** The compliance overview: score, failing controls, trend and heat map; filters kept in the URL. */
export function ComplianceOverview() {
  const api = useApi(complianceApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const view = useMemo(
    () => parseComplianceView(new URLSearchParams(search)),
    [search],
  );
  const onViewChange = useCallback(
    (next: ComplianceView) =>
      setSearchParams(complianceViewParams(next), { replace: true }),
    [setSearchParams],
  );
  const results = useComplianceResults(resultsQueryOf(view));
  const history = useComplianceHistory();
  const filterOptions = useFilterOptions(results.value);
  const { allowed: canEvaluate } = usePermission({
    permission: complianceEvaluatePermission,
  });
  const [evaluating, setEvaluating] = useState(false);
  const [evaluateError, setEvaluateError] = useState<Error>();
  const { retry: retryResults } = results;
  const { retry: retryHistory } = history;
  const onEvaluate = useCallback(async () => {
    setEvaluating(true);
    setEvaluateError(undefined);
    try {
      await api.evaluate();
      retryResults();
      retryHistory();
    } catch (error) {
      setEvaluateError(error as Error);
    } finally {
      setEvaluating(false);
    }
  }, [api, retryResults, retryHistory]);

  if (results.loading && !results.value) return <Progress />;
  if (results.error && !results.value) {
    return (
      <ComplianceErrorPanel
        error={results.error}
        subject="compliance results"
        permission={complianceResultsReadPermission.name}
        holders="compliance officers, the platform team and (for their own services) service owners"
        onRetry={retryResults}
      />
    );
  }
  if (!results.value) return null;
  return (
    <>
      <PendingExemptionsNotice />
      {results.error && (
        <Box mb={2}>
          <Alert severity="error">
            Could not refresh; showing the results loaded before:{' '}
            {results.error.message}
          </Alert>
        </Box>
      )}
      <ComplianceOverviewContent
        results={results.value}
        history={history.value?.overall ?? []}
        historyError={history.error}
        view={view}
        onViewChange={onViewChange}
        filterOptions={filterOptions}
        canEvaluate={canEvaluate}
        evaluating={evaluating}
        evaluateError={evaluateError}
        onEvaluate={onEvaluate}
        actions={<ExportButtons />}
      />
    </>
  );
}
