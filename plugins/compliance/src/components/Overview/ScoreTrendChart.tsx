import { InfoCard } from '@backstage/core-components';
import type { HistoryPoint } from '@carepath/plugin-compliance-common';
import { Typography, useTheme } from '@material-ui/core';
import { formatDate, formatScore } from '../../lib/format';

const width = 600;
const height = 160;
const pad = { left: 40, right: 12, top: 12, bottom: 24 };

/** The overall score over time, as a plain SVG line (0–100%). */
export function ScoreTrendChart(props: {
  points: HistoryPoint[];
  /** Why the history could not be loaded, if it could not. */
  error?: Error;
}) {
  const theme = useTheme();
  if (props.error) {
    return (
      <InfoCard title="Score over the last 30 days">
        <Typography variant="body2" color="error">
          Could not load the score history: {props.error.message}
        </Typography>
      </InfoCard>
    );
  }
  const judged = props.points
    .filter((p): p is HistoryPoint & { score: number } => p.score !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
  if (judged.length === 0) {
    return (
      <InfoCard title="Score over the last 30 days">
        <Typography variant="body2">
          No history yet: the trend appears after the first evaluations.
        </Typography>
      </InfoCard>
    );
  }
  const first = Date.parse(judged[0].at);
  const span = Math.max(1, Date.parse(judged[judged.length - 1].at) - first);
  const x = (at: string) =>
    pad.left +
    (judged.length === 1
      ? 0
      : ((Date.parse(at) - first) / span) * (width - pad.left - pad.right));
  const y = (score: number) =>
    pad.top + (1 - score) * (height - pad.top - pad.bottom);
  const line = judged.map(p => `${x(p.at)},${y(p.score)}`).join(' ');
  const last = judged[judged.length - 1];
  const summary = `Overall score from ${formatScore(
    judged[0].score,
  )} on ${formatDate(judged[0].at)} to ${formatScore(
    last.score,
  )} on ${formatDate(last.at)}`;
  const axis = theme.palette.text.secondary;
  return (
    <InfoCard title="Score over the last 30 days">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxHeight: height }}
      >
        {[0, 0.5, 1].map(tick => (
          <g key={tick}>
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={theme.palette.divider}
            />
            <text x={4} y={y(tick) + 4} fontSize={11} fill={axis}>
              {formatScore(tick)}
            </text>
          </g>
        ))}
        <polyline
          points={line}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
        {/* Markers only while they stay readable; the line carries the rest. */}
        {judged.length <= 60 &&
          judged.map(p => (
            <circle
              key={p.at}
              cx={x(p.at)}
              cy={y(p.score)}
              r={3}
              fill={theme.palette.primary.main}
            >
              <title>{`${formatDate(p.at)}: ${formatScore(p.score)}`}</title>
            </circle>
          ))}
        <text x={pad.left} y={height - 6} fontSize={11} fill={axis}>
          {formatDate(judged[0].at)}
        </text>
        <text
          x={width - pad.right}
          y={height - 6}
          fontSize={11}
          fill={axis}
          textAnchor="end"
        >
          {formatDate(last.at)}
        </text>
      </svg>
      <Typography variant="caption">{summary}.</Typography>
    </InfoCard>
  );
}
