import { saveFile } from './saveFile';

describe('saveFile', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  it('clicks a link to an object URL named after the file, then revokes it', async () => {
    const revoked: string[] = [];
    URL.createObjectURL = () => 'blob:http://localhost/export-1';
    URL.revokeObjectURL = url => revoked.push(url);
    const clicked: { href: string; download: string }[] = [];
    const onClick = (event: MouseEvent) => {
      const link = event.target as HTMLAnchorElement;
      clicked.push({ href: link.href, download: link.download });
      event.preventDefault();
    };
    document.addEventListener('click', onClick);

    saveFile({ blob: new Blob(['a,b\n']), filename: 'audit-events.csv' });
    await new Promise(resolve => setTimeout(resolve, 0));

    document.removeEventListener('click', onClick);
    expect(clicked).toEqual([
      { href: 'blob:http://localhost/export-1', download: 'audit-events.csv' },
    ]);
    expect(revoked).toEqual(['blob:http://localhost/export-1']);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
