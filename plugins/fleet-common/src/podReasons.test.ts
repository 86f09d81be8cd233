import { podReasons } from './podReasons';
import { projectPod } from './projectObjects';
import crashloopOomkilled from './__fixtures__/pod-crashloop-oomkilled.json';
import recentRestart from './__fixtures__/pod-recent-restart.json';
import readinessFailing from './__fixtures__/pod-readiness-failing.json';
import unschedulable from './__fixtures__/pod-unschedulable.json';
import initCrashloop from './__fixtures__/pod-init-crashloop.json';
import running from './__fixtures__/pod-running.json';

const now = new Date('2025-11-24T14:10:00Z');

describe('podReasons', () => {
  it('returns no reasons for a running, ready pod', () => {
    expect(podReasons(projectPod(running), { now })).toEqual([]);
  });

  it('reports both the crash loop and the OOM kill behind it', () => {
    expect(
      podReasons(projectPod(crashloopOomkilled), { now }).map(r => [
        r.code,
        r.status,
        r.container,
      ]),
    ).toEqual([
      ['CrashLoopBackOff', 'Degraded', 'api'],
      ['OOMKilled', 'Degraded', 'api'],
    ]);
  });

  it('honours a configurable restart window', () => {
    const pod = projectPod(recentRestart);
    expect(podReasons(pod, { now }).map(r => r.code)).toEqual([
      'RecentRestarts',
    ]);
    expect(podReasons(pod, { now, restartWindowMs: 60_000 })).toEqual([]);
  });

  it('honours a configurable readiness grace period', () => {
    const [reason] = podReasons(projectPod(readinessFailing), {
      now,
      readinessGraceMs: 30 * 60_000,
    });
    expect(reason).toMatchObject({
      code: 'ReadinessFailing',
      status: 'Progressing',
      since: '2025-11-24T13:58:24Z',
    });
  });

  it('dates an unschedulable pod from its PodScheduled condition', () => {
    expect(podReasons(projectPod(unschedulable), { now })[0]).toMatchObject({
      code: 'Unschedulable',
      since: '2025-11-24T14:06:02Z',
    });
  });

  it('names the failing init container', () => {
    expect(podReasons(projectPod(initCrashloop), { now })[0]).toMatchObject({
      code: 'CrashLoopBackOff',
      container: 'migrate',
    });
  });
});
