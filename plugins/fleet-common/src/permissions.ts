import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Permission to read fleet health (the Fleet page and `/api/fleet`).
 *
 * @public
 */
export const fleetReadPermission = createPermission({
  name: 'fleet.read',
  attributes: { action: 'read' },
});

/**
 * All permissions of the fleet plugin.
 *
 * @public
 */
export const fleetPermissions = [fleetReadPermission];
