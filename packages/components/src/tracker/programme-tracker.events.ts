/**
 * The events of `<at-programme-tracker>`.
 *
 * @module
 */
import type { Urn } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-school-select`. */
export interface AtSchoolSelectDetail {
  /** The school's URN. */
  readonly urn: Urn;
  /** Where the school's link goes (from `href-template`), or null when the name is a button. */
  readonly href: string | null;
}

/**
 * The viewer chose a school (its name, a link when the element has an `href-template`, otherwise a
 * button). Cancel it (`preventDefault()`) to stop the link and open the school in your own way.
 */
export class AtSchoolSelectEvent extends AtEvent<AtSchoolSelectDetail> {
  static readonly type = 'at-school-select';
  constructor(detail: AtSchoolSelectDetail) {
    super(AtSchoolSelectEvent.type, detail, { cancelable: true });
  }
}

/** `detail` of `at-tracker-download`. */
export interface AtTrackerDownloadDetail {
  /** The file name offered, `programme-tracker-2026-27.csv`. */
  readonly filename: string;
  /** The CSV text: a header row, then the schools shown, in the order shown. */
  readonly csv: string;
  /** How many schools the file holds. */
  readonly rows: number;
}

/**
 * The viewer pressed Download CSV. Cancel it (`preventDefault()`) to save or send `detail.csv` in
 * your own way; otherwise the browser downloads it.
 */
export class AtTrackerDownloadEvent extends AtEvent<AtTrackerDownloadDetail> {
  static readonly type = 'at-tracker-download';
  constructor(detail: AtTrackerDownloadDetail) {
    super(AtTrackerDownloadEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-school-select': AtSchoolSelectEvent;
    'at-tracker-download': AtTrackerDownloadEvent;
  }
}
