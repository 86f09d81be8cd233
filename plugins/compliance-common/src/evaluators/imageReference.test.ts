import { imageReference } from './imageReference';

describe('imageReference', () => {
  it.each([
    ['nginx', {}],
    ['nginx:1.27.2', { tag: '1.27.2' }],
    ['registry.local:5000/team/api', {}],
    ['registry.local:5000/team/api:2.0.0', { tag: '2.0.0' }],
    ['ghcr.io/x/api@sha256:abc', { digest: 'sha256:abc' }],
    [
      'ghcr.io/x/api:latest@sha256:abc',
      { tag: 'latest', digest: 'sha256:abc' },
    ],
  ])('splits %s', (image, expected) => {
    expect(imageReference(image)).toEqual({
      tag: undefined,
      digest: undefined,
      ...expected,
    });
  });
});
