import { Client } from 'pg';
import { startTestPostgres, TestPostgres } from './startTestPostgres';

describe('startTestPostgres', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startTestPostgres();
  }, 90_000);
  afterAll(() => pg?.stop(), 30_000);

  it('serves a database of its own that takes writes', async () => {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE visit (id int primary key, ward text)');
      await client.query("INSERT INTO visit VALUES (1, 'cardiology')");
      const { rows } = await client.query('SELECT ward FROM visit');
      expect(rows).toEqual([{ ward: 'cardiology' }]);
      const version = await client.query('SHOW server_version');
      expect(version.rows[0].server_version).toMatch(/^15\./);
    } finally {
      await client.end();
    }
  });
});
