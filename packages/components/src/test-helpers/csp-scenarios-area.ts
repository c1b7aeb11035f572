/**
 * The strict-CSP scenarios (reliability.md W3) of the elements an LA or trust embeds: the
 * programme tracker, the evidence portfolio, the moderation view, the incident log and form. The
 * registry and the pupils' and leads' elements are in `csp-scenarios.ts`, which runs these.
 *
 * @module
 */
import { html, render } from 'lit';
import { text } from '../questionnaire/test-helpers/drive.js';
import type { CspContext } from './csp-context.js';

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

// ---- <at-programme-tracker> (waiting, full, filtered, sorted, nothing found, empty, invalid, CSV) -

export async function trackerStates(root: HTMLElement): Promise<string[]> {
  const data = await import('../tracker/test-helpers/tracker-data.js');
  const states: string[] = [];
  render(html``, root);
  render(html`<at-programme-tracker href-template="/schools/{urn}"></at-programme-tracker>`, root);
  const el = root.querySelector('at-programme-tracker') as HTMLElement & {
    updateComplete: Promise<unknown>;
    data: unknown;
  };
  const shadow = () => el.shadowRoot!;
  const step = async (name: string, what: () => string) => {
    await el.updateComplete;
    await nextFrame();
    states.push(`${name}: ${what()}`);
  };
  const rows = () => `${shadow().querySelectorAll('tbody tr').length} rows`;
  const status = () => text(shadow().querySelector('[role=status], [role=alert], .inset'));
  await step('waiting', status);
  el.data = data.laTracker();
  await step('full', rows);
  const flag = shadow().querySelector<HTMLSelectElement>('#tracker-flag')!;
  flag.value = 'stalled';
  flag.dispatchEvent(new Event('change'));
  await step('stalled', rows);
  shadow().querySelector<HTMLButtonElement>('button[data-sort=stage]')!.click();
  await step('sorted by stage', rows);
  let csv = '';
  el.addEventListener(
    'at-tracker-download',
    (e) => {
      csv = (e as CustomEvent<{ csv: string }>).detail.csv;
      e.preventDefault();
    },
    { once: true },
  );
  shadow().querySelector<HTMLButtonElement>('#tracker-download')!.click();
  await step('csv', () => `${csv.split('\r\n').length - 2} rows`);
  const search = shadow().querySelector<HTMLInputElement>('#tracker-search')!;
  search.value = 'no such school';
  search.dispatchEvent(new Event('input'));
  await step('nothing found', status);
  el.data = data.emptyTracker();
  await step('empty', status);
  const error = console.error;
  console.error = () => undefined; // the element logs the invalid data's paths, as it should
  try {
    el.data = data.invalidTracker();
    await step('invalid', status);
  } finally {
    console.error = error;
  }
  return states;
}

// ---- <at-evidence> and <at-moderation> --------------------------------------------------------

type Shadowed = HTMLElement & { updateComplete: Promise<unknown> };
const settle = async (el: Shadowed) => {
  await el.updateComplete;
  await nextFrame();
};

export async function evidenceStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  const data = context.extra('moderation') as { items: unknown[]; areas: unknown[] };
  const states: string[] = [];
  render(html``, root);
  render(html`<at-evidence .items=${[]} .areas=${data.areas}></at-evidence>`, root);
  const el = root.querySelector('at-evidence') as Shadowed & {
    items: unknown;
    readonly: boolean;
    error: string;
  };
  await settle(el);
  states.push('empty');
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
  states.push(`errors: ${text(el.shadowRoot!.querySelector('#ev-errors')).slice(0, 30)}`);
  el.items = data.items;
  el.error = 'A refusal from the server.';
  await settle(el);
  states.push('complete with a refusal');
  el.readonly = true;
  await settle(el);
  states.push('read-only');
  el.items = [{ id: 'not an item' }];
  await settle(el);
  states.push('invalid');
  return states;
}

export async function moderationStates(root: HTMLElement, context: CspContext): Promise<string[]> {
  const data = context.extra('moderation') as {
    recommendation: unknown;
    items: unknown[];
    areas: unknown[];
    decisions: unknown[];
  };
  const states: string[] = [];
  render(html``, root);
  render(
    html`<at-moderation
      school="Oakfield Primary (synthetic)"
      .recommendation=${data.recommendation}
      .evidence=${data.items}
      .areas=${data.areas}
      can-decide
      ><p slot="outcomes">Outcomes</p></at-moderation
    >`,
    root,
  );
  const el = root.querySelector('at-moderation') as Shadowed & {
    decisions: unknown;
    canDecide: boolean;
  };
  await settle(el);
  states.push('to decide');
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
  states.push(`errors: ${text(el.shadowRoot!.querySelector('#mod-errors')).slice(0, 30)}`);
  el.decisions = data.decisions;
  el.canDecide = false;
  await settle(el);
  states.push('decided');
  return states;
}

// ---- <at-incident-log> ----------------------------------------------------------------------

export async function incidentLogStates(root: HTMLElement): Promise<string[]> {
  const { incidents } = await import('../incident/test-helpers/incident-data.js');
  const states: string[] = [];
  render(html``, root);
  render(html`<at-incident-log .incidents=${[]}></at-incident-log>`, root);
  const el = root.querySelector('at-incident-log') as Shadowed & { incidents: unknown };
  await settle(el);
  states.push('empty');
  el.incidents = incidents;
  await settle(el);
  states.push(`records: ${text(el.shadowRoot!.querySelector('#il-count'))}`);
  const status = el.shadowRoot!.querySelector<HTMLSelectElement>('#il-status')!;
  status.value = 'allegation';
  status.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
  states.push(`filtered: ${text(el.shadowRoot!.querySelector('#il-count'))}`);
  el.incidents = [{ id: 'not a record' }];
  await settle(el);
  states.push('invalid');
  return states;
}

// ---- <at-incident-form> ---------------------------------------------------------------------

export async function incidentFormStates(root: HTMLElement): Promise<string[]> {
  const { incidents } = await import('../incident/test-helpers/incident-data.js');
  const states: string[] = [];
  render(html``, root);
  render(html`<at-incident-form school="100001" today="2026-12-06"></at-incident-form>`, root);
  const el = root.querySelector('at-incident-form') as Shadowed & { record: unknown };
  await settle(el);
  const shadow = el.shadowRoot!;
  shadow.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(el);
  states.push(`errors: ${shadow.querySelectorAll('#if-errors li').length}`);
  shadow.querySelector<HTMLInputElement>('#if-status-substantiated')!.click();
  await settle(el);
  shadow.querySelector<HTMLInputElement>('#if-safeguarding-yes')!.click();
  await settle(el);
  states.push(`details: ${text(shadow.querySelector('[part~=safeguarding]')).slice(0, 30)}`);
  el.record = incidents[2];
  await settle(el);
  states.push(`record: ${text(shadow.querySelector('h1'))}`);
  el.record = { id: 'not a record' };
  await settle(el);
  states.push('invalid');
  return states;
}
