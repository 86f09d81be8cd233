import { mockServices } from '@backstage/backend-test-utils';
import { hipaaControlsYaml } from '@carepath/plugin-compliance-common';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlCatalog } from './ControlCatalog';

const goodFile = (version: string) =>
  hipaaControlsYaml.replace(
    /controlsVersion: '[^']+'/,
    `controlsVersion: '${version}'`,
  );

const badFile = hipaaControlsYaml.replace('severity: high', 'severity: urgent');

function controlsFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'controls-')), 'controls.yaml');
  writeFileSync(file, text);
  return file;
}

describe('ControlCatalog', () => {
  const logger = mockServices.logger.mock();

  beforeEach(() => jest.clearAllMocks());

  it('uses the shipped HIPAA controls by default', async () => {
    const catalog = await ControlCatalog.create({ logger });
    expect(catalog.current()).toMatchObject({
      source: 'hipaa-controls.yaml',
      controlsVersion: '2026.11.0',
    });
    expect(catalog.current().controls.length).toBeGreaterThan(20);
  });

  it('replaces them with the configured file', async () => {
    const file = controlsFile(goodFile('2027.1.0'));
    const catalog = await ControlCatalog.create({ file, logger });
    expect(catalog.current()).toMatchObject({
      source: file,
      controlsVersion: '2027.1.0',
    });
  });

  it('falls back to the shipped set, with an error naming file and field, when the file is bad on start', async () => {
    const file = controlsFile(badFile);
    const catalog = await ControlCatalog.create({ file, logger });
    expect(catalog.current().source).toBe('hipaa-controls.yaml');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        new RegExp(`${file}: controls\\[\\d+\\]\\.severity: expected one of`),
      ),
    );
  });

  it('refuses a bad file on reload and keeps the previous set', async () => {
    const file = controlsFile(goodFile('2027.1.0'));
    const catalog = await ControlCatalog.create({ file, logger });
    writeFileSync(file, badFile);
    await expect(catalog.reload()).rejects.toThrow(
      new RegExp(`${file}: controls\\[\\d+\\]\\.severity`),
    );
    expect(catalog.current().controlsVersion).toBe('2027.1.0');
    writeFileSync(file, goodFile('2027.2.0'));
    await expect(catalog.reload()).resolves.toMatchObject({
      controlsVersion: '2027.2.0',
    });
  });
});
