/**
 * UI strings of `<at-moderation>`: the keys, their parameters, and the British English text.
 * Outcomes and levels are chosen through complete, typed tables in `moderation.ts`.
 *
 * @module
 */
import type { Message } from '../shared/i18n.js';

type None = Record<string, never>;

/** The parameters each `<at-moderation>` string takes. */
export interface ModerationStringParams {
  readonly moderationHeading: { readonly school: string };
  readonly moderationOutcomesHeading: None;
  readonly moderationOutcomesHint: None;
  readonly moderationDecisionsHeading: None;
  readonly moderationNoDecisions: None;
  /** "Changed the level: Bronze". */
  readonly moderationDecided: { readonly outcome: string; readonly level: string };
  /** "by Sam Moderator on 6 Dec 2026". */
  readonly moderationDecidedBy: { readonly who: string; readonly date: string };
  readonly moderationSignOffWaiting: None;
  readonly moderationSignedOff: { readonly who: string; readonly date: string };
  readonly moderationDecideHeading: None;
  readonly moderationSupports: { readonly level: string };
  readonly moderationSupportsIfJudged: { readonly level: string; readonly judged: string };
  readonly moderationOutcomeLegend: None;
  readonly moderationOutcomeConfirm: { readonly level: string };
  readonly moderationOutcomeChange: None;
  readonly moderationOutcomeParticipation: None;
  readonly moderationOutcomeMoreEvidence: None;
  readonly moderationLevel: None;
  readonly moderationLevelHint: None;
  readonly moderationReasons: None;
  readonly moderationReasonsHint: None;
  readonly moderationSecond: None;
  readonly moderationRecord: None;
  readonly moderationChoose: None;
  readonly moderationLevelParticipation: None;
  readonly moderationLevelBronze: None;
  readonly moderationLevelSilver: None;
  readonly moderationLevelGold: None;
  readonly moderationErrorTitle: None;
  readonly moderationErrorPrefix: None;
  readonly moderationErrorOutcome: None;
  readonly moderationErrorLevel: None;
  readonly moderationErrorSameLevel: None;
  readonly moderationErrorReasons: { readonly chars: number; readonly words: number };
}

/** `<at-moderation>` strings, as the shared table holds them. */
export type ModerationStrings = { readonly [K in keyof ModerationStringParams]: Message };

/** British English. */
export const moderationStrings: ModerationStrings = {
  moderationHeading: 'Moderation: {school}',
  moderationOutcomesHeading: 'The 360° view and pupil outcomes',
  moderationOutcomesHint:
    'The audit at both times and the published pupil figures the recommendation rests on. Small groups are hidden to protect pupils.',
  moderationDecisionsHeading: 'Decisions',
  moderationNoDecisions: 'No decision yet.',
  moderationDecided: '{outcome}: {level}',
  moderationDecidedBy: 'by {who} on {date}',
  moderationSignOffWaiting: 'Waiting for a second moderator to sign off.',
  moderationSignedOff: 'Signed off by {who} on {date}.',
  moderationDecideHeading: 'Your decision',
  moderationSupports: 'The figures alone support {level}.',
  moderationSupportsIfJudged:
    'The figures alone support {level}; {judged} if you judge every open criterion met (change the level to award it).',
  moderationOutcomeLegend: 'What do you decide?',
  moderationOutcomeConfirm: 'Confirm the recommendation: {level}',
  moderationOutcomeChange: 'Change the level',
  moderationOutcomeParticipation: 'Certificate of participation',
  moderationOutcomeMoreEvidence: 'Ask for more evidence',
  moderationLevel: 'Level you award',
  moderationLevelHint: 'Only when you change the level.',
  moderationReasons: 'Your reasons',
  moderationReasonsHint: 'The school reads them. Refer to the criteria and the evidence.',
  moderationSecond: 'Ask a second moderator to sign off',
  moderationRecord: 'Record the decision',
  moderationChoose: 'Choose a level',
  moderationLevelParticipation: 'Certificate of participation',
  moderationLevelBronze: 'Bronze',
  moderationLevelSilver: 'Silver',
  moderationLevelGold: 'Gold',
  moderationErrorTitle: 'There is a problem',
  moderationErrorPrefix: 'Error:',
  moderationErrorOutcome: 'Choose what you decide.',
  moderationErrorLevel: 'Choose the level you award.',
  moderationErrorSameLevel: 'That is the recommended level: choose “Confirm the recommendation”.',
  moderationErrorReasons: 'Write your reasons in at least {chars} characters and {words} words.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends ModerationStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends ModerationStringParams {}
}
