import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import { ToggleButton, ToggleButtonGroup } from '@material-ui/lab';
import type { ServiceCompliance } from '../../api/ComplianceApi';
import { statusStyle } from '../StatusChip/controlStatus';
import { heatMapRows, noOwner } from './heatMapRows';

const cellSize = 28;

/** Services or teams (rows) × controls (columns); each cell has a colour and a symbol. */
export function ComplianceHeatMap(props: {
  items: ServiceCompliance[];
  by: 'service' | 'team';
  onByChange: (by: 'service' | 'team') => void;
}) {
  const { items, by, onByChange } = props;
  const { controls, rows } = heatMapRows(items, by);
  const legend = Object.values(statusStyle);
  return (
    <InfoCard title="Heat map">
      <Box display="flex" alignItems="center" gridGap={16} mb={2}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={by}
          onChange={(_, value) => value && onByChange(value)}
          aria-label="Rows"
        >
          <ToggleButton value="service">Services</ToggleButton>
          <ToggleButton value="team">Teams</ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="caption">
          {legend.map(s => `${s.symbol} ${s.label}`).join('  ·  ')}
        </Typography>
      </Box>
      <Box overflow="auto">
        <Box
          role="grid"
          aria-label="Compliance heat map"
          display="grid"
          gridTemplateColumns={`minmax(160px, max-content) repeat(${controls.length}, ${cellSize}px)`}
          gridGap={2}
          alignItems="end"
        >
          <Box role="row" display="contents">
            <span role="columnheader" />
            {controls.map(controlId => (
              <Box
                key={controlId}
                role="columnheader"
                style={{ writingMode: 'vertical-rl', fontSize: 11 }}
              >
                {controlId}
              </Box>
            ))}
          </Box>
          {rows.map(row => (
            <Box role="row" display="contents" key={row.ref}>
              <Box role="rowheader" fontSize={13} pr={1}>
                {row.ref === noOwner ? (
                  <em>{noOwner}</em>
                ) : (
                  <EntityRefLink
                    entityRef={row.ref}
                    defaultKind={by === 'service' ? 'component' : 'group'}
                  />
                )}
              </Box>
              {controls.map(controlId => {
                const cell = row.cells[controlId];
                const style = statusStyle[cell?.status ?? 'not-applicable'];
                const label = cell
                  ? `${row.ref} ${controlId}: ${style.label}`
                  : `${row.ref} ${controlId}: not evaluated`;
                return (
                  <Box
                    key={controlId}
                    role="gridcell"
                    aria-label={label}
                    title={cell ? `${label}. ${cell.detail}` : label}
                    width={cellSize}
                    height={cellSize}
                    display="flex"
                    alignItems="center"
                    justifyContent="center"
                    style={{
                      backgroundColor: cell ? style.colour : 'transparent',
                      color: style.text,
                      fontWeight: 700,
                    }}
                  >
                    {cell ? style.symbol : ''}
                  </Box>
                );
              })}
            </Box>
          ))}
        </Box>
      </Box>
    </InfoCard>
  );
}
