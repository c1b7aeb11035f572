/**
 * @all-together/questionnaires — the programme's instruments as versioned definitions, and the
 * functions that load and check them.
 * @packageDocumentation
 */
export * from './load.js';
