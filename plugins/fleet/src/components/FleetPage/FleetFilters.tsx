import { healthStatuses } from '@carepath/plugin-fleet-common';
import {
  Box,
  Button,
  InputAdornment,
  TextField,
  makeStyles,
} from '@material-ui/core';
import SearchIcon from '@material-ui/icons/Search';
import { Autocomplete } from '@material-ui/lab';
import { useEffect, useState } from 'react';
import { shortRef } from '../../lib/shortRef';
import {
  clearFilters,
  dataClassifications,
  hasFilters,
  type FleetFilterKey,
  type FleetView,
} from './fleetSearchParams';

/** Choices for the filters whose values come from the services seen. */
export type EntityFilterOptions = Record<
  'owner' | 'system' | 'lifecycle',
  string[]
>;

export type FleetFilterOptions = EntityFilterOptions & { cluster: string[] };

const useStyles = makeStyles(theme => ({
  field: { minWidth: 180, flex: '1 1 180px', maxWidth: 280 },
  search: { flex: '2 1 260px', maxWidth: 420 },
  bar: { gap: theme.spacing(1.5) },
}));

/** Search plus one multi-select per filter; changes go straight to the URL. */
export function FleetFilters(props: {
  view: FleetView;
  options: FleetFilterOptions;
  onChange: (view: FleetView) => void;
}) {
  const { view, options, onChange } = props;
  const classes = useStyles();
  const [search, setSearch] = useState(view.q);

  // Follow the URL (back button, "clear filters") ...
  useEffect(() => setSearch(view.q), [view.q]);
  // ... and write typing to it once the user pauses.
  useEffect(() => {
    if (search === view.q) return undefined;
    const timer = setTimeout(() => onChange({ ...view, q: search }), 300);
    return () => clearTimeout(timer);
  }, [search, view, onChange]);

  const select = (
    key: FleetFilterKey,
    label: string,
    values: readonly string[],
    display: (value: string) => string = v => v,
  ) => (
    <Autocomplete
      multiple
      size="small"
      limitTags={2}
      className={classes.field}
      options={[...new Set([...values, ...view[key]])]}
      value={view[key]}
      getOptionLabel={display}
      onChange={(_, value) => onChange({ ...view, [key]: value })}
      renderInput={params => (
        <TextField {...params} variant="outlined" label={label} />
      )}
    />
  );

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      mb={2}
      className={classes.bar}
    >
      <TextField
        id="fleet-search"
        className={classes.search}
        variant="outlined"
        size="small"
        label="Search"
        placeholder="Name, owner, system…"
        value={search}
        onChange={e => setSearch(e.target.value)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      {select('health', 'Health', healthStatuses)}
      {select('cluster', 'Cluster', options.cluster)}
      {select('owner', 'Owner', options.owner, shortRef)}
      {select('system', 'System', options.system, shortRef)}
      {select('lifecycle', 'Lifecycle', options.lifecycle)}
      {select(
        'dataClassification',
        'Data classification',
        dataClassifications,
        v => v.toUpperCase(),
      )}
      {hasFilters(view) && (
        <Button size="small" onClick={() => onChange(clearFilters(view))}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
