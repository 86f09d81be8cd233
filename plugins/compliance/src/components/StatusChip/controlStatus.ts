import type { ControlStatus } from '@carepath/plugin-compliance-common';

/** How each status looks: colour is never the only cue, a symbol goes with it. */
export const statusStyle: Record<
  ControlStatus,
  { label: string; symbol: string; colour: string; text: string }
> = {
  pass: { label: 'Pass', symbol: '✓', colour: '#2e7d32', text: '#fff' },
  fail: { label: 'Fail', symbol: '✗', colour: '#c62828', text: '#fff' },
  exempt: { label: 'Exempt', symbol: 'E', colour: '#ef6c00', text: '#000' },
  'not-applicable': {
    label: 'N/A',
    symbol: '–',
    colour: '#e0e0e0',
    text: '#000',
  },
};

/** Worst first: used to pick a team's status from its services'. */
export const statusOrder: readonly ControlStatus[] = [
  'fail',
  'exempt',
  'pass',
  'not-applicable',
];

export function worstStatus(statuses: ControlStatus[]): ControlStatus {
  return (
    statusOrder.find(status => statuses.includes(status)) ?? 'not-applicable'
  );
}
