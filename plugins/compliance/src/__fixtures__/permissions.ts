import type { PermissionApi } from '@backstage/plugin-permission-react';

/**
 * A permission API that allows only the named permissions.
 *
 * `usePermission` caches each decision by permission for the life of the
 * test file (SWR), so a file should give each permission one decision; the
 * hidden-action cases are covered by rendering the pure `XContent`
 * components instead.
 */
export function allowOnly(...names: string[]): PermissionApi {
  return {
    authorize: async request => ({
      result: names.includes(request.permission.name) ? 'ALLOW' : 'DENY',
    }),
  };
}
