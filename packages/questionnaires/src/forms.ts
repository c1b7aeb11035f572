import type { LocalisedText, SchoolPhase } from '@all-together/model';

/** Which pupil questionnaire a school of one phase runs, and what else fits. */
export interface PupilFormGuidance {
  /** The definition a school of this phase gets unless its lead chooses another. */
  default: string;
  /** Why that one, for the lead choosing. */
  why: LocalisedText;
  /** Other definitions that fit, and when to choose them. */
  alternatives: readonly { definition: string; when: LocalisedText }[];
}

/**
 * The pupil questionnaire for each school phase (ADR 0030). A primary or secondary school runs its
 * key stage's form; a special school, alternative provision or all-through school teaches pupils
 * of any year, so it gets `pupil-all-ages` (the KS2 wording with a Reception–Year 13 year list),
 * whose answers add up with KS2 and secondary answers (`comparableAs`). A round uses one form, so
 * a school that wants the key-stage wording for each year group runs one round per form.
 */
export const PUPIL_FORMS: Readonly<Record<SchoolPhase, PupilFormGuidance>> = {
  primary: {
    default: 'pupil-ks2',
    why: { 'en-GB': 'Years 3 to 6 answer the KS2 questionnaire on their own.' },
    alternatives: [
      {
        definition: 'pupil-ks1',
        when: {
          'en-GB':
            'For Reception to Year 2, in a round of its own: read aloud, with faces. Its figures are shown beside the KS2 figures, never added to them.',
        },
      },
    ],
  },
  secondary: {
    default: 'pupil-secondary',
    why: {
      'en-GB': 'Years 7 to 13, with the online questions and the optional free-text question.',
    },
    alternatives: [
      {
        definition: 'pupil-all-ages',
        when: {
          'en-GB':
            'For a group of pupils who need simpler words (for example in a resource base): the KS2 wording, Years 7 to 13 in its year list.',
        },
      },
    ],
  },
  special: {
    default: 'pupil-all-ages',
    why: {
      'en-GB':
        'Pupils of any year, in the simpler KS2 wording; wellbeing questions only from Year 3. Adults may read the questions aloud.',
    },
    alternatives: [
      {
        definition: 'pupil-ks1',
        when: {
          'en-GB':
            'For pupils who need every question read aloud with faces to choose from, of any age: run it as a round of its own.',
        },
      },
      {
        definition: 'pupil-secondary',
        when: {
          'en-GB':
            'For secondary-age pupils who read well and would find the simpler wording patronising.',
        },
      },
    ],
  },
  'alternative-provision': {
    default: 'pupil-all-ages',
    why: {
      'en-GB':
        'Pupils join from many year groups, often with gaps in their schooling: the simpler KS2 wording, with every year from Reception to Year 13.',
    },
    alternatives: [
      {
        definition: 'pupil-secondary',
        when: {
          'en-GB':
            'For a provision of secondary-age pupils only, to ask about bullying others online and to offer the free-text question.',
        },
      },
    ],
  },
  'all-through': {
    default: 'pupil-all-ages',
    why: {
      'en-GB':
        'One round for the whole school, Reception to Year 13, in the simpler KS2 wording; wellbeing questions only from Year 3.',
    },
    alternatives: [
      {
        definition: 'pupil-ks1',
        when: {
          'en-GB': 'For Reception to Year 2, in a round of their own: read aloud, with faces.',
        },
      },
      {
        definition: 'pupil-ks2',
        when: { 'en-GB': 'For Years 3 to 6, in a round of their own.' },
      },
      {
        definition: 'pupil-secondary',
        when: {
          'en-GB':
            'For Years 7 to 13, in a round of their own, with the online questions and the free-text question.',
        },
      },
    ],
  },
};

/**
 * The pupil questionnaire a school of `phase` gets unless its lead chooses another.
 *
 * @example
 * pupilFormFor('special'); // 'pupil-all-ages'
 */
export function pupilFormFor(phase: SchoolPhase): string {
  return PUPIL_FORMS[phase].default;
}
