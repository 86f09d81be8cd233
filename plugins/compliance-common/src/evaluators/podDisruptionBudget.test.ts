import { judge, manifests } from '../__fixtures__/build';

describe('CP-CON-04 podDisruptionBudget', () => {
  it('passes a Deployment covered by a PDB', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'pdb-compliant.yaml',
    );
    expect(judge('CP-CON-04', observed).status).toBe('pass');
  });

  it('fails a Deployment whose only PDB selects another app', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'pdb-other-app.yaml',
    );
    expect(judge('CP-CON-04', observed).violations).toEqual([
      expect.objectContaining({
        file: 'k8s/deployment-compliant.yaml',
        message:
          'No PodDisruptionBudget selects the pods of Deployment/fhir-gateway',
      }),
    ]);
  });
});
