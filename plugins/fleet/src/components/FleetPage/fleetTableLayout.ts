import { makeStyles } from '@material-ui/core';

/** Row height in pixels; every row has the same height so it can be virtualised. */
export const ROW_HEIGHT = 44;

/** The CSS grid columns for the header and every row. */
export function gridColumns(clusterCount: number): string {
  return [
    'minmax(200px, 2fr)', // service
    '128px', // health
    'minmax(140px, 1fr)', // owner
    'minmax(120px, 1fr)', // system
    '104px', // lifecycle
    '112px', // classification
    ...Array.from({ length: clusterCount }, () => '128px'),
    '76px', // ready
    '96px', // restarts
    '104px', // last change
  ].join(' ');
}

/** The narrowest the table gets before it scrolls sideways. */
export function minTableWidth(clusterCount: number): number {
  return 200 + 128 + 140 + 120 + 104 + 112 + clusterCount * 128 + 76 + 96 + 104;
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
  headerCell: {
    padding: theme.spacing(1),
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
