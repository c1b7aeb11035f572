/**
 * The events of `<at-questionnaire>`: `CustomEvent`s whose `detail` carries the payload. All
 * bubble and are composed, fire on a person's action only (never when code sets a property), and
 * carry no answer except `at-submit` (reliability.md W5).
 *
 * The payload's fields are also readable on the event itself (`event.responseId`), as in earlier
 * releases; read `event.detail` in new code.
 *
 * @module
 */
import type { QuestionnaireResponse } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

export { AtExitEvent, type AtExitDetail } from '../exit/exit-this-page.events.js';

/** Which screen the questionnaire shows. */
export type QuestionnaireView = 'start' | 'question' | 'check' | 'done' | 'declined';

/** `detail` of `at-start`. */
export interface AtStartDetail {
  /** The definition's id. */
  readonly definitionId: string;
  /** The definition's version. */
  readonly version: string;
}

/** The person pressed Start: a draft (and its response id) now exists. */
export class AtStartEvent extends AtEvent<AtStartDetail> {
  static readonly type = 'at-start';
  constructor(definitionId: string, version: string) {
    super(AtStartEvent.type, { definitionId, version });
  }
  /** @deprecated Read `detail.definitionId`. */
  get definitionId(): string {
    return this.detail.definitionId;
  }
  /** @deprecated Read `detail.version`. */
  get version(): string {
    return this.detail.version;
  }
}

/** `detail` of `at-answer`: the item and where it is, never the value. */
export interface AtAnswerDetail {
  /** The item's id. */
  readonly itemId: string;
  /** The page it is on, from 1. */
  readonly page: number;
  /** How many question pages there are now. */
  readonly pageCount: number;
}

/** The person answered (or changed an answer to) an item. Carries the item id, never the value. */
export class AtAnswerEvent extends AtEvent<AtAnswerDetail> {
  static readonly type = 'at-answer';
  constructor(itemId: string, page: number, pageCount: number) {
    super(AtAnswerEvent.type, { itemId, page, pageCount });
  }
  /** @deprecated Read `detail.itemId`. */
  get itemId(): string {
    return this.detail.itemId;
  }
  /** @deprecated Read `detail.page`. */
  get page(): number {
    return this.detail.page;
  }
  /** @deprecated Read `detail.pageCount`. */
  get pageCount(): number {
    return this.detail.pageCount;
  }
}

/** `detail` of `at-page`. */
export interface AtPageDetail {
  /** The screen now shown. */
  readonly view: QuestionnaireView;
  /** The question page, from 1 (0 on other screens). */
  readonly page: number;
  /** How many question pages there are now. */
  readonly pageCount: number;
}

/** The person moved to another screen (Continue, Back, Skip, Change, Start, browser Back). */
export class AtPageEvent extends AtEvent<AtPageDetail> {
  static readonly type = 'at-page';
  constructor(view: QuestionnaireView, page: number, pageCount: number) {
    super(AtPageEvent.type, { view, page, pageCount });
  }
  /** @deprecated Read `detail.view`. */
  get view(): QuestionnaireView {
    return this.detail.view;
  }
  /** @deprecated Read `detail.page`. */
  get page(): number {
    return this.detail.page;
  }
  /** @deprecated Read `detail.pageCount`. */
  get pageCount(): number {
    return this.detail.pageCount;
  }
}

/** `detail` of `at-submit`. */
export interface AtSubmitDetail {
  /** The validated response. */
  readonly response: QuestionnaireResponse;
  /** The response's id (a random UUID made on the device; send it as `Idempotency-Key`). */
  readonly responseId: string;
}

/** The person sent their answers: the response, validated with the model's `validateResponse`. */
export class AtSubmitEvent extends AtEvent<AtSubmitDetail> {
  static readonly type = 'at-submit';
  constructor(response: QuestionnaireResponse) {
    super(AtSubmitEvent.type, { response, responseId: response.id });
  }
  /** @deprecated Read `detail.response`. */
  get response(): QuestionnaireResponse {
    return this.detail.response;
  }
  /** @deprecated Read `detail.responseId`. */
  get responseId(): string {
    return this.detail.responseId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-start': AtStartEvent;
    'at-answer': AtAnswerEvent;
    'at-page': AtPageEvent;
    'at-submit': AtSubmitEvent;
  }
}
