/**
 * Questionnaires for linked mode (reliability.md P1, P2): where a school's records give a pupil's
 * characteristics through a single-use token, the questionnaire asks none of them.
 *
 * @module
 */
import { itemsOf, type Characteristic, type QuestionnaireDefinition } from '@all-together/model';
import { compose } from './compose.js';

/**
 * The characteristics a school's records give in linked mode: year group, sex, SEN status, free
 * school meals, English as an additional language, ethnicity, looked-after and young carer.
 * Identity questions (gender, LGBT) are never in school records: they stay self-reported.
 */
export const RECORD_CHARACTERISTICS: readonly Characteristic[] = [
  'yearGroup',
  'sex',
  'sen',
  'fsm',
  'eal',
  'ethnicity',
  'lookedAfter',
  'youngCarer',
];

/** The suffix of a linked form's version: `2.0.0` becomes `2.0.0-linked`. */
export const LINKED_SUFFIX = '-linked';

/** Whether a definition version is a linked form's (`2.0.0-linked`). */
export const isLinkedVersion = (version: string): boolean => version.endsWith(LINKED_SUFFIX);

/**
 * The linked-mode form of a pupil questionnaire: every question about a characteristic the records
 * give is removed (and a section left empty with it), except one that another question's
 * visibility depends on (the all-ages form's year group), and the version records it
 * (`2.0.0` → `2.0.0-linked`). Its answers still add up with the self-report form's
 * (`comparableAs` is kept): only where the characteristics come from differs.
 *
 * @example
 * const linked = linkedForm(getQuestionnaire('pupil-ks2')); // pupil-ks2@2.0.0-linked, no "About you"
 * @throws Error when the definition is already a linked form, or the result is not a valid definition.
 */
export function linkedForm(def: QuestionnaireDefinition): QuestionnaireDefinition {
  if (isLinkedVersion(def.version))
    throw new Error(`${def.id}@${def.version} is already a linked form.`);
  // A question another one's visibility depends on stays (the all-ages form shows its wellbeing
  // questions from Year 3 on the pupil's own answer); the record's value is the one stored.
  const routing = conditionItems(def);
  const asked = (i: ReturnType<typeof itemsOf>[number]) =>
    !routing.has(i.id) &&
    i.scoring.kind === 'characteristic' &&
    i.scoring.characteristic !== undefined &&
    RECORD_CHARACTERISTICS.includes(i.scoring.characteristic);
  const removeSections = def.sections
    .filter((s) => s.items.length > 0 && s.items.every(asked))
    .map((s) => s.id);
  const removeItems = def.sections
    .filter((s) => !removeSections.includes(s.id))
    .flatMap((s) => s.items.filter(asked).map((i) => i.id));
  const result = compose(def, { version: `${def.version}${LINKED_SUFFIX}` }, [
    ...removeSections.map((section) => ({ op: 'remove-section' as const, section })),
    ...(removeItems.length ? [{ op: 'remove-items' as const, items: removeItems }] : []),
  ]);
  if (!result.ok)
    throw new Error(
      `The linked form of ${def.id}@${def.version} is not valid:\n${result.problems
        .map((p) => `  ${p.at}: ${p.message}`)
        .join('\n')}`,
    );
  return result.value;
}

/** The ids of the items any `visibleIf` of the definition reads. */
function conditionItems(def: QuestionnaireDefinition): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown, inCondition: boolean): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, inCondition));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (inCondition && k === 'item' && typeof x === 'string') ids.add(x);
        walk(x, inCondition || k === 'visibleIf');
      }
  };
  walk(def, false);
  return ids;
}
