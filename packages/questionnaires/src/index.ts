/**
 * @all-together/questionnaires — the programme's instruments as versioned definitions, and the
 * functions that load, check and compose them.
 * @packageDocumentation
 */
export * from './load.js';
export * from './fragment.js';
export * from './document.js';
export * from './forms.js';
export * from './compose.js';
export * from './pseudo-locale.js';
export * from './readability.js';
export * from './random.js';
export * from './cohort.js';
export * from './cpd.js';
export * from './registry.js';
export * from './semver.js';
export * from './linked.js';
