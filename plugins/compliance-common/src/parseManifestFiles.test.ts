import { parseManifestFiles } from './parseManifestFiles';

describe('parseManifestFiles', () => {
  it('parses every document of a multi-document file, dropping empty ones', () => {
    const [file] = parseManifestFiles([
      {
        path: 'k8s/app.yaml',
        text: '---\nkind: ServiceAccount\nmetadata: {name: api}\n---\n---\nkind: Service\nmetadata: {name: api}\n',
      },
    ]);
    expect(file).toEqual({
      path: 'k8s/app.yaml',
      docs: [
        { kind: 'ServiceAccount', metadata: { name: 'api' } },
        { kind: 'Service', metadata: { name: 'api' } },
      ],
    });
  });

  it('names the file, line and column of a syntax error', () => {
    const broken = {
      path: 'k8s/service.yaml',
      text: 'kind: Service\nspec:\n  ports: [80\n',
    };
    expect(() => parseManifestFiles([broken])).toThrow(
      'k8s/service.yaml: line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });
});
