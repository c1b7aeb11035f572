/**
 * The event of `<at-exit-this-page>` (and of `<at-questionnaire>`, which shows one).
 *
 * @module
 */
import { AtEvent } from '../shared/events.js';

/** Where "Exit this page" goes unless the host says otherwise: a neutral page. */
export const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** `detail` of `at-exit`. */
export interface AtExitDetail {
  /** Where the page is about to go. */
  readonly url: string;
}

/**
 * The person pressed Exit this page (or Shift three times). Cancel it (`preventDefault()`) to
 * leave in your own way; otherwise the page is replaced by `detail.url` (`location.replace`, so
 * Back does not return to it).
 */
export class AtExitEvent extends AtEvent<AtExitDetail> {
  static readonly type = 'at-exit';
  constructor(url: string) {
    super(AtExitEvent.type, { url }, { cancelable: true });
  }
  /** @deprecated Read `detail.url`. */
  get url(): string {
    return this.detail.url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-exit': AtExitEvent;
  }
}
