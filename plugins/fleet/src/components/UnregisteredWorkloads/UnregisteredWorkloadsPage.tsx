import { Progress } from '@backstage/core-components';
import { useState } from 'react';
import { useFleetLiveUpdates } from '../../hooks/useFleetLiveUpdates';
import { useNow } from '../../hooks/useNow';
import { useUnregisteredWorkloads } from '../../hooks/useUnregisteredWorkloads';
import { FleetErrorPanel } from '../FleetErrorPanel/FleetErrorPanel';
import { UnregisteredWorkloadsContent } from './UnregisteredWorkloadsContent';

/** The "Unregistered workloads" view of the Fleet page. */
export function UnregisteredWorkloadsPage() {
  const [paging, setPaging] = useState({ offset: 0, limit: 25 });
  const workloads = useUnregisteredWorkloads(paging);
  const { retry } = workloads;
  useFleetLiveUpdates(retry);
  const now = useNow(30_000);

  if (!workloads.value) {
    if (workloads.error) {
      return <FleetErrorPanel error={workloads.error} onRetry={retry} />;
    }
    return <Progress />;
  }
  return (
    <UnregisteredWorkloadsContent
      page={workloads.value}
      now={now}
      onPageChange={(offset, limit) => setPaging({ offset, limit })}
    />
  );
}
