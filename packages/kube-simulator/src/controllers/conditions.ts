/** A status condition as workloads and pods report them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string | null;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
}

/**
 * Sets a condition in place of the one of the same type, keeping
 * `lastTransitionTime` unless the status flips, the way controllers do.
 */
export function setCondition(
  conditions: Condition[],
  next: Condition,
  now: string,
  options: { updateTime?: boolean } = {},
): Condition[] {
  const existing = conditions.find(c => c.type === next.type);
  const merged: Condition = { ...next };
  const changed = !existing || existing.status !== next.status;
  if (
    'lastTransitionTime' in next === false ||
    next.lastTransitionTime === undefined
  ) {
    merged.lastTransitionTime = changed
      ? now
      : existing?.lastTransitionTime ?? now;
  }
  if (options.updateTime) {
    const same =
      existing &&
      existing.status === next.status &&
      existing.reason === next.reason &&
      existing.message === next.message;
    merged.lastUpdateTime = same ? existing.lastUpdateTime ?? now : now;
  }
  const out = conditions.filter(c => c.type !== next.type);
  const index = conditions.findIndex(c => c.type === next.type);
  if (index >= 0) out.splice(index, 0, merged);
  else out.push(merged);
  return out;
}
