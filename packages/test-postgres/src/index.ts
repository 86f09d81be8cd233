/**
 * Real PostgreSQL for CarePath's tests: an embedded server per test file, or a
 * fresh database on the server named by `CAREPATH_TEST_POSTGRES_URL`.
 *
 * @packageDocumentation
 */
export { startTestPostgres } from './startTestPostgres';
export type { TestPostgres } from './startTestPostgres';
