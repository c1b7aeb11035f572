/**
 * Stories of `<at-audit>`, built from package data: the shipped audit definition, responses and
 * perception summaries generated from seeds (see `test-helpers/audit-data.ts`). No hand-typed figures.
 */
import { html } from 'lit';
import { agreementGapsPublished } from '@all-together/scoring';
import { memoryStorage } from '../shared/storage.js';
import {
  audit,
  auditStorageAt,
  generateAuditResponse,
  generatePublishedPerception,
  SCHOOL,
} from '../test-helpers/audit-data.js';
import './at-audit.js';

const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const partial = generateAuditResponse(audit, {
  seed: 3,
  wave: 'baseline',
  rated: 12,
  completed: false,
});
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
// Published by scoring from the surveys' summaries: people counted, the 4 governors hidden ([c]).
const perception = generatePublishedPerception(7);
// The first statement the end audit rates Fully met where a group agrees less: found by scoring.
const gap = agreementGapsPublished(audit, end, perception).find((g) => g.gap);

const shadow = (canvas: HTMLElement) => canvas.querySelector('at-audit')!.shadowRoot!;

const meta = {
  title: 'Elements/at-audit',
  component: 'at-audit',
  parameters: { a11y: { test: 'error' } },
};
export default meta;

/** The task list: six areas with their status and progress. */
export const Overview = {
  render: () =>
    html`<at-audit
      .definition=${audit}
      school=${SCHOOL}
      .response=${partial}
      .storage=${memoryStorage()}
    ></at-audit>`,
};

/** One statement: the three level descriptors and Don't know as radios, guidance, evidence. */
export const Statement = {
  render: () =>
    html`<at-audit
      .definition=${audit}
      school=${SCHOOL}
      .response=${partial}
      .storage=${auditStorageAt(partial, { page: 'statement', id: '1.4' })}
    ></at-audit>`,
};

/** The guidance disclosed. */
export const GuidanceOpen = {
  ...Statement,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await customElements.whenDefined('at-audit');
    await new Promise((r) => setTimeout(r, 50));
    shadow(canvasElement).querySelector<HTMLElement>('details summary')?.click();
  },
};

/** A link that is not allowed: the error summary takes focus and the typing is kept. */
export const EvidenceError = {
  ...Statement,
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    await customElements.whenDefined('at-audit');
    await new Promise((r) => setTimeout(r, 50));
    const root = shadow(canvasElement);
    const url = root.querySelector<HTMLInputElement>('#evidence-url')!;
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('.evidence__form button[type=submit]')!.click();
  },
};

/** The end audit: the baseline rating beside the statement. */
export const BaselineAndEnd = {
  render: () =>
    html`<at-audit
      .definition=${audit}
      school=${SCHOOL}
      wave="end"
      .baseline=${baseline}
      .response=${end}
      .storage=${auditStorageAt(end, { page: 'statement', id: '2.3' })}
    ></at-audit>`,
};

/** The 360° view: a statement rated Fully met that a stakeholder group rates lower. */
export const Gaps360 = {
  render: () =>
    html`<at-audit
      .definition=${audit}
      school=${SCHOOL}
      wave="end"
      .baseline=${baseline}
      .response=${end}
      .perception=${perception}
      .storage=${auditStorageAt(end, { page: 'statement', id: gap?.statement ?? '1.1' })}
    ></at-audit>`,
};

/** The summary: area scores, rating counts and change since the baseline. */
export const Summary = {
  render: () =>
    html`<at-audit
      .definition=${audit}
      school=${SCHOOL}
      wave="end"
      .baseline=${baseline}
      .response=${end}
      .storage=${auditStorageAt(end, { page: 'summary' })}
    ></at-audit>`,
};

/** An invalid definition: a clear message on screen, the exact path in the console. */
export const InvalidDefinition = {
  render: () =>
    html`<at-audit
      .definition=${{ ...audit, areas: [] }}
      school=${SCHOOL}
      .storage=${memoryStorage()}
    ></at-audit>`,
};

/** Right to left: the layout mirrors (logical properties throughout). */
export const RightToLeft = {
  render: () =>
    html`<div dir="rtl">
      <at-audit
        .definition=${audit}
        school=${SCHOOL}
        .response=${partial}
        .perception=${perception}
        .storage=${auditStorageAt(partial, { page: 'statement', id: '1.1' })}
      ></at-audit>
    </div>`,
};
