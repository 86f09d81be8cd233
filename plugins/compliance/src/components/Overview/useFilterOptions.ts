import { useEffect, useState } from 'react';
import type { ComplianceResults } from '../../api/ComplianceApi';
import type { FilterOptions } from './ComplianceFilters';

/** Filter choices seen so far: the API has no facet endpoint, so they grow as services are seen. */
export function useFilterOptions(results: ComplianceResults | undefined) {
  const [options, setOptions] = useState<FilterOptions>({
    owner: [],
    system: [],
    control: [],
  });
  useEffect(() => {
    if (!results) return;
    const seen = {
      owner: results.items.flatMap(s => (s.owner ? [s.owner] : [])),
      system: results.items.flatMap(s => (s.system ? [s.system] : [])),
      control: results.items.flatMap(s => s.results.map(r => r.controlId)),
    };
    setOptions(previous => ({
      owner: [...new Set([...previous.owner, ...seen.owner])].sort(),
      system: [...new Set([...previous.system, ...seen.system])].sort(),
      control: [...new Set([...previous.control, ...seen.control])].sort(),
    }));
  }, [results]);
  return options;
}
