import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { hipaaControlsYaml } from '@carepath/plugin-compliance-common';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startComplianceBackend } from './__testUtils__/startComplianceBackend';

type ScheduledTask = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  scope?: string;
  fn: () => Promise<void>;
};

describe('compliance plugin wiring', () => {
  it('schedules the evaluation once across replicas, every 15 minutes by default', async () => {
    const tasks: ScheduledTask[] = [];
    const backend = await startComplianceBackend({
      config: { carepath: { compliance: { startupWaitSeconds: 2 } } },
      scheduler: {
        scheduleTask: async task => {
          tasks.push(task as ScheduledTask);
        },
      },
    });
    try {
      const task = tasks.find(t => t.id === 'compliance-evaluation');
      expect(task).toMatchObject({
        scope: 'global',
        frequency: { minutes: 15 },
      });
      await task?.fn();
      const res = await request(backend.server).get('/api/compliance/results');
      expect(res.body.evaluation).toMatchObject({ trigger: 'schedule' });
    } finally {
      await backend.stop();
    }
  });

  it('starts on the shipped controls when the configured file is bad, and refuses it on reload', async () => {
    const file = join(
      mkdtempSync(join(tmpdir(), 'controls-')),
      'controls.yaml',
    );
    writeFileSync(
      file,
      hipaaControlsYaml.replace('severity: high', 'severity: urgent'),
    );
    const backend = await startComplianceBackend({
      config: { compliance: { controlsFile: file } },
    });
    try {
      const controls = await request(backend.server).get(
        '/api/compliance/controls',
      );
      expect(controls.body.source).toBe('hipaa-controls.yaml');
      const reload = await request(backend.server).post(
        '/api/compliance/controls/reload',
      );
      expect(reload.status).toBe(400);
      expect(reload.body.error.message).toContain(`${file}: controls[`);
      expect(reload.body.error.message).toMatch(/\.severity: expected one of/);
      expect(reload.body.error.message).toContain(
        'hipaa-controls.yaml (2026.11.0) stays in force',
      );
    } finally {
      await backend.stop();
    }
  });
});

describe('demo exemptions on a development install', () => {
  const demoFile = join(
    __dirname,
    '../../../examples/compliance-exemptions.yaml',
  );

  it('seeds the configured file at start, and a missing one does not stop it', async () => {
    for (const exemptionsFile of [demoFile, join(tmpdir(), 'missing.yaml')]) {
      const backend = await startComplianceBackend({
        config: { carepath: { compliance: { demo: { exemptionsFile } } } },
      });
      try {
        const res = await request(backend.server).get(
          '/api/compliance/exemptions',
        );
        expect(res.status).toBe(200);
        expect(
          res.body.items.map((e: { id: string; state: string }) => [
            e.id,
            e.state,
          ]),
        ).toEqual(
          exemptionsFile === demoFile
            ? [
                ['demo-imaging-viewer-writable-root', 'approved'],
                ['demo-imaging-viewer-root-user', 'rejected'],
                ['demo-legacy-fax-gateway-unregistered', 'requested'],
              ]
            : [],
        );
      } finally {
        await backend.stop();
      }
    }
  });
});
