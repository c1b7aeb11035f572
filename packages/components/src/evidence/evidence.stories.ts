/**
 * Stories of `<at-evidence>`: the package's one fixture set (empty, partial, complete, invalid),
 * synthetic and with no pupil in it.
 */
import { html } from 'lit';
import {
  actions,
  areas,
  completeItems,
  invalidItems,
  partialItems,
} from './test-helpers/evidence-data.js';
import './at-evidence.js';

const meta = {
  title: 'Elements/at-evidence',
  component: 'at-evidence',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** A portfolio just started: the form, and the note not to upload anything about a pupil. */
export const Empty = {
  render: () => html`<at-evidence .items=${[]} .areas=${areas} .actions=${actions}></at-evidence>`,
};

/** Two items, one with a file (a download link) and one with a link. */
export const Partial = {
  render: () =>
    html`<at-evidence
      .items=${partialItems}
      .areas=${areas}
      .actions=${actions}
      file-href="#file-{id}"
    ></at-evidence>`,
};

/** An item in every area and one for an action. */
export const Complete = {
  render: () =>
    html`<at-evidence
      .items=${completeItems}
      .areas=${areas}
      .actions=${actions}
      file-href="#file-{id}"
    ></at-evidence>`,
};

/** Submitted for moderation: the list only, as a moderator sees it. */
export const ReadOnly = {
  render: () =>
    html`<at-evidence
      readonly
      .items=${completeItems}
      .areas=${areas}
      .actions=${actions}
      file-href="#file-{id}"
    ></at-evidence>`,
};

/** Data with problems: a kind message, the paths on the console. */
export const Invalid = {
  render: () =>
    html`<at-evidence
      .items=${invalidItems as never}
      .areas=${areas}
      .actions=${actions}
    ></at-evidence>`,
};
