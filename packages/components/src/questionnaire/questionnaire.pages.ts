/**
 * What `<at-questionnaire>` works out from a definition and the answers so far, without a DOM: the
 * pages, where the pupil is, the problems with a page, and the response to send. The element
 * renders these; tests can call them directly.
 *
 * @module
 */
import type { Item, QuestionnaireDefinition, Section } from '@all-together/model';

/** An answer as the element keeps it: an option value, several, or text. */
export type Value = string | string[];

/** The answers so far, by item id. */
export type Answers = Readonly<Record<string, Value>>;

/** One page: one item (default) or one section's visible items. */
export interface Page {
  readonly key: string;
  readonly section: Section;
  readonly items: readonly Item[];
}

/** The model's rules the pages need (loaded on demand with zod, see `validation.ts`). */
export interface Rules {
  visibleItems(definition: QuestionnaireDefinition, answers: Answers): Item[];
  checkAnswer(item: Item, answer: Value, path: (string | number)[]): readonly unknown[];
}

/** A problem on a page: the item and what is wrong, as a message key and its count. */
export interface PageProblem {
  readonly item: string;
  readonly kind: 'choose' | 'text' | 'too-long' | 'too-few' | 'too-many';
  readonly count: number;
}

/** True for no answer: nothing chosen, or only spaces typed. */
export const isEmpty = (v: Value | undefined): boolean =>
  v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0);

/** The pages shown for these answers, in order (hidden items are left out). */
export function pagesOf(
  definition: QuestionnaireDefinition,
  answers: Answers,
  rules: Rules,
  mode: 'question' | 'section',
): Page[] {
  const shown = new Set(rules.visibleItems(definition, answers).map((i) => i.id as string));
  const pages: Page[] = [];
  for (const section of definition.sections) {
    const items = section.items.filter((i) => shown.has(i.id));
    if (!items.length) continue;
    if (mode === 'section') pages.push({ key: `s:${section.id}`, section, items });
    else for (const i of items) pages.push({ key: `i:${i.id}`, section, items: [i] });
  }
  return pages;
}

/** Where a page is: its position and the total, counted in questions (or in sections). */
export interface Position {
  readonly current: number;
  readonly total: number;
}

/** The position of page `index` of `pages`: "Question 4 of 12", or "Section 2 of 5". */
export function positionOf(
  pages: readonly Page[],
  index: number,
  mode: 'question' | 'section',
): Position {
  if (mode === 'section') return { current: index + 1, total: pages.length };
  const before = pages.slice(0, index).reduce((n, p) => n + p.items.length, 0);
  return { current: before + 1, total: pages.reduce((n, p) => n + p.items.length, 0) };
}

/** The problems with the answers on a page (GOV.UK: one per question). */
export function problemsOf(page: Page, answers: Answers, rules: Rules): PageProblem[] {
  const out: PageProblem[] = [];
  for (const item of page.items) {
    const v = answers[item.id];
    if (isEmpty(v)) {
      if (item.required)
        out.push({ item: item.id, kind: item.type === 'free-text' ? 'text' : 'choose', count: 0 });
      continue;
    }
    if (item.type === 'free-text' && typeof v === 'string' && v.length > item.maxLength) {
      out.push({ item: item.id, kind: 'too-long', count: item.maxLength });
    } else if (item.type === 'multi-select' && rules.checkAnswer(item, v!, []).length) {
      const n = (v as string[]).length;
      out.push(
        n < item.minSelected
          ? { item: item.id, kind: 'too-few', count: item.minSelected }
          : { item: item.id, kind: 'too-many', count: item.maxSelected ?? n },
      );
    }
  }
  return out;
}

/** A multi-select's values after ticking or unticking `value`: exclusive options clear the rest. */
export function toggled(item: Item, now: readonly string[], value: string, on: boolean): string[] {
  if (item.type === 'free-text') return [...now];
  const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.value as string));
  let next = now.filter((v) => v !== value);
  if (on) next = exclusive.has(value) ? [value] : [...next.filter((v) => !exclusive.has(v)), value];
  // The definition's order, so the response reads the same however they were ticked.
  return item.options.map((o) => o.value as string).filter((v) => next.includes(v));
}

/** The time to the minute (P3: coarse times), as the model's ISO date-time. */
export const minute = (d = new Date()): string => `${d.toISOString().slice(0, 16)}:00Z`;

/** What the element knows about the context of a response. */
export interface ResponseContext {
  readonly id: string;
  readonly wave: string;
  readonly school: string;
  readonly round: string;
  readonly startedAt: string;
}

/**
 * The response to validate and send: only shown, non-empty answers; characteristics the pupil
 * answered (self-report); coarse times.
 */
export function responseOf(
  definition: QuestionnaireDefinition,
  answers: Answers,
  rules: Rules,
  context: ResponseContext,
): Record<string, unknown> {
  const kept: Record<string, Value> = {};
  const characteristics: Record<string, string> = { source: 'self-report' };
  for (const item of rules.visibleItems(definition, answers)) {
    const v = answers[item.id];
    if (isEmpty(v)) continue;
    kept[item.id] = v!;
    const c = item.scoring.characteristic;
    if (item.scoring.kind === 'characteristic' && c && typeof v === 'string')
      characteristics[c] = v;
  }
  return {
    id: context.id,
    definition: { id: definition.id, version: definition.version },
    wave: context.wave,
    school: context.school,
    ...(context.round ? { round: context.round } : {}),
    mode: 'anonymous',
    characteristics,
    answers: kept,
    startedAt: minute(new Date(Date.parse(context.startedAt) || Date.now())),
    submittedAt: minute(),
  };
}
