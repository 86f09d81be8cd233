import type { HistoryPoint } from '@carepath/plugin-compliance-common';
import { Box, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { ReactNode } from 'react';
import type { ComplianceResults } from '../../api/ComplianceApi';
import { ComplianceEmptyState } from './ComplianceEmptyState';
import { ComplianceFilters, type FilterOptions } from './ComplianceFilters';
import { ComplianceHeatMap } from './ComplianceHeatMap';
import type { ComplianceView } from './complianceSearchParams';
import { FailingControlsTable } from './FailingControlsTable';
import { ScoreCard } from './ScoreCard';
import { ScoreTrendChart } from './ScoreTrendChart';

/** The compliance overview for given results. */
export function ComplianceOverviewContent(props: {
  results: ComplianceResults;
  history: HistoryPoint[];
  historyError?: Error;
  view: ComplianceView;
  onViewChange: (view: ComplianceView) => void;
  filterOptions: FilterOptions;
  canEvaluate: boolean;
  evaluating: boolean;
  evaluateError?: Error;
  onEvaluate: () => void;
  /** Export buttons, shown beside the filters. */
  actions?: ReactNode;
}) {
  const { results, view, onViewChange, evaluateError } = props;
  const evaluateProps = {
    canEvaluate: props.canEvaluate,
    evaluating: props.evaluating,
    onEvaluate: props.onEvaluate,
  };
  const failure = evaluateError && (
    <Box mb={2}>
      <Alert severity="error">Evaluation failed: {evaluateError.message}</Alert>
    </Box>
  );
  if (!results.evaluation || !results.summary) {
    return (
      <>
        {failure}
        <ComplianceEmptyState {...evaluateProps} />
      </>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {failure}
        <ScoreCard
          score={results.summary.overallScore}
          evaluation={results.evaluation}
          {...evaluateProps}
        />
      </Grid>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="space-between"
          flexWrap="wrap"
          gridGap={16}
        >
          <ComplianceFilters
            view={view}
            options={props.filterOptions}
            onChange={onViewChange}
          />
          {props.actions}
        </Box>
      </Grid>
      <Grid item xs={12} lg={8}>
        <FailingControlsTable
          controls={results.summary.failingControls}
          onSelectControl={controlId =>
            onViewChange({ ...view, control: [controlId] })
          }
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <ScoreTrendChart points={props.history} error={props.historyError} />
      </Grid>
      <Grid item xs={12}>
        {results.items.length === 0 ? (
          <Typography variant="body2">
            No service matches these filters.
          </Typography>
        ) : (
          <ComplianceHeatMap
            items={results.items}
            by={view.by}
            onByChange={by => onViewChange({ ...view, by })}
          />
        )}
        {results.total > results.items.length && (
          <Typography variant="caption">
            Showing {results.items.length} of {results.total} services.
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
