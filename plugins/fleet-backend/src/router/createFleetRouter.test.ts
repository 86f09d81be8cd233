import request from 'supertest';
import { startFleetBackend } from '../__testUtils__/startFleetBackend';

describe('fleet routes', () => {
  it('answer 403 without the fleet.read permission', async () => {
    const { backend, server } = await startFleetBackend({
      config: { kubernetes: { clusterLocatorMethods: [] } },
      entities: [],
      deny: true,
    });
    const res = await request(server).get('/api/fleet/services').expect(403);
    expect(res.body.error.message).toMatch(/fleet\.read/);
    await backend.stop();
  });

  it('answer an empty fleet when no clusters are configured', async () => {
    const { backend, server } = await startFleetBackend({
      config: { kubernetes: { clusterLocatorMethods: [] } },
      entities: [],
    });
    const res = await request(server).get('/api/fleet/clusters').expect(200);
    expect(res.body).toEqual({ items: [] });
    const unregistered = await request(server)
      .get('/api/fleet/unregistered?limit=x')
      .expect(400);
    expect(unregistered.body.error.message).toMatch(
      /limit must be a whole number/,
    );
    await backend.stop();
  });
});
