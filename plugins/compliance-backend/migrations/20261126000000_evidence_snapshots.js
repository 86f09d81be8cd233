/*
 * What every record of an evidence snapshot shares (the evaluation, its
 * time and the controls version) is stored once per run of consecutive
 * records instead of on each record, and the evaluation index every record
 * paid for goes with it. The hashed text of a record is unchanged: it still
 * covers those fields, now read from the record's snapshot, so existing
 * chains verify as before and altering a snapshot row fails every record
 * in it.
 */

const SHARED = ['evaluation_id', 'controls_version', 'evaluated_at'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evidence_snapshots', table => {
    table.integer('first_seq').primary();
    table.integer('last_seq').notNullable();
    table.string('evaluation_id', 64).notNullable();
    table.string('controls_version', 64).notNullable();
    table.string('evaluated_at', 32).notNullable();
    table.index(['evaluation_id'], 'evidence_snapshots_evaluation_idx');
  });
  // Each maximal run of consecutive records sharing the three fields
  // becomes one snapshot row (seq minus its rank within the same fields is
  // constant along such a run).
  await knex.raw(
    `insert into evidence_snapshots
       (first_seq, last_seq, evaluation_id, controls_version, evaluated_at)
     select min(seq), max(seq), evaluation_id, controls_version, evaluated_at
     from (
       select seq, evaluation_id, controls_version, evaluated_at,
         seq - row_number() over (
           partition by evaluation_id, controls_version, evaluated_at
           order by seq
         ) as run
       from evidence
     ) runs
     group by evaluation_id, controls_version, evaluated_at, run`,
  );
  await knex.schema.alterTable('evidence', table => {
    table.dropIndex(['evaluation_id'], 'evidence_evaluation_idx');
  });
  await knex.schema.alterTable('evidence', table => {
    table.dropColumns(...SHARED);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evidence', table => {
    table.string('evaluation_id', 64);
    table.string('controls_version', 64);
    table.string('evaluated_at', 32);
  });
  for (const column of SHARED) {
    await knex.raw(
      `update evidence set ?? = (
         select s.?? from evidence_snapshots s
         where evidence.seq between s.first_seq and s.last_seq
       )`,
      [column, column],
    );
  }
  await knex.schema.alterTable('evidence', table => {
    table.index(['evaluation_id'], 'evidence_evaluation_idx');
  });
  await knex.schema.dropTable('evidence_snapshots');
};
