import { REDACTED, redactSecrets } from './redactSecrets';

describe('redactSecrets', () => {
  it('leaves out members whose key names a secret, at every depth', () => {
    expect(
      redactSecrets({
        database: 'fhir',
        password: 'p',
        clientSecret: 's',
        nested: [
          {
            accessToken: 't',
            apiKey: 'k',
            privateKey: 'pk',
            connectionString: 'cs',
            Authorization: 'a',
            keep: 1,
          },
        ],
      }),
    ).toEqual({ database: 'fhir', nested: [{ keep: 1 }] });
  });

  it('replaces values that look like credentials whatever their key', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvZGFuYSJ9.c2lnbmF0dXJl';
    expect(
      redactSecrets({
        a: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----',
        b: 'Bearer abc.def',
        c: jwt,
        d: `ghp_${'a'.repeat(36)}`,
        e: 'AKIAABCDEFGHIJKLMNOP',
        f: 'plain text stays',
      }),
    ).toEqual({
      a: REDACTED,
      b: REDACTED,
      c: REDACTED,
      d: REDACTED,
      e: REDACTED,
      f: 'plain text stays',
    });
  });

  it('masks only the password inside a URL or a connection string', () => {
    expect(
      redactSecrets([
        'postgres://fhir_app:s3cr3t-Pw@db.internal:5432/fhir',
        'Host=db;Username=app;Password=hunter2;Database=fhir',
      ]),
    ).toEqual([
      `postgres://fhir_app:${REDACTED}@db.internal:5432/fhir`,
      `Host=db;Username=app;Password=${REDACTED};Database=fhir`,
    ]);
  });
});
