/**
 * The events of `<at-questionnaire>`. All bubble and are composed, fire on a person's action only
 * (never when code sets a property), and carry no answer except `at-submit` (reliability.md W5).
 *
 * @module
 */
import type { QuestionnaireResponse } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** Which screen the questionnaire shows. */
export type QuestionnaireView = 'start' | 'question' | 'check' | 'done' | 'declined';

/** The person pressed Start: a draft (and its response id) now exists. */
export class AtStartEvent extends AtEvent {
  static readonly type = 'at-start';
  constructor(
    /** The definition's id. */
    readonly definitionId: string,
    /** The definition's version. */
    readonly version: string,
  ) {
    super(AtStartEvent.type);
  }
}

/** The person answered (or changed an answer to) an item. Carries the item id, never the value. */
export class AtAnswerEvent extends AtEvent {
  static readonly type = 'at-answer';
  constructor(
    /** The item's id. */
    readonly itemId: string,
    /** The page it is on, from 1. */
    readonly page: number,
    /** How many question pages there are now. */
    readonly pageCount: number,
  ) {
    super(AtAnswerEvent.type);
  }
}

/** The person moved to another screen (Continue, Back, Skip, Change, Start). */
export class AtPageEvent extends AtEvent {
  static readonly type = 'at-page';
  constructor(
    /** The screen now shown. */
    readonly view: QuestionnaireView,
    /** The question page, from 1 (0 on other screens). */
    readonly page: number,
    /** How many question pages there are now. */
    readonly pageCount: number,
  ) {
    super(AtPageEvent.type);
  }
}

/** The person sent their answers: the response, validated with the model's `validateResponse`. */
export class AtSubmitEvent extends AtEvent {
  static readonly type = 'at-submit';
  constructor(
    /** The validated response. */
    readonly response: QuestionnaireResponse,
  ) {
    super(AtSubmitEvent.type);
  }
  /** The response's id (a random UUID made on the device; send it as `Idempotency-Key`). */
  get responseId(): string {
    return this.response.id;
  }
}

/**
 * The person pressed Exit this page (or Shift three times). The draft is already cleared. Cancel it
 * (`preventDefault()`) to leave in your own way; otherwise the page is replaced by `url`.
 */
export class AtExitEvent extends AtEvent {
  static readonly type = 'at-exit';
  constructor(
    /** Where the page is about to go. */
    readonly url: string,
  ) {
    super(AtExitEvent.type, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-start': AtStartEvent;
    'at-answer': AtAnswerEvent;
    'at-page': AtPageEvent;
    'at-submit': AtSubmitEvent;
    'at-exit': AtExitEvent;
  }
}
