/**
 * Helpers shared by the `<at-questionnaire>` tests and stories: drive the element the way a person
 * does (clicks and keys), read its shadow tree as text. Not shipped.
 *
 * @module
 */
import type { AtQuestionnaire } from '../questionnaire.js';

/** Text of a node, whitespace collapsed. */
export const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The first element in the shadow tree matching `selector`. */
export const $ = <T extends Element = HTMLElement>(el: AtQuestionnaire, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Every element in the shadow tree matching `selector`. */
export const $$ = <T extends Element = HTMLElement>(el: AtQuestionnaire, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** The button whose text starts with `label` (Exit this page's too, in its own shadow root). */
export const button = (el: AtQuestionnaire, label: string) =>
  [
    ...$$<HTMLButtonElement>(el, 'button'),
    ...($(el, 'at-exit-this-page')?.shadowRoot?.querySelectorAll('button') ?? []),
  ].find((b) => text(b).startsWith(label));

/** Clicks the button whose text starts with `label` and waits for the update. */
export async function press(el: AtQuestionnaire, label: string): Promise<void> {
  const b = button(el, label);
  if (!b) throw new Error(`No button "${label}" on this page: ${text($(el, 'h1'))}`);
  b.click();
  await el.updateComplete;
}

/** The page's main heading. */
export const heading = (el: AtQuestionnaire) => text($(el, 'h1'));

/** The element focused inside every shadow root. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Answers every question on the page from `answers` (item id → value(s)), by clicking. */
export async function answerPage(
  el: AtQuestionnaire,
  answers: Readonly<Record<string, string | readonly string[]>>,
): Promise<void> {
  for (const input of $$<HTMLInputElement>(el, 'input')) {
    const item = input.name;
    const want = answers[item];
    const values = typeof want === 'string' ? [want] : (want ?? []);
    if (values.includes(input.value) !== input.checked) input.click();
  }
  for (const area of $$<HTMLTextAreaElement>(el, 'textarea')) {
    const want = answers[area.id.replace(/^q-/, '').replace(/-0$/, '')];
    if (typeof want === 'string') {
      area.value = want;
      area.dispatchEvent(new Event('input'));
      area.dispatchEvent(new Event('change'));
    }
  }
  await el.updateComplete;
}

/** Which screen is shown: start, question, check, done or declined (from the headings). */
export function screen(el: AtQuestionnaire): string {
  const panel = $(el, '.panel');
  if (panel) return panel.dataset['state'] === 'declined' ? 'declined' : 'done';
  if ($(el, '.summary')) return 'check';
  if ($(el, 'at-progress')) return 'question';
  if (button(el, 'Start now')) return 'start';
  return 'other';
}
