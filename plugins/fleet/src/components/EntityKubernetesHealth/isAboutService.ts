import type { FleetSignalMessage } from '../../hooks/useFleetLiveUpdates';

/**
 * Whether a fleet change message can affect one service: its own updates and
 * removal, and any cluster change (connection state alters its health).
 */
export function isAboutService(
  message: FleetSignalMessage,
  entityRef: string,
): boolean {
  switch (message.type) {
    case 'cluster.updated':
      return true;
    case 'service.removed':
      return message.entityRef === entityRef;
    case 'service.updated': {
      const service = message.service as { entityRef?: unknown } | undefined;
      return service?.entityRef === entityRef;
    }
    default:
      return false;
  }
}
