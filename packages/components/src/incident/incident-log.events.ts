/**
 * The events of `<at-incident-log>`.
 *
 * @module
 */
import type { IncidentRecord } from '@all-together/model';
import { AtEvent } from '../shared/events.js';

/** `detail` of `at-incident-select`: the record chosen. */
export interface AtIncidentSelectDetail {
  /** The record's id. */
  readonly id: string;
  /** The record, as the element parsed it. */
  readonly record: IncidentRecord;
  /** The link followed (`record-href` with the id), or null when the record is a button. */
  readonly href: string | null;
}

/**
 * A person chose a record in the log (its date, a link or a button). Without `record-href`, show
 * the record; with it, the link is followed unless you call `preventDefault()` on the event.
 */
export class AtIncidentSelectEvent extends AtEvent<AtIncidentSelectDetail> {
  static readonly type = 'at-incident-select';
  constructor(detail: AtIncidentSelectDetail) {
    super(AtIncidentSelectEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-incident-select': AtIncidentSelectEvent;
  }
}
