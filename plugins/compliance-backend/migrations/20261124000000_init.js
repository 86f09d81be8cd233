/*
 * Compliance evidence, audit trail, evaluations and exemptions.
 * Timestamps are ISO 8601 text so SQLite and PostgreSQL sort and return them
 * identically, and hashes are computed over exactly what is stored.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // One row per hash chain ('evidence', 'audit'): the head that appends lock
  // and extend, and where the retained chain starts after a purge.
  await knex.schema.createTable('chain_heads', table => {
    table.string('chain', 32).primary();
    table.integer('head_seq').notNullable();
    table.string('head_hash', 64).notNullable();
    table.integer('start_seq').notNullable();
    table.string('start_prev_hash', 64).notNullable();
  });

  await knex.schema.createTable('evidence', table => {
    table.integer('seq').primary();
    table.string('evaluation_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('control_id', 64).notNullable();
    table.string('status', 16).notNullable();
    table.text('observed').notNullable();
    table.string('controls_version', 64).notNullable();
    table.string('evaluated_at', 32).notNullable();
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
    table.index(['evaluation_id'], 'evidence_evaluation_idx');
    table.index(['evaluated_at'], 'evidence_evaluated_at_idx');
  });

  await knex.schema.createTable('audit_events', table => {
    table.integer('seq').primary();
    table.string('at', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 128).notNullable();
    table.string('entity_ref', 255);
    table.text('details').notNullable();
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
    table.index(['at'], 'audit_events_at_idx');
  });

  await knex.schema.createTable('evaluations', table => {
    table.string('id', 64).primary();
    table.string('evaluated_at', 32).notNullable();
    table.string('controls_version', 64).notNullable();
    table.string('trigger', 16).notNullable();
    // JSON: the sources that could not be read, and the fleet summary.
    table.text('unavailable_sources').notNullable();
    table.text('summary').notNullable();
    table.index(['evaluated_at'], 'evaluations_evaluated_at_idx');
  });

  await knex.schema.createTable('evaluation_services', table => {
    table.string('evaluation_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('owner', 255);
    table.string('system', 255);
    table.string('data_classification', 16).notNullable();
    table.double('score');
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('exempt').notNullable();
    // JSON: the ServiceEvaluation's results (with violations and exemptions).
    table.text('results').notNullable();
    table.primary(['evaluation_id', 'entity_ref']);
  });

  await knex.schema.createTable('exemptions', table => {
    table.string('id', 64).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('control_id', 64).notNullable();
    table.text('justification').notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table.string('state', 16).notNullable();
    table.string('decided_by', 255);
    table.string('decided_at', 32);
    table.text('decision_comment');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'exemptions',
    'evaluation_services',
    'evaluations',
    'audit_events',
    'evidence',
    'chain_heads',
  ]) {
    await knex.schema.dropTable(table);
  }
};
