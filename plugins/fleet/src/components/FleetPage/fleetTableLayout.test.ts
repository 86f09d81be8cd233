import { gridColumns, minTableWidth } from './fleetTableLayout';

/** A 1440 px window less the pinned sidebar, the page padding and a scrollbar. */
const CONTENT_WIDTH_AT_1440 = 1440 - 224 - 48 - 16;

describe('fleet table layout', () => {
  it('fits a 1440 px window without scrolling sideways with three clusters', () => {
    expect(minTableWidth(3)).toBeLessThanOrEqual(CONTENT_WIDTH_AT_1440);
  });

  it('has one track per column: 6 leading, one per cluster, 3 trailing', () => {
    expect(gridColumns(3).split(/ (?![^(]*\))/)).toHaveLength(12);
    expect(gridColumns(0).split(/ (?![^(]*\))/)).toHaveLength(9);
  });

  it('grows by one chip column per cluster', () => {
    expect(minTableWidth(4) - minTableWidth(3)).toBe(112);
  });
});
