/**
 * UI strings of `<at-evidence>`: the keys, their parameters, and the British English text. Kinds of
 * evidence are chosen through a complete, typed table in `evidence.ts`, so a kind the model adds
 * without a string here fails the type check.
 *
 * @module
 */
import type { Message } from '../shared/i18n.js';

type None = Record<string, never>;

/** The parameters each `<at-evidence>` string takes. */
export interface EvidenceStringParams {
  readonly evidenceHeading: None;
  readonly evidenceCaption: None;
  readonly evidenceEmpty: None;
  readonly evidenceColFor: None;
  readonly evidenceColKind: None;
  readonly evidenceColDescription: None;
  readonly evidenceColDate: None;
  readonly evidenceColFile: None;
  readonly evidenceColActions: None;
  /** "Area 3: Policy". */
  readonly evidenceArea: { readonly number: string; readonly title: string };
  /** "Action: Train lunchtime staff". */
  readonly evidenceAction: { readonly title: string };
  readonly evidenceLink: None;
  /** "minutes.pdf (120 KB)". */
  readonly evidenceFileSize: { readonly name: string; readonly size: string };
  /** The remove button's accessible name: "Remove {description}". */
  readonly evidenceRemove: { readonly description: string };
  /** The remove button's visible word (its accessible name starts with it). */
  readonly evidenceRemoveShort: None;
  readonly evidenceAddHeading: None;
  readonly evidencePrivacy: None;
  readonly evidenceFor: None;
  readonly evidenceKind: None;
  readonly evidenceKindDocument: None;
  readonly evidenceKindObservation: None;
  readonly evidenceKindSurvey: None;
  readonly evidenceKindMinutes: None;
  readonly evidenceKindOther: None;
  readonly evidenceDescription: None;
  readonly evidenceDescriptionHint: { readonly min: number };
  readonly evidenceDate: None;
  readonly evidenceUrl: None;
  readonly evidenceFile: None;
  readonly evidenceFileHint: { readonly max: string };
  readonly evidenceAdd: None;
  readonly evidenceChoose: None;
  readonly evidenceErrorTitle: None;
  readonly evidenceErrorPrefix: None;
  readonly evidenceErrorFor: None;
  readonly evidenceErrorKind: None;
  readonly evidenceErrorDescription: { readonly min: number };
  readonly evidenceErrorDate: None;
  readonly evidenceErrorUrl: None;
  readonly evidenceErrorFileSize: { readonly name: string; readonly max: string };
  readonly evidenceErrorFileType: { readonly name: string };
  readonly evidenceInvalid: None;
}

/** `<at-evidence>` strings, as the shared table holds them. */
export type EvidenceStrings = { readonly [K in keyof EvidenceStringParams]: Message };

/** British English. */
export const evidenceStrings: EvidenceStrings = {
  evidenceHeading: 'Evidence portfolio',
  evidenceCaption: 'Evidence in the portfolio',
  evidenceEmpty: 'No evidence yet.',
  evidenceColFor: 'For',
  evidenceColKind: 'Kind',
  evidenceColDescription: 'Description',
  evidenceColDate: 'Date',
  evidenceColFile: 'File or link',
  evidenceColActions: 'Change',
  evidenceArea: 'Area {number}: {title}',
  evidenceAction: 'Action: {title}',
  evidenceLink: 'Open the link',
  evidenceFileSize: '{name} ({size})',
  evidenceRemove: 'Remove “{description}”',
  evidenceRemoveShort: 'Remove',
  evidenceAddHeading: 'Add evidence',
  evidencePrivacy:
    'Do not upload anything that identifies a pupil: no names, no photographs of faces, no records of individual pupils. Describe what the evidence shows instead.',
  evidenceFor: 'What it is evidence for',
  evidenceKind: 'Kind of evidence',
  evidenceKindDocument: 'Document',
  evidenceKindObservation: 'Observation',
  evidenceKindSurvey: 'Survey',
  evidenceKindMinutes: 'Minutes',
  evidenceKindOther: 'Other',
  evidenceDescription: 'Description',
  evidenceDescriptionHint: 'At least {min} words: what it is and what it shows.',
  evidenceDate: 'Date of the evidence',
  evidenceUrl: 'Link (optional)',
  evidenceFile: 'File (optional)',
  evidenceFileHint:
    'A PDF, a PNG or JPEG image, or a Word, Excel or PowerPoint file; at most {max}.',
  evidenceAdd: 'Add evidence',
  evidenceChoose: 'Choose',
  evidenceErrorTitle: 'There is a problem',
  evidenceErrorPrefix: 'Error:',
  evidenceErrorFor: 'Choose the audit area or the action this evidence is for.',
  evidenceErrorKind: 'Choose what kind of evidence this is.',
  evidenceErrorDescription: 'Describe the evidence in at least {min} words.',
  evidenceErrorDate: 'Enter the date of the evidence.',
  evidenceErrorUrl: 'Enter a link that starts with https://, or leave it empty.',
  evidenceErrorFileSize: 'The file “{name}” is larger than {max}.',
  evidenceErrorFileType:
    'The file “{name}” is not a PDF, a PNG or JPEG image, or a Word, Excel or PowerPoint file.',
  evidenceInvalid: 'The portfolio cannot be shown: its data has problems.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends EvidenceStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends EvidenceStringParams {}
}
