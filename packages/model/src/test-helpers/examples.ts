// Valid examples of every schema, as plain JSON-like input (what a file or a request body holds).
// Tests mutate copies of these; each starts from something that parses.

const en = (text: string) => ({ 'en-GB': text });

const frequencyOptions = [
  ['not-at-all', 'Not at all'],
  ['once-or-twice', 'Once or twice'],
  ['two-or-three-times-a-month', 'Two or three times a month'],
  ['about-once-a-week', 'About once a week'],
  ['several-times-a-week', 'Several times a week'],
  ['prefer-not-to-say', 'Prefer not to say'],
].map(([value, label]) => ({ value, label: en(label!) }));

const frequencyScoring = {
  kind: 'frequency',
  values: {
    'not-at-all': 0,
    'once-or-twice': 1,
    'two-or-three-times-a-month': 2,
    'about-once-a-week': 3,
    'several-times-a-week': 4,
  },
  missing: ['prefer-not-to-say'],
  cutoffs: { any: 1, frequent: 2 },
};

const wellbeingOptions = [
  { value: 'never', label: en('Never') },
  { value: 'sometimes', label: en('Sometimes') },
  { value: 'always', label: en('Always') },
];

const wellbeingItem = (id: string, text: string) => ({
  id,
  type: 'frequency',
  text: en(text),
  options: wellbeingOptions,
  scoring: {
    kind: 'scale-item',
    scale: 'emotional-difficulties',
    values: { never: 0, sometimes: 1, always: 2 },
  },
});

