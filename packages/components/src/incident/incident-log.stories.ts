/**
 * Stories of `<at-incident-log>`: empty, a year of records, links, and invalid data. Synthetic, with
 * no pupil in it.
 */
import { html } from 'lit';
import { incidents, invalidIncidents } from './test-helpers/incident-data.js';
import './at-incident-log.js';

const meta = {
  title: 'Elements/at-incident-log',
  component: 'at-incident-log',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** Nothing recorded yet. */
export const Empty = {
  render: () => html`<at-incident-log .incidents=${[]}></at-incident-log>`,
};

/** A programme year of records: the trend per term, the filters and the live count. */
export const Year = {
  render: () => html`<at-incident-log .incidents=${incidents}></at-incident-log>`,
};

/** Records open as links (`href-template`). */
export const Links = {
  render: () =>
    html`<at-incident-log
      .incidents=${incidents}
      href-template="#incidents/{id}"
    ></at-incident-log>`,
};

/** Data with problems: every problem listed with where it is. */
export const Invalid = {
  render: () => html`<at-incident-log .incidents=${invalidIncidents as never}></at-incident-log>`,
};
