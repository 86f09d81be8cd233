import { Box, Button, MenuItem, TextField } from '@material-ui/core';
import {
  dataClassifications,
  filterKeys,
  hasFilters,
  statuses,
  type ComplianceFilterKey,
  type ComplianceView,
} from './complianceSearchParams';
import { shortRef } from '../../lib/shortRef';

const labels: Record<ComplianceFilterKey, string> = {
  owner: 'Owner',
  system: 'System',
  control: 'Control',
  status: 'Status',
  dataClassification: 'Data classification',
};

/** Choices for the filters that depend on what has been evaluated. */
export interface FilterOptions {
  owner: string[];
  system: string[];
  control: string[];
}

/** One select per filter; the view lives in the URL, so a filtered page can be shared. */
export function ComplianceFilters(props: {
  view: ComplianceView;
  options: FilterOptions;
  onChange: (view: ComplianceView) => void;
}) {
  const { view, options, onChange } = props;
  const choices: Record<ComplianceFilterKey, readonly string[]> = {
    ...options,
    status: statuses,
    dataClassification: dataClassifications,
  };
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="center">
      {filterKeys.map(key => {
        const values = [...new Set([...choices[key], ...view[key]])];
        return (
          <TextField
            key={key}
            select
            label={labels[key]}
            value={view[key][0] ?? ''}
            onChange={event =>
              onChange({
                ...view,
                [key]: event.target.value ? [event.target.value] : [],
              })
            }
            SelectProps={{ SelectDisplayProps: { 'aria-label': labels[key] } }}
            style={{ minWidth: 180 }}
          >
            <MenuItem value="">Any</MenuItem>
            {values.map(value => (
              <MenuItem key={value} value={value} title={value}>
                {shortRef(value)}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
      {hasFilters(view) && (
        <Button
          onClick={() =>
            onChange({
              ...view,
              owner: [],
              system: [],
              control: [],
              status: [],
              dataClassification: [],
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