/** A small KS2-like pupil questionnaire using every item type. */
export function questionnaireInput() {
  return {
    kind: 'questionnaire',
    id: 'pupil-ks2-example',
    version: '1.0.0',
    title: en('About you and your school'),
    audience: 'pupil-ks2',
    locales: ['en-GB'],
    defaultLocale: 'en-GB',
    preamble: {
      intro: en('These questions are about how things are for you at school.'),
      bullyingDefinition: en('Bullying is when someone hurts you on purpose, again and again.'),
      minutes: 15,
      privacy: en('Nobody at school will see your own answers.'),
    },
    parameters: { referencePeriod: en('since the start of this half-term') },
    sections: [
      {
        id: 'about-you',
        title: en('About you'),
        items: [
          {
            id: 'year-group',
            type: 'single-choice',
            text: en('What year are you in?'),
            notice: en('You can choose Prefer not to say.'),
            options: [
              { value: 'Y5', label: en('Year 5') },
              { value: 'Y6', label: en('Year 6') },
              { value: 'prefer-not-to-say', label: en('Prefer not to say') },
            ],
            scoring: { kind: 'characteristic', characteristic: 'yearGroup' },
          },
        ],
      },
      {
        id: 'being-bullied',
        title: en('Being bullied'),
        items: [
          {
            id: 'bullied-face-to-face',
            type: 'frequency',
            text: en('How often have you been bullied {referencePeriod}?'),
            options: frequencyOptions,
            scoring: { ...frequencyScoring, indicator: 'victimisation' },
          },
          {
            id: 'bullying-types',
            type: 'multi-select',
            text: en('How were you bullied?'),
            visibleIf: { op: 'score-at-least', item: 'bullied-face-to-face', value: 1 },
            options: [
              { value: 'hit', label: en('Hit, pushed or kicked') },
              { value: 'names', label: en('Called names') },
              { value: 'left-out', label: en('Left out on purpose') },
              { value: 'prefer-not-to-say', label: en('Prefer not to say'), exclusive: true },
            ],
            scoring: { kind: 'categories', indicator: 'types', missing: ['prefer-not-to-say'] },
          },
          {
            id: 'told-anyone',
            type: 'yes-no',
            text: en('Did you tell an adult at school?'),
            visibleIf: { op: 'score-at-least', item: 'bullied-face-to-face', value: 1 },
            options: [
              { value: 'yes', label: en('Yes') },
              { value: 'no', label: en('No') },
            ],
            scoring: { kind: 'yes-no', indicator: 'told' },
          },
        ],
      },
      {
        id: 'feelings',
        title: en('How you feel about school'),
        items: [
          {
            id: 'feel-safe',
            type: 'agreement',
            text: en('I feel safe at school'),
            required: true,
            options: [
              { value: 'disagree-a-lot', label: en('Disagree a lot') },
              { value: 'disagree', label: en('Disagree') },
              { value: 'agree', label: en('Agree') },
              { value: 'agree-a-lot', label: en('Agree a lot') },
            ],
            scoring: {
              kind: 'agreement',
              indicator: 'feelings',
              values: { 'disagree-a-lot': 0, disagree: 1, agree: 2, 'agree-a-lot': 3 },
              cutoffs: { agree: 2 },
            },
          },
          {
            id: 'school-face',
            type: 'faces',
            text: en('How do you feel at playtime?'),
            readAloud: en('How do you feel at playtime? Happy, OK, or sad?'),
            options: [
              { value: 'happy', label: en('Happy'), face: 'happy' },
              { value: 'ok', label: en('OK'), face: 'neutral' },
              { value: 'sad', label: en('Sad'), face: 'sad' },
            ],
            scoring: { kind: 'agreement', values: { sad: 0, ok: 1, happy: 2 } },
          },
        ],
      },
      {
        id: 'wellbeing',
        title: en('Your feelings'),
        items: [
          wellbeingItem('wb-lonely', 'I feel lonely'),
          wellbeingItem('wb-worry', 'I worry a lot'),
          wellbeingItem('wb-scared', 'I feel scared'),
        ],
      },
      {
        id: 'your-ideas',
        title: en('Your ideas'),
        items: [
          {
            id: 'safer-school',
            type: 'free-text',
            text: en('What would make school safer?'),
            maxLength: 500,
            warning: en(
              "Don't write your name or anyone else's. To talk now, call Childline on 0800 1111.",
            ),
          },
        ],
      },
    ],
    scales: [
      {
        id: 'emotional-difficulties',
        title: en('Feelings'),
        method: 'sum',
        direction: 'higher-is-worse',
        prorate: { maxMissing: 1 },
        bands: [
          { id: 'expected', label: en('Expected'), min: 0, max: 3 },
          { id: 'elevated', label: en('Elevated'), min: 4, max: 6 },
        ],
      },
    ],
    help: {
      text: en('If something is worrying you, talk to an adult you trust.'),
      links: [{ title: en('Childline 0800 1111'), url: 'tel:08001111' }],
    },
    comparableAs: 'example-pupil',
    indicators: [
      ...['any', 'frequent'].map((cut) => ({
        key: `victimisation.${cut}`,
        label: en(`Bullied (${cut})`),
        direction: 'higher-is-worse' as const,
        population: 'all' as const,
      })),
      ...['hit', 'names', 'left-out'].map((type) => ({
        key: `types.${type}`,
        label: en(`Of pupils who were bullied: ${type}`),
        direction: 'neither' as const,
        population: 'bullied' as const,
      })),
      {
        key: 'told.yes',
        label: en('Of pupils who were bullied: told someone'),
        direction: 'higher-is-better' as const,
        population: 'bullied' as const,
      },
      {
        key: 'feelings.feel-safe.agree',
        label: en('Agree: I feel safe at school'),
        direction: 'higher-is-better' as const,
        population: 'all' as const,
      },
      {
        key: 'scale.emotional-difficulties',
        label: en('Emotional difficulties'),
        direction: 'higher-is-worse' as const,
        population: 'all' as const,
      },
    ],
  };
}

