import type { Exemption } from './Exemption';

/**
 * The exemption covering a control for an entity at a time: approved, for
 * this entity ref and control, and expiring strictly after `now`. When
 * several match, the one expiring last wins.
 *
 * @public
 */
export function activeExemption(options: {
  exemptions: Exemption[];
  entityRef: string;
  controlId: string;
  now: Date;
}): Exemption | undefined {
  const { entityRef, controlId, now } = options;
  return options.exemptions
    .filter(
      e =>
        e.state === 'approved' &&
        e.entityRef.toLowerCase() === entityRef.toLowerCase() &&
        e.controlId === controlId &&
        new Date(e.expiresAt).getTime() > now.getTime(),
    )
    .sort(
      (a, b) =>
        new Date(b.expiresAt).getTime() - new Date(a.expiresAt).getTime(),
    )[0];
}
