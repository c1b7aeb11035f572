/**
 * @all-together/scoring — pure scoring for the All Together programme.
 * @packageDocumentation
 */
export * from './proportions.js';
export * from './summary.js';
export * from './audit.js';
export * from './perception.js';
export * from './priorities.js';
export * from './plan.js';
export * from './compare.js';
export * from './award.js';
export * from './disclosure.js';
export { SUPPRESSION_NOTES, suppressionNote, type NoteSubject } from './notes.js';
export * from './publish.js';
export * from './cpd.js';
export * from './target.js';
export * from './end-survey.js';
export type * from './types.js';
export * from './counts-protect.js';
