import {
  NOW,
  fixtureText,
  repositoryFile,
  shippedControls,
} from './__fixtures__/build';
import { evaluateManifests } from './evaluateManifests';

const compliantFiles = [
  'deployment-compliant.yaml',
  'serviceaccount-compliant.yaml',
  'service-clusterip.yaml',
  'ingress-tls.yaml',
  'networkpolicy-compliant.yaml',
  'pdb-compliant.yaml',
].map(repositoryFile);

function catalogInfo(name: string) {
  return { path: 'catalog-info.yaml', text: fixtureText(name) };
}

describe('evaluateManifests', () => {
  it('finds no violations in a compliant repository', () => {
    const evaluation = evaluateManifests(
      {
        files: compliantFiles,
        catalogInfo: catalogInfo('entity-compliant.yaml'),
        now: NOW,
      },
      shippedControls,
    );
    expect(evaluation).toMatchObject({ passed: true, violations: [] });
  });

  it('runs only the controls a repository can settle', () => {
    const evaluation = evaluateManifests(
      {
        files: compliantFiles,
        catalogInfo: catalogInfo('entity-compliant.yaml'),
        now: NOW,
      },
      shippedControls,
    );
    expect(evaluation.results.map(r => r.controlId)).toEqual([
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
      'CP-CON-03',
      'CP-CON-04',
      'CP-CAT-02',
      'CP-CAT-03',
      'CP-CAT-04',
    ]);
  });

  it('reports the exact controls, files and fields of a broken repository', () => {
    const files = [
      'deployment-latest-image.yaml',
      'serviceaccount-compliant.yaml',
      'service-nodeport.yaml',
      'ingress-no-tls.yaml',
      'networkpolicy-compliant.yaml',
      'pdb-compliant.yaml',
    ].map(repositoryFile);
    const evaluation = evaluateManifests(
      { files, catalogInfo: catalogInfo('entity-phi-no-audit.yaml'), now: NOW },
      shippedControls,
    );
    expect(
      evaluation.violations.map(({ controlId, file, field }) => ({
        controlId,
        file,
        field,
      })),
    ).toEqual([
      {
        controlId: 'CP-AUD-01',
        file: 'catalog-info.yaml',
        field: "metadata.annotations['carepath.io/audit-logging']",
      },
      {
        controlId: 'CP-INT-03',
        file: 'k8s/deployment-latest-image.yaml',
        field: 'spec.template.spec.containers[0].image',
      },
      {
        controlId: 'CP-TX-01',
        file: 'k8s/ingress-no-tls.yaml',
        field: 'spec.tls',
      },
      {
        controlId: 'CP-TX-03',
        file: 'k8s/service-nodeport.yaml',
        field: 'spec.type',
      },
    ]);
  });

  it('reads several documents from one file', () => {
    const bundle = {
      path: 'deploy/all.yaml',
      text: compliantFiles.map(f => f.text).join('---\n'),
    };
    const evaluation = evaluateManifests(
      {
        files: [bundle],
        catalogInfo: catalogInfo('entity-compliant.yaml'),
        now: NOW,
      },
      shippedControls,
    );
    expect(evaluation.passed).toBe(true);
  });

  it('names the file when a manifest is not valid YAML', () => {
    const broken = {
      path: 'k8s/broken.yaml',
      text: 'kind: Deployment\n  metadata: [\n',
    };
    expect(() =>
      evaluateManifests({ files: [broken], now: NOW }, shippedControls),
    ).toThrow(/^k8s\/broken\.yaml: line \d+, column \d+: /);
  });

  it('names catalog-info.yaml when it holds no entity', () => {
    const notAnEntity = {
      path: 'catalog-info.yaml',
      text: fixtureText('service-clusterip.yaml'),
    };
    expect(() =>
      evaluateManifests(
        { files: compliantFiles, catalogInfo: notAnEntity, now: NOW },
        shippedControls,
      ),
    ).toThrow(/^catalog-info\.yaml: expected a Backstage entity/);
  });
});
