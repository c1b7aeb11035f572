// Stories of <at-progress>: every state the element can be in, with positions taken from the
// programme's real questionnaires and their fixtures (never hand-typed figures).
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  QuestionnaireResponse,
  visibleItems,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import ks2Partial from '@all-together/questionnaires/fixtures/pupil-ks2/1.0.0/partial.json' with { type: 'json' };
import './at-progress.js';

interface ProgressArgs {
  readonly current: number;
  readonly total: number;
}

/** How many questions a pupil with these answers is shown (follow-ups open as they answer). */
const questionsShown = (
  definition: QuestionnaireDefinition,
  answers: QuestionnaireResponse['answers'],
) => visibleItems(definition, answers).length;

const ks1 = getQuestionnaire('pupil-ks1');
const ks2 = getQuestionnaire('pupil-ks2');
const secondary = getQuestionnaire('pupil-secondary');
// Parsed at the boundary, as an app would: the fixture says it is valid, and the schema agrees.
const partway = QuestionnaireResponse.parse(ks2Partial.response);
const ks2Total = questionsShown(ks2, {});
/** The position of the `partial` fixture: the first question after the last one answered. */
const ks2Partway = Math.min(
  visibleItems(ks2, partway.answers).filter((item) => item.id in partway.answers).length + 1,
  questionsShown(ks2, partway.answers),
);

const meta = {
  title: 'Elements/at-progress',
  component: 'at-progress',
  render: ({ current, total }) =>
    html`<at-progress .current=${current} .total=${total}></at-progress>`,
  args: { current: 1, total: ks2Total },
  parameters: {
    docs: {
      description: {
        component:
          'Positions come from the programme’s questionnaires (`pupil-ks1`, `pupil-ks2`, `pupil-secondary`) and the `pupil-ks2` fixtures.',
      },
    },
  },
} satisfies Meta<ProgressArgs>;

export default meta;
type Story = StoryObj<ProgressArgs>;

/** The first question of the KS2 questionnaire. */
export const FirstQuestion: Story = {};

/** Where the KS2 `partial` fixture leaves a pupil: the question after the last one answered. */
export const Partway: Story = {
  args: { current: ks2Partway, total: questionsShown(ks2, partway.answers) },
};

/** The last question: the bar is full. */
export const LastQuestion: Story = {
  args: { current: ks2Total, total: ks2Total },
};

/** The KS1 questionnaire is short: each step moves the bar a long way. */
export const ShortQuestionnaire: Story = {
  args: { current: 2, total: questionsShown(ks1, {}) },
};

/** The secondary questionnaire, halfway. */
export const LongQuestionnaire: Story = {
  args: {
    current: Math.ceil(questionsShown(secondary, {}) / 2),
    total: questionsShown(secondary, {}),
  },
};

/** A questionnaire of one question. */
export const SingleQuestion: Story = {
  args: { current: 1, total: 1 },
};

/** `current` beyond `total` is clamped: progress is never overstated. */
export const CurrentBeyondTotal: Story = {
  args: { current: ks2Total + 5, total: ks2Total },
};

/** A fractional position is rounded down. */
export const FractionalPosition: Story = {
  args: { current: ks2Partway + 0.7, total: ks2Total },
};

/** Big numbers are formatted for the language ("1,250"). */
export const LargeNumbers: Story = {
  args: { current: ks2Total * 50, total: ks2Total * 80 },
};

/**
 * No total (or a total below 1): the element renders nothing rather than "Question 0 of 0". The
 * story is intentionally empty.
 */
export const NoTotal: Story = {
  args: { current: 1, total: 0 },
};

/** A value that is not a number: nothing is rendered rather than something misleading. */
export const NotANumber: Story = {
  args: { current: Number.NaN, total: ks2Total },
};

/** Set through attributes, as plain HTML would. */
export const FromAttributes: Story = {
  render: ({ current, total }) =>
    html`<at-progress current=${String(current)} total=${String(total)}></at-progress>`,
  args: { current: ks2Partway, total: ks2Total },
};
