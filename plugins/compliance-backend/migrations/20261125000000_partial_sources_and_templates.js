/*
 * Evaluations record the sources they read only in part (fleet clusters not
 * yet synced) and the titles of the controls they judged, and the audit of Template entities keeps the content hash it
 * last saw of each, to tell registrations, changes and removals apart.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Every snapshot paid for this index on every record; the purge finds its
  // first kept record walking the primary key instead.
  await knex.schema.alterTable('evidence', table => {
    table.dropIndex(['evaluated_at'], 'evidence_evaluated_at_idx');
  });
  await knex.schema.alterTable('evaluations', table => {
    // JSON: [{ source, reason }], null when every source was complete.
    table.text('partial_sources');
    // JSON: { [controlId]: { title, hipaa, severity } } of the controls the
    // run judged, so an export need not read every service's results.
    table.text('controls');
  });
  await knex.schema.createTable('template_hashes', table => {
    table.string('entity_ref', 255).primary();
    table.string('hash', 64).notNullable();
    table.text('location');
    table.string('seen_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evidence', table => {
    table.index(['evaluated_at'], 'evidence_evaluated_at_idx');
  });
  await knex.schema.dropTable('template_hashes');
  await knex.schema.alterTable('evaluations', table => {
    table.dropColumn('partial_sources');
    table.dropColumn('controls');
  });
};
