/*
 * A service's stored results leave out what was observed for each control:
 * that is in its evidence records already, which follow one another in the
 * chain from `evidence_first_seq`. Rows written before keep their observed
 * inputs inline and have no first record.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluation_services', table => {
    table.integer('evidence_first_seq');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluation_services', table => {
    table.dropColumn('evidence_first_seq');
  });
};
