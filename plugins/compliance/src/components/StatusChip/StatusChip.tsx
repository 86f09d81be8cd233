import type { ControlStatus } from '@carepath/plugin-compliance-common';
import { Chip } from '@material-ui/core';
import { statusStyle } from './controlStatus';

/** A control status as a chip: colour, symbol and word. */
export function StatusChip(props: { status: ControlStatus; label?: string }) {
  const style = statusStyle[props.status];
  return (
    <Chip
      size="small"
      label={`${style.symbol} ${props.label ?? style.label}`}
      style={{ backgroundColor: style.colour, color: style.text }}
    />
  );
}
