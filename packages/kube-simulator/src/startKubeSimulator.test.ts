import { startKubeSimulator } from './startKubeSimulator';

const tracked = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout', 'Immediate'];
const activeResources = () =>
  process.getActiveResourcesInfo().filter(r => tracked.includes(r));

describe('startKubeSimulator', () => {
  it('starts and stops repeatedly without leaking servers, sockets or timers', async () => {
    const before = activeResources().length;
    for (let i = 0; i < 4; i++) {
      const sim = await startKubeSimulator({
        clusters: 2,
        fleet: i % 2 ? 'empty' : 'demo',
        port: 0,
        podReadyDelayMs: 5,
        failureIntervalMs: 20,
        bookmarkIntervalMs: 10,
      });
      const cluster = sim.cluster(sim.clusters[0].name);
      const token = cluster.tokens[0].token;
      const watch = await fetch(
        `${cluster.url}/api/v1/pods?watch=1&allowWatchBookmarks=true`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const reader = watch.body!.getReader();
      await reader.read();
      await fetch(`${cluster.url}/api/v1/namespaces`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await sim.stop();
      await reader.read().catch(() => undefined);
    }
    // Let closed handles be collected.
    await new Promise(r => setTimeout(r, 50));
    expect(activeResources().length).toBeLessThanOrEqual(before);
  });

  it('uses the demo cluster names and the documented port scheme', async () => {
    const sim = await startKubeSimulator({ clusters: 3, port: 0 });
    try {
      expect(sim.clusters.map(c => c.name)).toEqual([
        'prod-east',
        'prod-west',
        'staging',
      ]);
      expect(
        sim.clusters.every(c => c.httpsUrl?.startsWith('https://127.0.0.1:')),
      ).toBe(true);
      expect(sim.kubeconfig()).toContain('current-context: prod-east');
    } finally {
      await sim.stop();
    }
  });
});