/** A two-area audit. */
export function auditInput() {
  const statement = (id: string, text: string) => ({
    id,
    text: en(text),
    descriptors: {
      'fully-met': en(`${text}, reviewed this year.`),
      'partially-met': en(`${text}, but not reviewed.`),
      'not-yet-met': en(`Not yet: ${text.toLowerCase()}.`),
    },
    guidance: {
      why: en('It matters because pupils need to know who leads the work.'),
      tips: [en('Name the lead in the policy.')],
      resources: [{ title: en('Guidance'), url: 'https://example.org/guide' }],
    },
    evidencePrompts: [en('Minutes of the meeting that named the lead.')],
    groups: ['send'],
    perceptionLinks: [{ definition: 'staff-perception', item: 'leadership-visible' }],
  });
  return {
    kind: 'audit',
    id: 'audit-example',
    version: '1.0.0',
    title: en('360° audit'),
    locales: ['en-GB'],
    defaultLocale: 'en-GB',
    areas: [
      {
        number: 1,
        title: en('School leadership'),
        statements: [
          statement('1.1', 'A senior leader coordinates our approach'),
          statement('1.2', 'A governor monitors it'),
        ],
      },
      {
        number: 2,
        title: en('School policy'),
        statements: [statement('2.1', 'Our policy is up to date')],
      },
    ],
  };
}

export const RESPONSE_ID = '3f2a4c1e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';

/** A response to `questionnaireInput()` that validates. */
export function responseInput() {
  return {
    id: RESPONSE_ID,
    definition: { id: 'pupil-ks2-example', version: '1.0.0' },
    wave: 'baseline',
    school: '123456',
    mode: 'anonymous',
    characteristics: { source: 'self-report', yearGroup: 'Y5', sen: 'K' },
    answers: {
      'year-group': 'Y5',
      'bullied-face-to-face': 'two-or-three-times-a-month',
      'bullying-types': ['names', 'left-out'],
      'told-anyone': 'no',
      'feel-safe': 'agree',
      'school-face': 'happy',
      'wb-lonely': 'sometimes',
      'safer-school': 'More adults at lunchtime.',
    },
    startedAt: '2026-10-01T09:00:00Z',
    submittedAt: '2026-10-01T09:14:00Z',
  };
}

export function auditResponseInput() {
  return {
    id: '9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e',
    definition: { id: 'audit-example', version: '1.0.0' },
    school: '123456',
    wave: 'baseline',
    respondentRole: 'school-lead',
    ratings: { '1.1': 'fully-met', '1.2': 'dont-know', '2.1': 'partially-met' },
    evidence: { '1.1': [{ note: 'Named in the policy', url: 'https://example.org/policy' }] },
    updatedAt: '2026-10-02T12:00:00Z',
  };
}

export const OBJECTIVE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

export function actionPlanInput() {
  return {
    id: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
    school: '123456',
    priorities: [{ statement: '2.1', rating: 'partially-met', groups: ['send'] }],
    objectives: [
      {
        id: OBJECTIVE_ID,
        title: 'Review the anti-bullying policy with pupils',
        statements: ['2.1'],
        success: {
          specific: 'A policy pupils helped write',
          measurable: 'School council minutes; pupil survey item',
          timeBound: '2027-03-31',
        },
        measure: {
          definition: 'pupil-ks2',
          indicator: 'feelings',
          target: 'More pupils feel safe',
        },
      },
    ],
    actions: [
      {
        id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
        objective: OBJECTIVE_ID,
        description: 'Hold a school council session on the policy',
        ownerRole: 'anti-bullying-lead',
        startDate: '2026-11-01',
        deadline: '2026-12-15',
        status: 'in-progress',
      },
    ],
    reviews: [
      {
        id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
        date: '2027-01-10',
        reviewerRole: 'headteacher',
        summary: 'On track.',
      },
    ],
    updatedAt: '2026-11-02T10:00:00Z',
  };
}

export function roundInput() {
  return {
    id: '2026-27-baseline',
    school: '123456',
    wave: 'baseline',
    opensOn: '2026-10-01',
    closesOn: '2026-10-31',
  };
}

/** A deep copy, so a test can change an example without touching another test's. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
