import type { Knex } from 'knex';
import {
  createPostgresDatabase,
  createSqliteDatabase,
} from '../__testUtils__/testDatabase';
import { insertRows, prepareInsertRows } from './insertRows';

const rows = [
  {
    id: 1,
    label: 'quotes " and \\ backslashes, {braces}, commas, NULL',
    note: null,
    detail: 'two\nlines\tand a tab',
    ratio: 0.25,
    extra: 'not stored',
  },
  {
    id: 2,
    label: '',
    note: null,
    detail: 'an emoji 🩺 and a quote "',
    ratio: 2,
    extra: 'not stored',
  },
  {
    id: 3,
    label: 'ünïcødé ✓',
    note: null,
    detail: null,
    ratio: -1.5,
    extra: 'x',
  },
];

describe.each([
  [
    'SQLite',
    async () => ({ knex: await createSqliteDatabase(), stop: undefined }),
  ],
  ['PostgreSQL', createPostgresDatabase],
] as const)('insertRows on %s', (_name, create) => {
  let knex: Knex;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ knex, stop } = await create());
    await knex.schema.createTable('sample', table => {
      table.integer('id').primary();
      table.text('label').notNullable();
      table.text('note');
      table.text('detail');
      table.double('ratio').notNullable();
    });
  }, 60_000);

  afterAll(async () => {
    if (stop) {
      await stop();
    } else {
      await knex?.destroy();
    }
  });

  it('stores the chosen columns of every row exactly, nulls included', async () => {
    await knex.transaction(trx =>
      insertRows({
        trx,
        table: 'sample',
        rows,
        columns: ['id', 'label', 'note', 'detail', 'ratio'],
      }),
    );
    const stored = await knex('sample').orderBy('id');
    expect(
      stored.map(row => ({
        ...row,
        id: Number(row.id),
        ratio: Number(row.ratio),
      })),
    ).toEqual(rows.map(({ extra: _extra, ...row }) => row));
  });

  it('refuses a table or column name it would have to quote', () => {
    expect(() =>
      prepareInsertRows({
        client: knex.client,
        table: 'sample',
        rows: [{ 'id; drop table sample': 1 }],
      }),
    ).toThrow(/is not a plain identifier/);
  });
});
