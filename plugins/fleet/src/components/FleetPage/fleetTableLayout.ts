import { makeStyles } from '@material-ui/core';

/** Row height in pixels; every row has the same height so it can be virtualised. */
export const ROW_HEIGHT = 44;

/** A grid column: its CSS track and the narrowest it gets. */
interface ColumnWidth {
  track: string;
  min: number;
}

const fixed = (px: number): ColumnWidth => ({ track: `${px}px`, min: px });
const flexible = (px: number, fr: number): ColumnWidth => ({
  track: `minmax(${px}px, ${fr}fr)`,
  min: px,
});

/**
 * The widths, chosen so that with three clusters the whole table fits the
 * content area of a 1440 px wide window with the sidebar pinned open
 * (1440 - 224 sidebar - 48 page padding - 16 scrollbar = 1152 px).
 */
function columnWidths(clusterCount: number): ColumnWidth[] {
  return [
    flexible(148, 2), // service
    fixed(64), // rolled-up health (icon)
    flexible(88, 1), // owner
    flexible(88, 1), // system
    fixed(92), // lifecycle
    fixed(84), // data classification
    ...Array.from({ length: clusterCount }, () => fixed(112)), // per cluster
    fixed(60), // ready / desired
    fixed(88), // restarts
    fixed(104), // last change
  ];
}

/** The CSS grid columns for the header and every row. */
export function gridColumns(clusterCount: number): string {
  return columnWidths(clusterCount)
    .map(c => c.track)
    .join(' ');
}

/** The narrowest the table gets before it scrolls sideways. */
export function minTableWidth(clusterCount: number): number {
  return columnWidths(clusterCount).reduce((sum, c) => sum + c.min, 0);
}

export const useFleetTableStyles = makeStyles(theme => ({
  scroller: { overflowX: 'auto' },
  row: {
    display: 'grid',
    alignItems: 'center',
    boxSizing: 'border-box',
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  header: {
    backgroundColor: theme.palette.background.default,
    borderBottom: `2px solid ${theme.palette.divider}`,
    '&:hover': { backgroundColor: theme.palette.background.default },
  },
  cell: {
    padding: theme.spacing(0, 1),
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.pxToRem(13.5),
  },
  clusterCell: { padding: theme.spacing(0, 0.5) },
  headerCell: {
    padding: theme.spacing(1, 0.5),
    fontSize: theme.typography.pxToRem(12.5),
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  short: { color: theme.palette.warning.dark, fontWeight: 500 },
  muted: { color: theme.palette.text.disabled },
}));
