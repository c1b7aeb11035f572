/**
 * Stories of `<at-questionnaire>` (Storybook CSF3 for `@storybook/web-components-vite`).
 *
 * States are reached honestly: a page and answers come from a draft put into a `memoryStorage()`
 * (the element's real resume feature), with answers taken from the seeded synthetic cohort; the
 * error and confirmation stories press the buttons in a `play` function, as a pupil would.
 */
import { html } from 'lit';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import type { QuestionnaireDefinition } from '@all-together/model';
import { memoryStorage, type DraftStorage } from '../shared/storage.js';
import type { AtQuestionnaire } from './questionnaire.js';
import './at-questionnaire.js';

const SCHOOL = '900001';
const WAVE = 'baseline';

const definitions = {
  'pupil-ks1': getQuestionnaire('pupil-ks1'),
  'pupil-ks2': getQuestionnaire('pupil-ks2'),
  'pupil-secondary': getQuestionnaire('pupil-secondary'),
};

/** One synthetic pupil's answers to a definition, from the seeded cohort (never hand-typed). */
function cohortAnswers(id: keyof typeof definitions): Record<string, string | string[]> {
  const cohort = generateCohort({ seed: 7, schools: 4, definitions });
  const response = cohort.responses.find(
    (r) => r.definition.id === id && Object.keys(r.answers).length > 3,
  );
  return (response?.answers ?? {}) as Record<string, string | string[]>;
}

/** A storage holding a draft at `view`/`page`, as the element itself saves it. */
function draft(
  definition: QuestionnaireDefinition,
  view: 'question' | 'check',
  page: string | undefined,
  answers: Record<string, string | string[]>,
): DraftStorage {
  const storage = memoryStorage();
  void storage.set(
    `at-questionnaire/draft/${definition.id}@${definition.version}/${SCHOOL}/${WAVE}/`,
    JSON.stringify({
      v: 1,
      id: crypto.randomUUID(),
      startedAt: new Date().toISOString(),
      savedAt: Date.now(),
      answers,
      view,
      page,
    }),
  );
  return storage;
}

interface Args {
  definition: unknown;
  storage?: DraftStorage;
  pageMode?: 'question' | 'section';
  autoRead?: boolean;
}

const render = (args: Args) =>
  html`<at-questionnaire
    .definition=${args.definition}
    school=${SCHOOL}
    wave=${WAVE}
    page-mode=${args.pageMode ?? 'question'}
    auto-read=${String(args.autoRead ?? false)}
    .storage=${args.storage ?? memoryStorage()}
    @at-exit=${(e: Event) => e.preventDefault()}
  ></at-questionnaire>`;

/** Presses a button of the element in the story's canvas, as a pupil would. */
async function press(canvas: HTMLElement, label: string): Promise<void> {
  const el = canvas.querySelector<AtQuestionnaire>('at-questionnaire')!;
  await el.updateComplete;
  [...el.shadowRoot!.querySelectorAll('button')]
    .find((b) => b.textContent!.trim().startsWith(label))
    ?.click();
  await el.updateComplete;
}

export default {
  title: 'Elements/at-questionnaire',
  component: 'at-questionnaire',
  render,
  parameters: { a11y: { test: 'error' } },
};

const ks2 = definitions['pupil-ks2'];
const ks1 = definitions['pupil-ks1'];
const secondary = definitions['pupil-secondary'];
const firstItem = (d: QuestionnaireDefinition) => d.sections[0]!.items[0]!.id;

/** The start page: what it is about, bullying, how long, anonymous; Start and "I don't want to". */
export const StartPage = { args: { definition: ks2 } };

/** Mid-way through KS2, resumed from a draft. */
export const MidWay = {
  args: {
    definition: ks2,
    storage: draft(
      ks2,
      'question',
      `i:${ks2.sections[2]!.items[0]!.id}`,
      cohortAnswers('pupil-ks2'),
    ),
  },
};

/** A required question left empty: the error summary takes focus (the definition marks it required). */
export const ErrorsShown = {
  args: {
    definition: (() => {
      const d = structuredClone(ks2) as QuestionnaireDefinition;
      (d.sections[0]!.items[0] as { required: boolean }).required = true;
      return d;
    })(),
    storage: draft(ks2, 'question', `i:${firstItem(ks2)}`, {}),
  },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) =>
    press(canvasElement, 'Continue'),
};

/** Check your answers, with Change links. */
export const CheckAnswers = {
  args: { definition: ks2, storage: draft(ks2, 'check', undefined, cohortAnswers('pupil-ks2')) },
};

/** The confirmation page after sending (no endpoint: the host stores `at-submit`). */
export const Confirmation = {
  args: { definition: ks2, storage: draft(ks2, 'check', undefined, cohortAnswers('pupil-ks2')) },
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) =>
    press(canvasElement, 'Send my answers'),
};

/** KS1: faces with pictograms and text; read-aloud on each question (auto-read on for KS1). */
export const Ks1FacesWithReadAloud = {
  args: {
    definition: ks1,
    autoRead: true,
    storage: draft(
      ks1,
      'question',
      `i:${ks1.sections.flatMap((s) => s.items).find((i) => i.type === 'faces')!.id}`,
      {},
    ),
  },
};

/** Secondary: the free-text question with its warning and character count. */
export const Secondary = {
  args: {
    definition: secondary,
    storage: draft(
      secondary,
      'question',
      `i:${secondary.sections.flatMap((s) => s.items).find((i) => i.type === 'free-text')!.id}`,
      {},
    ),
  },
};

/** One section per page. */
export const SectionPerPage = {
  args: {
    definition: ks2,
    pageMode: 'section',
    storage: draft(ks2, 'question', `s:${ks2.sections[0]!.id}`, {}),
  },
};

/** An invalid definition: a kind message on screen, the exact problem in the console. */
export const InvalidDefinition = {
  args: {
    definition: (() => {
      const d = structuredClone(ks2) as QuestionnaireDefinition;
      (d.sections[0]!.items[0] as { options: unknown[] }).options = [];
      return d;
    })(),
  },
};

/** Right-to-left: the layout mirrors (logical properties). */
export const RightToLeft = {
  args: { definition: ks2, storage: draft(ks2, 'question', `i:${firstItem(ks2)}`, {}) },
  render: (args: Args) => html`<div dir="rtl">${render(args)}</div>`,
};
