/**
 * @all-together/scoring — pure scoring for the All Together programme.
 * @packageDocumentation
 */
export * from './proportions.js';
export * from './summary.js';
export type * from './types.js';
