/**
 * Stories of `<at-incident-form>`: a new allegation, a bullying incident being recorded, a locked
 * record, and invalid data. Synthetic, with no pupil in it; drafts are kept in memory here.
 */
import { html } from 'lit';
import { memoryStorage } from '../shared/storage.js';
import { incidents } from './test-helpers/incident-data.js';
import './at-incident-form.js';

const meta = {
  title: 'Elements/at-incident-form',
  component: 'at-incident-form',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** A new allegation: the notice not to write names comes first. Press Save to see the error summary. */
export const NewAllegation = {
  render: () =>
    html`<at-incident-form school="100001" .storage=${memoryStorage()}></at-incident-form>`,
};

/** A stored record found to be bullying, prejudice-related: every section of the incident open. */
export const BullyingIncident = {
  render: () =>
    html`<at-incident-form
      school="100001"
      dsl-href="#safeguarding"
      .storage=${memoryStorage()}
      .record=${incidents[2]}
    ></at-incident-form>`,
};

/** A record whose term's return is submitted: shown, nothing can change. */
export const Locked = {
  render: () =>
    html`<at-incident-form
      school="100001"
      locked
      .storage=${memoryStorage()}
      .record=${incidents[0]}
    ></at-incident-form>`,
};

/** Data with problems: every problem listed with where it is, and no form. */
export const Invalid = {
  render: () =>
    html`<at-incident-form
      school="100001"
      .storage=${memoryStorage()}
      .record=${{ ...incidents[0]!, status: 'maybe' } as never}
    ></at-incident-form>`,
};
