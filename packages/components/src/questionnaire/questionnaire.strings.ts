/**
 * UI strings of `<at-questionnaire>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Question text is not here:
 * it lives, localised, in the questionnaire definition.
 *
 * @module
 */
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** The UI strings of `<at-questionnaire>`. */
export interface QuestionnaireStrings {
  /** Shown while a definition given by `src` is loading. */
  readonly questionnaireLoading: string;
  /** Heading shown when the definition (or the element's set-up) is not valid. */
  readonly questionnaireInvalidTitle: string;
  /** Body shown when the definition is not valid: kind, non-technical. */
  readonly questionnaireInvalidBody: string;
  /** Start page: heading above the definition of bullying. */
  readonly questionnaireBullyingHeading: string;
  /** Start page: how long it takes. Placeholder `{count}` (minutes). */
  readonly questionnaireMinutes: PluralMessage;
  /** Start page: heading above who sees the answers. */
  readonly questionnairePrivacyHeading: string;
  /** Start page: that it is anonymous (pupils' answers carry no name). */
  readonly questionnaireAnonymous: string;
  /** The button that starts the questionnaire. */
  readonly questionnaireStart: string;
  /** The button to decline, as prominent as Start (P5, P6). */
  readonly questionnaireDecline: string;
  /** Heading after declining. */
  readonly questionnaireDeclinedTitle: string;
  /** Body after declining: nothing was stored. */
  readonly questionnaireDeclinedBody: string;
  /** The Back button. */
  readonly questionnaireBack: string;
  /** The Continue button. */
  readonly questionnaireContinue: string;
  /** The Skip button, as prominent as Continue (P5). */
  readonly questionnaireSkip: string;
  /** The read-aloud button. */
  readonly questionnaireReadAloud: string;
  /** Shown beside Read aloud when the device cannot speak (A9): kind, with what to do instead. */
  readonly questionnaireReadAloudUnavailable: string;
  /** The short help line on every question page. */
  readonly questionnaireHelpLine: string;
  /** The Childline link of the help line. */
  readonly questionnaireHelpLineLink: string;
  /** Progress note: the last answer added questions. Placeholder `{count}`. */
  readonly questionnaireProgressMore: PluralMessage;
  /** Progress note: the last answer took questions away. Placeholder `{count}`. */
  readonly questionnaireProgressFewer: PluralMessage;
  /** Check answers page: every question was skipped (still allowed to send, P5). */
  readonly questionnaireNothingAnswered: string;
  /** Confirmation page heading while sending. */
  readonly questionnaireSendingTitle: string;
  /** Confirmation page heading when the answers wait on the device (offline). */
  readonly questionnaireQueuedTitle: string;
  /** Confirmation page heading when the service refused the answers. */
  readonly questionnaireRejectedTitle: string;
  /** Error summary title (A2). */
  readonly questionnaireErrorTitle: string;
  /** Visually hidden prefix of an inline error. */
  readonly questionnaireErrorPrefix: string;
  /** A required choice question was not answered. */
  readonly questionnaireErrorChoose: string;
  /** A required text question was not answered. */
  readonly questionnaireErrorText: string;
  /** Free text over its limit. Placeholder `{count}`. */
  readonly questionnaireErrorTooLong: PluralMessage;
  /** Too few options chosen. Placeholder `{count}`. */
  readonly questionnaireErrorMin: PluralMessage;
  /** Too many options chosen. Placeholder `{count}`. */
  readonly questionnaireErrorMax: PluralMessage;
  /** Character count: characters left. Placeholder `{count}`. */
  readonly questionnaireCharsLeft: PluralMessage;
  /** Character count: characters over the limit. Placeholder `{count}`. */
  readonly questionnaireCharsOver: PluralMessage;
  /** Check answers page heading. */
  readonly questionnaireCheckTitle: string;
  /** Shown for a question left unanswered. */
  readonly questionnaireNotAnswered: string;
  /** The Change link on the check answers page. */
  readonly questionnaireChange: string;
  /** Visually hidden end of the Change link. Placeholder `{question}`. */
  readonly questionnaireChangeHidden: string;
  /** The button that submits. */
  readonly questionnaireSubmit: string;
  /** Confirmation page heading. */
  readonly questionnaireDoneTitle: string;
  /** Status: the answers reached the school's service. */
  readonly questionnaireSent: string;
  /** Status: sending. */
  readonly questionnaireSending: string;
  /** Status: kept on this device until the device is online again (A7). */
  readonly questionnaireQueued: string;
  /** Status: handed to the page (no endpoint configured). */
  readonly questionnaireSaved: string;
  /** Status: the service refused the answers. */
  readonly questionnaireRejected: string;
  /** Shown when the response could not be built (a set-up problem). */
  readonly questionnaireSubmitFailed: string;
  /** Help heading on the confirmation page and in Get help. */
  readonly questionnaireHelpTitle: string;
  /** Always-present signpost (confirmation page). */
  readonly questionnaireHelpAdult: string;
  /** Childline phone link text. */
  readonly questionnaireChildlinePhone: string;
  /** Childline phone link target. */
  readonly questionnaireChildlinePhoneUrl: string;
  /** Childline web link text. */
  readonly questionnaireChildlineWeb: string;
  /** Childline web link target. */
  readonly questionnaireChildlineWebUrl: string;
  /** Progress in section-per-page mode. Placeholders `{current}`, `{total}` (sections shown). */
  readonly questionnaireSectionProgress: string;
  /** The answer-saved status after each answer (A7). */
  readonly questionnaireDraftSaved: string;
}

