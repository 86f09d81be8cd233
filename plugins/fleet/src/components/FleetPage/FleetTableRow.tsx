import { Link } from '@backstage/core-components';
import type { ServiceSummary } from '@carepath/plugin-fleet-common';
import { memo, type CSSProperties } from 'react';
import { areEqual } from 'react-window';
import { shortRef } from '../../lib/shortRef';
import { ageMs, formatShortDuration, formatTimestamp } from '../../lib/time';
import { ClassificationChip } from '../ClassificationChip/ClassificationChip';
import { HealthChip } from '../HealthChip/HealthChip';
import { RestartCount } from '../RestartCount/RestartCount';
import { gridColumns, useFleetTableStyles } from './fleetTableLayout';

/** What every row needs besides its index, shared through react-window. */
export interface FleetRowData {
  services: ServiceSummary[];
  clusters: string[];
  now: Date;
  entityHref: (entityRef: string) => string;
}

/** One service; react-window positions it with `style`. */
export const FleetTableRow = memo(function ServiceRow(props: {
  index: number;
  style: CSSProperties;
  data: FleetRowData;
}) {
  const { index, style, data } = props;
  const { services, clusters, now, entityHref } = data;
  const service = services[index];
  const classes = useFleetTableStyles();
  const cell = classes.cell;
  const age = ageMs(service.lastChange, now);
  const short = service.ready < service.desired;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ ...style, gridTemplateColumns: gridColumns(clusters.length) }}
    >
      <div role="cell" className={cell} title={service.entityRef}>
        <Link to={entityHref(service.entityRef)}>
          {service.title ?? service.name}
        </Link>
      </div>
      <div role="cell" className={cell}>
        <HealthChip
          status={service.health.status}
          message={service.health.message}
          subject={service.title ?? service.name}
          label=""
        />
      </div>
      <div role="cell" className={cell} title={service.owner}>
        {service.owner ? shortRef(service.owner) : '—'}
      </div>
      <div role="cell" className={cell} title={service.system}>
        {service.system ? shortRef(service.system) : '—'}
      </div>
      <div role="cell" className={cell}>
        {service.lifecycle ?? '—'}
      </div>
      <div role="cell" className={cell}>
        <ClassificationChip classification={service.dataClassification} />
      </div>
      {clusters.map(cluster => {
        const health = service.clusters.find(c => c.cluster === cluster);
        return (
          <div
            role="cell"
            key={cluster}
            className={`${cell} ${classes.clusterCell}`}
          >
            {health ? (
              <HealthChip
                status={health.status}
                message={health.message}
                subject={cluster}
              />
            ) : (
              <span
                className={classes.muted}
                title={`Not deployed to ${cluster}`}
              >
                —
              </span>
            )}
          </div>
        );
      })}
      <div
        role="cell"
        className={`${cell} ${classes.numeric} ${short ? classes.short : ''}`}
        title={`${service.ready} of ${service.desired} replicas ready`}
      >
        {service.ready}/{service.desired}
      </div>
      <div role="cell" className={`${cell} ${classes.numeric}`}>
        <RestartCount restarts={service.restarts} />
      </div>
      <div
        role="cell"
        className={cell}
        title={
          service.lastChange ? formatTimestamp(service.lastChange) : undefined
        }
      >
        {age === undefined ? '—' : `${formatShortDuration(age)} ago`}
      </div>
    </div>
  );
},
areEqual);
