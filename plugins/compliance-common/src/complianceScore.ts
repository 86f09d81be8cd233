import type { ControlResult } from './ControlResult';

/**
 * Share of judged controls that pass: `pass / (pass + fail)`, between 0 and
 * 1. Exempt and not-applicable results are excluded from both sides: an
 * exemption is an accepted risk, neither compliance nor a failure. `null`
 * when nothing was judged.
 *
 * @public
 */
export function complianceScore(
  results: Array<Pick<ControlResult, 'status'>>,
): number | null {
  const passed = results.filter(r => r.status === 'pass').length;
  const failed = results.filter(r => r.status === 'fail').length;
  return passed + failed === 0 ? null : passed / (passed + failed);
}
