/**
 * The instruments the portal offers: pupil questionnaires and the audit. New rounds get the newest
 * versions; stored answers are always read with the version they answered (a response to
 * pupil-ks2 1.0.0 is scored with 1.0.0, an audit begun on 1.0.0 is finished and compared on 1.0.0).
 */
import { SchoolPhase } from '@all-together/model';
import type { AuditDefinition, Audience, QuestionnaireDefinition } from '@all-together/model';
import {
  getAudit,
  getQuestionnaire,
  isLinkedVersion,
  LINKED_SUFFIX,
  linkedForm,
  listDefinitions,
  pupilFormFor,
} from '@all-together/questionnaires';

export const PUPIL_DEFINITIONS = [
  'pupil-ks1',
  'pupil-ks2',
  'pupil-secondary',
  'pupil-all-ages',
] as const;
export type PupilDefinitionId = (typeof PUPIL_DEFINITIONS)[number];

let defs: QuestionnaireDefinition[] | undefined;
/** Every pupil questionnaire the portal offers, newest versions. */
export function pupilDefinitions(): QuestionnaireDefinition[] {
  return (defs ??= PUPIL_DEFINITIONS.map((id) => getQuestionnaire(id)));
}

let everyVersion: QuestionnaireDefinition[] | undefined;
/**
 * Every shipped version of every pupil questionnaire: what stored responses may answer, so that
 * scoring reads each response with its own version.
 */
export function pupilDefinitionsEveryVersion(): QuestionnaireDefinition[] {
  const ids = new Set<string>(PUPIL_DEFINITIONS);
  // Each shipped version and its linked-mode form: responses to either are scored.
  return (everyVersion ??= listDefinitions()
    .filter((e) => e.kind === 'questionnaire' && ids.has(e.id))
    .flatMap((e) => {
      const linked = definitionFor(e.id, `${e.version}${LINKED_SUFFIX}`);
      return [getQuestionnaire(e.id, e.version), ...(linked ? [linked] : [])];
    }));
}

/** One of the portal's pupil questionnaires, newest version. */
export const pupilDefinition = (id: PupilDefinitionId): QuestionnaireDefinition =>
  getQuestionnaire(id);

const linkedForms = new Map<string, QuestionnaireDefinition>();
/**
 * A questionnaire by id and version, including the linked-mode form of a shipped one
 * (`2.0.0-linked`: its characteristic questions removed, made by `linkedForm`).
 */
export function definitionFor(id: string, version: string): QuestionnaireDefinition | undefined {
  try {
    if (!isLinkedVersion(version)) return getQuestionnaire(id, version);
    const key = `${id}@${version}`;
    let linked = linkedForms.get(key);
    if (!linked) {
      linked = linkedForm(getQuestionnaire(id, version.slice(0, -LINKED_SUFFIX.length)));
      linkedForms.set(key, linked);
    }
    return linked;
  } catch {
    return undefined;
  }
}

/** A definition's title in British English, for lists. */
export const titleOf = (d: { title?: Record<string, string> | undefined; id: string }): string =>
  d.title?.['en-GB'] ?? d.title?.en ?? d.id;

/**
 * The audit: the newest version, or the version a stored audit answered (`ref`), which is the one
 * to score it, finish it and compare it with.
 */
export const audit = (ref?: { id: string; version: string }): AuditDefinition =>
  ref ? getAudit(ref.id, ref.version) : getAudit();

/** The portal's day, in UTC: dates of rounds, submissions and the log's days. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

const AUDIENCE_LABEL: Readonly<Partial<Record<Audience, string>>> = {
  'pupil-ks1': 'Key stage 1 (Reception to Year 2)',
  'pupil-ks2': 'Key stage 2 (Years 3 to 6)',
  'pupil-secondary': 'Secondary (Years 7 to 13)',
};
/** Forms whose audience is a key stage but whose year list is wider. */
const ID_LABEL: Readonly<Record<string, string>> = {
  'pupil-all-ages': 'All ages (Reception to Year 13, simpler wording)',
};

/** How a lead sees a pupil questionnaire in lists: who it is for, then its title. */
export function definitionLabel(d: QuestionnaireDefinition): string {
  const who = ID_LABEL[d.id] ?? AUDIENCE_LABEL[d.audience];
  return who ? `${who}: ${titleOf(d)}` : titleOf(d);
}

/**
 * The questionnaire a school gets when its lead does not choose one: the questionnaires package's
 * guidance for the phase (special schools, alternative provision and all-through schools get the
 * form for all ages, whose year list runs from Reception to Year 13).
 */
export const defaultDefinitionFor = (phase: string): PupilDefinitionId => {
  const known = SchoolPhase.safeParse(phase);
  const id = known.success ? pupilFormFor(known.data) : 'pupil-ks2';
  return (PUPIL_DEFINITIONS as readonly string[]).includes(id)
    ? (id as PupilDefinitionId)
    : 'pupil-ks2';
};
