/** The instruments the portal offers: pupil questionnaires (newest versions) and the audit. */
import type { AuditDefinition, Audience, QuestionnaireDefinition } from '@all-together/model';
import { getAudit, getQuestionnaire } from '@all-together/questionnaires';

export const PUPIL_DEFINITIONS = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'] as const;
export type PupilDefinitionId = (typeof PUPIL_DEFINITIONS)[number];

let defs: QuestionnaireDefinition[] | undefined;
/** Every pupil questionnaire the portal offers, newest versions. */
export function pupilDefinitions(): QuestionnaireDefinition[] {
  return (defs ??= PUPIL_DEFINITIONS.map((id) => getQuestionnaire(id)));
}

/** One of the portal's pupil questionnaires, newest version. */
export const pupilDefinition = (id: PupilDefinitionId): QuestionnaireDefinition =>
  getQuestionnaire(id);

export function definitionFor(id: string, version: string): QuestionnaireDefinition | undefined {
  try {
    return getQuestionnaire(id, version);
  } catch {
    return undefined;
  }
}

/** A definition's title in British English, for lists. */
export const titleOf = (d: { title?: Record<string, string> | undefined; id: string }): string =>
  d.title?.['en-GB'] ?? d.title?.en ?? d.id;

export const audit = (): AuditDefinition => getAudit();

/** The portal's day, in UTC: dates of rounds, submissions and the log's days. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

const AUDIENCE_LABEL: Readonly<Partial<Record<Audience, string>>> = {
  'pupil-ks1': 'Key stage 1 (Reception to Year 2)',
  'pupil-ks2': 'Key stage 2 (Years 3 to 6)',
  'pupil-secondary': 'Secondary (Years 7 to 13)',
};

/** How a lead sees a pupil questionnaire in lists: who it is for, then its title. */
export function definitionLabel(d: QuestionnaireDefinition): string {
  const who = AUDIENCE_LABEL[d.audience];
  return who ? `${who}: ${titleOf(d)}` : titleOf(d);
}

/** The questionnaire a school gets when its lead does not choose one. */
export const defaultDefinitionFor = (phase: string): PupilDefinitionId =>
  phase === 'secondary' ? 'pupil-secondary' : 'pupil-ks2';