/** The parameters each `<at-questionnaire>` string takes. */
export type QuestionnaireStringParams = {
  readonly [
    K in Exclude<
      keyof QuestionnaireStrings,
      'questionnaireChangeHidden' | 'questionnaireSectionProgress'
    >
  ]: QuestionnaireStrings[K] extends PluralMessage ? { readonly count: number } : None;
} & {
  readonly questionnaireChangeHidden: { readonly question: string };
  readonly questionnaireSectionProgress: { readonly current: number; readonly total: number };
};

/** British English. */
export const questionnaireStrings: QuestionnaireStrings = {
  questionnaireLoading: 'Loading the questions…',
  questionnaireInvalidTitle: 'Sorry, these questions cannot be shown',
  questionnaireInvalidBody:
    'Something is wrong with how this page was set up. It is not your fault. Please tell your teacher or the person who sent you here.',
  questionnaireBullyingHeading: 'What is bullying?',
  questionnaireMinutes: {
    one: 'It takes about {count} minute.',
    other: 'It takes about {count} minutes.',
  },
  questionnairePrivacyHeading: 'Who sees your answers',
  questionnaireAnonymous:
    'You do not write your name. No one at school will know which answers are yours.',
  questionnaireStart: 'Start now',
  questionnaireDecline: "I don't want to take part",
  questionnaireDeclinedTitle: 'That is fine',
  questionnaireDeclinedBody: 'You do not have to take part. Nothing has been saved.',
  questionnaireBack: 'Back',
  questionnaireContinue: 'Continue',
  questionnaireSkip: 'Skip',
  questionnaireReadAloud: 'Read aloud',
  questionnaireReadAloudUnavailable:
    'Sorry, this device cannot read out loud. Ask an adult to read it with you.',
  questionnaireHelpLine: 'Worried? Tell an adult you trust.',
  questionnaireHelpLineLink: 'Or call Childline free on 0800 1111.',
  questionnaireProgressMore: {
    one: 'Your answer added {count} more question.',
    other: 'Your answer added {count} more questions.',
  },
  questionnaireProgressFewer: {
    one: 'Your answer means there is {count} question less.',
    other: 'Your answer means there are {count} fewer questions.',
  },
  questionnaireNothingAnswered:
    'You skipped all the questions. That is fine. You can still send this. Or go back and answer some.',
  questionnaireSendingTitle: 'Sending your answers',
  questionnaireQueuedTitle: 'Your answers are saved on this device',
  questionnaireRejectedTitle: 'Your answers could not be sent',
  questionnaireErrorTitle: 'There is a problem',
  questionnaireErrorPrefix: 'Error:',
  questionnaireErrorChoose: 'Choose an answer',
  questionnaireErrorText: 'Write an answer',
  questionnaireErrorTooLong: {
    one: 'Your answer must be {count} character or fewer',
    other: 'Your answer must be {count} characters or fewer',
  },
  questionnaireErrorMin: {
    one: 'Choose at least {count} answer',
    other: 'Choose at least {count} answers',
  },
  questionnaireErrorMax: {
    one: 'Choose no more than {count} answer',
    other: 'Choose no more than {count} answers',
  },
  questionnaireCharsLeft: {
    one: 'You have {count} character left',
    other: 'You have {count} characters left',
  },
  questionnaireCharsOver: {
    one: 'You have {count} character too many',
    other: 'You have {count} characters too many',
  },
  questionnaireCheckTitle: 'Check your answers',
  questionnaireNotAnswered: 'Not answered',
  questionnaireChange: 'Change',
  questionnaireChangeHidden: 'your answer to: {question}',
  questionnaireSubmit: 'Send my answers',
  questionnaireDoneTitle: 'Thank you',
  questionnaireSent: 'Your answers have been sent.',
  questionnaireSending: 'Sending your answers…',
  questionnaireQueued: 'They will send when this device is back online. You can close this page.',
  questionnaireSaved: 'Your answers have been saved.',
  questionnaireRejected: 'They are kept on this device for now. Please tell your teacher.',
  questionnaireSubmitFailed:
    'Sorry, this page has a problem. Your answers could not be sent. They are still here. Please tell your teacher.',
  questionnaireHelpTitle: 'Getting help',
  questionnaireHelpAdult:
    'If something worries you, tell an adult you trust. You can also talk to Childline for free.',
  questionnaireChildlinePhone: 'Call Childline on 0800 1111',
  questionnaireChildlinePhoneUrl: 'tel:08001111',
  questionnaireChildlineWeb: 'childline.org.uk',
  questionnaireChildlineWebUrl: 'https://www.childline.org.uk/',
  questionnaireSectionProgress: 'Section {current} of {total}',
  questionnaireDraftSaved: 'Answer saved',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends QuestionnaireStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends QuestionnaireStringParams {}
}
