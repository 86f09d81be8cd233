import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureText } from './__fixtures__/build';
import { ControlsParseError } from './ControlsParseError';
import {
  hipaaControlsSource,
  hipaaControlsYaml,
} from './controls/hipaaControlsYaml';
import { parseControls } from './parseControls';

function parseFixture(name: string) {
  return () => parseControls(fixtureText(name), { source: 'controls.yaml' });
}

describe('parseControls', () => {
  describe('the shipped controls file', () => {
    const controlSet = parseControls(hipaaControlsYaml, {
      source: hipaaControlsSource,
    });

    it('parses, with every starting control', () => {
      expect(controlSet.controls.map(c => c.id)).toEqual([
        'CP-IAM-01',
        'CP-IAM-02',
        'CP-AUD-01',
        'CP-INT-01',
        'CP-INT-02',
        'CP-INT-03',
        'CP-INT-04',
        'CP-INT-05',
        'CP-TX-01',
        'CP-TX-02',
        'CP-TX-03',
        'CP-TX-04',
        'CP-CON-01',
        'CP-CON-02',
        'CP-CON-03',
        'CP-CON-04',
        'CP-ACC-01',
        'CP-CAT-01',
        'CP-CAT-02',
        'CP-CAT-03',
        'CP-CAT-04',
        'CP-PLT-01',
      ]);
    });

    it('records its version and source', () => {
      expect(controlSet).toMatchObject({
        controlsVersion: '2026.11.0',
        source: 'hipaa-controls.yaml',
      });
    });

    it('is exported exactly as hipaa-controls.yaml reads (regenerate with scripts/generateControlsModule.mjs)', () => {
      const file = readFileSync(
        join(__dirname, 'controls', 'hipaa-controls.yaml'),
        'utf8',
      );
      expect(hipaaControlsYaml).toBe(file);
    });
  });

  it('applies evaluator param defaults and appliesTo defaults', () => {
    const [readOnly, rotation] = parseFixture('controls-valid.yaml')().controls;
    expect(readOnly.appliesTo).toEqual({
      dataClassification: [],
      lifecycle: [],
      kind: [],
      type: [],
    });
    expect(rotation.evaluator).toEqual({
      name: 'credentialsRotated',
      params: { maxAgeDays: 90 },
    });
  });

  it.each([
    [
      'controls-unknown-evaluator.yaml',
      /^controls\.yaml: controls\[1\]\.evaluator\.name: expected one of dedicatedServiceAccount, .*, got "credentialRotationAge"$/,
    ],
    [
      'controls-bad-severity.yaml',
      /^controls\.yaml: controls\[1\]\.severity: expected one of critical, high, medium, low, got "urgent"$/,
    ],
    [
      'controls-duplicate-id.yaml',
      /^controls\.yaml: controls\[1\]\.id: duplicate id "CP-INT-01" \(already used by controls\[0\]\)$/,
    ],
    [
      'controls-missing-remediation.yaml',
      /^controls\.yaml: controls\[1\]\.remediation: missing, expected string$/,
    ],
    [
      'controls-bad-params.yaml',
      /^controls\.yaml: controls\[1\]\.evaluator\.params\.maxAgeDays: expected number, got "ninety"$/,
    ],
    [
      'controls-unknown-param.yaml',
      /^controls\.yaml: controls\[0\]\.evaluator\.params: unknown key "strict"$/,
    ],
    [
      'controls-bad-citation.yaml',
      /^controls\.yaml: controls\[1\]\.hipaa\[0\]: expected a HIPAA citation like 164\.312\(a\)\(1\), got "HIPAA access control"$/,
    ],
  ])('refuses %s', (name, message) => {
    expect(parseFixture(name)).toThrow(message);
  });

  it('refuses YAML that does not parse, naming line and column', () => {
    const text = fixtureText('controls-valid.yaml').replace(
      "    hipaa: ['164.308(a)(4)']",
      '   hipaa: [oops',
    );
    expect(() => parseControls(text, { source: 'controls.yaml' })).toThrow(
      'controls.yaml: line 13, column 1: Sequence item without - indicator',
    );
  });

  it('throws a ControlsParseError listing every problem', () => {
    const text = fixtureText('controls-bad-severity.yaml').replace(
      'remediation: Rotate the credentials.',
      'remediation: ""',
    );
    let error: unknown;
    try {
      parseControls(text, { source: 'controls.yaml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ControlsParseError);
    expect((error as ControlsParseError).problems).toHaveLength(2);
  });
});
