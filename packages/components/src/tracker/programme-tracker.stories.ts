/**
 * Stories of `<at-programme-tracker>`, from the package's one tracker fixture set (a synthetic local
 * authority of 30 schools, one trust of 6, an empty year, data with mistakes): the same data the
 * element's tests and the strict-CSP run use.
 */
import { html } from 'lit';
import {
  emptyTracker,
  invalidTracker,
  laTracker,
  laTrackerWithReturns,
  trustTracker,
} from './test-helpers/tracker-data.js';
import type { ProgrammeTrackerInput } from '@all-together/model';
import './at-programme-tracker.js';

const meta = {
  title: 'Elements/at-programme-tracker',
  component: 'at-programme-tracker',
  parameters: { a11y: { test: 'error' }, layout: 'padded' },
};
export default meta;

/**
 * A local authority's programme year: 30 schools at mixed stages, some in two trusts (one across
 * two LAs), 6 stalled and 7 overdue. Counts are as an LA sees them: closed rounds rounded to 5, open
 * rounds "or more" or "fewer than 10". School names link to `/schools/{urn}`.
 */
export const LocalAuthority = {
  render: () =>
    html`<at-programme-tracker
      .data=${laTracker()}
      href-template="/schools/{urn}"
    ></at-programme-tracker>`,
};

/**
 * The same year where the LA collects termly incident returns: a column says, for the spring
 * term, when each school submitted its return, or that it has not yet.
 */
export const WithIncidentReturns = {
  render: () =>
    html`<at-programme-tracker
      .data=${laTrackerWithReturns()}
      href-template="/schools/{urn}"
    ></at-programme-tracker>`,
};

/** A trust's 6 academies, across two local authorities. Names are buttons (`at-school-select`). */
export const Trust = {
  render: () => html`<at-programme-tracker .data=${trustTracker()}></at-programme-tracker>`,
};

/** A programme year with no schools enrolled yet. */
export const Empty = {
  render: () => html`<at-programme-tracker .data=${emptyTracker()}></at-programme-tracker>`,
};

/** Data with mistakes: the element lists each problem with its path instead of a table. */
export const BadData = {
  render: () =>
    html`<at-programme-tracker
      .data=${invalidTracker() as ProgrammeTrackerInput}
    ></at-programme-tracker>`,
};

/** Before the host has given any data. */
export const Waiting = {
  render: () => html`<at-programme-tracker></at-programme-tracker>`,
};
