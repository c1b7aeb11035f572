/**
 * Where a pupil is in a questionnaire and how they move: a plain state machine (no DOM, no
 * events, no storage) that `<at-questionnaire>` drives and renders. Each move returns what the
 * element must do about it (announce the page, save, push a history entry); tests call it
 * directly.
 *
 * @module
 */
import type { Item, QuestionnaireDefinition } from '@all-together/model';
import {
  isEmpty,
  pagesOf,
  positionOf,
  problemsOf,
  toggled,
  type Page,
  type PageProblem,
  type Position,
  type Rules,
  type Value,
} from './questionnaire.pages.js';
import type { QuestionnaireView } from './questionnaire.events.js';

/** What the draft stores. */
export interface Draft {
  v: 1;
  id: string;
  startedAt: string;
  answers: Record<string, Value>;
  view: 'question' | 'check';
  page: string | undefined;
}

/** A stored value that is a draft of this shape. */
export const isDraft = (d: unknown): d is Draft =>
  typeof d === 'object' &&
  d !== null &&
  (d as Draft).v === 1 &&
  typeof (d as Draft).id === 'string' &&
  typeof (d as Draft).answers === 'object';

/** A move to another screen, for the element to announce, save and record. */
export interface Move {
  readonly view: QuestionnaireView;
  /** The question page, from 1 (0 on other screens). */
  readonly page: number;
  readonly pageCount: number;
  /** How many questions the last answer added (+) or took away (−) since the last page; 0 if none. */
  readonly totalChange: number;
}

/** The questionnaire's state for one pupil, and the moves between screens. */
export class QuestionnaireFlow {
  view: QuestionnaireView = 'start';
  pageKey: string | undefined;
  answers: Record<string, Value> = {};
  responseId = '';
  startedAt = '';
  /** The problems on the page after a Continue that failed (GOV.UK errors). */
  problems: PageProblem[] = [];
  private returnToCheck = false;
  private lastTotal = 0;

  /**
   * @param definition - The parsed definition.
   * @param rules - The model's visibility and answer rules.
   * @param mode - One question per page, or one section per page.
   */
  constructor(
    readonly definition: QuestionnaireDefinition,
    private readonly rules: Rules,
    public mode: 'question' | 'section',
  ) {}

  /** The pages shown for the answers so far. */
  pages(): Page[] {
    return pagesOf(this.definition, this.answers, this.rules, this.mode);
  }

  /** The index of the current page (0 when there is none). */
  index(pages: readonly Page[] = this.pages()): number {
    return Math.max(
      0,
      pages.findIndex((p) => p.key === this.pageKey),
    );
  }

  /** "Question 4 of 12" (or "Section 2 of 5") for the current page. */
  position(): Position {
    const pages = this.pages();
    return positionOf(pages, this.index(pages), this.mode);
  }

  /** Whether a pupil has started (a draft and its response id exist). */
  get started(): boolean {
    return this.responseId !== '';
  }

  /** Moves to a screen; the move says what changed. */
  go(view: QuestionnaireView, pageKey?: string): Move {
    this.view = view;
    this.pageKey = pageKey;
    this.problems = [];
    const pages = this.pages();
    const index = this.index(pages);
    const total = positionOf(pages, index, this.mode).total;
    const totalChange = view === 'question' && this.lastTotal ? total - this.lastTotal : 0;
    if (view === 'question') this.lastTotal = total;
    return {
      view,
      page: view === 'question' ? index + 1 : 0,
      pageCount: pages.length,
      totalChange,
    };
  }

  /** Start (or continue a draft): the first page. */
  start(id: string, now: string): Move {
    if (!this.started) {
      this.responseId = id;
      this.startedAt = now;
      this.answers = {};
    }
    this.lastTotal = 0;
    return this.go('question', this.pages()[0]?.key);
  }

  /** Forget this pupil: no id, no answers. */
  reset(): void {
    this.responseId = '';
    this.startedAt = '';
    this.answers = {};
    this.returnToCheck = false;
    this.lastTotal = 0;
    this.problems = [];
    this.view = 'start';
    this.pageKey = undefined;
  }

  /**
   * Continue (or Skip, which clears the page's answers first). Returns the move, or `undefined`
   * when the page has problems (then `problems` lists them and the page stays).
   */
  next(skip: boolean): Move | undefined {
    const pages = this.pages();
    const page = pages[this.index(pages)];
    if (!page) return this.go('check');
    if (skip) {
      const answers = { ...this.answers };
      for (const item of page.items) delete answers[item.id];
      this.answers = answers;
    } else {
      const problems = problemsOf(page, this.answers, this.rules);
      if (problems.length) {
        this.problems = problems;
        return undefined;
      }
    }
    const after = this.pages();
    const j = after.findIndex((p) => p.key === page.key);
    if (this.returnToCheck || j + 1 >= after.length) {
      this.returnToCheck = false;
      return this.go('check');
    }
    return this.go('question', after[j + 1]!.key);
  }

  /** The element's Back: the page before in order (the start page before the first). */
  back(): Move {
    const pages = this.pages();
    if (this.view === 'check') return this.go('question', pages[pages.length - 1]?.key);
    const i = this.index(pages);
    return i === 0 ? this.go('start') : this.go('question', pages[i - 1]!.key);
  }

  /** Change on the check page: that question, then back to the check page. */
  change(itemId: string): Move {
    const page = this.pages().find((p) => p.items.some((i) => i.id === itemId));
    this.returnToCheck = true;
    return this.go('question', page?.key);
  }

  /**
   * The browser's Back or Forward reached an entry of this questionnaire (a screen and a page
   * number). Nothing happens before Start or after the end.
   */
  pop(entry: { view: 'start' | 'question' | 'check'; page: number }): Move | undefined {
    if (!this.started || this.view === 'done' || this.view === 'declined') return undefined;
    if (entry.view !== 'question') return this.go(entry.view);
    const pages = this.pages();
    this.returnToCheck = false;
    return this.go('question', pages[Math.min(entry.page, pages.length) - 1]?.key);
  }

  /** Sets (or clears) an item's answer. */
  answer(item: Item, value: Value | undefined): void {
    const answers = { ...this.answers };
    if (value === undefined || isEmpty(value)) delete answers[item.id];
    else answers[item.id] = value;
    this.answers = answers;
  }

  /** A radio chosen or a checkbox ticked; `false` when nothing changed (a radio unchecked). */
  choose(item: Item, value: string, on: boolean): boolean {
    if (item.type === 'multi-select') {
      const now = this.answers[item.id];
      this.answer(item, toggled(item, Array.isArray(now) ? now : [], value, on));
      return true;
    }
    if (!on) return false;
    this.answer(item, value);
    return true;
  }

  /** Where the pupil is, for an answer event: the page from 1 and how many pages there are. */
  where(): { page: number; pageCount: number } {
    const pages = this.pages();
    return { page: this.index(pages) + 1, pageCount: pages.length };
  }

  /** The draft to save. */
  draft(): Draft {
    const view = this.view === 'check' ? 'check' : 'question';
    const { responseId: id, startedAt, answers, pageKey: page } = this;
    return { v: 1, id, startedAt, answers, view, page };
  }

  /** Back to where a saved draft left off. */
  restore(d: Draft): void {
    this.responseId = d.id;
    this.startedAt = d.startedAt;
    this.answers = d.answers;
    this.view = d.view === 'check' ? 'check' : 'question';
    this.pageKey = d.page;
    this.lastTotal = this.position().total;
  }
}
