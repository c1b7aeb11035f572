import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type {
  Item,
  LocalisedText,
  Problem,
  QuestionnaireDefinition,
  QuestionnaireResponse,
} from '@all-together/model';
import { DEFAULT_EXIT_URL } from '../exit/exit-this-page.events.js';
import { AtElement } from '../shared/at-element.js';
import { DraftController } from '../shared/controllers/draft-controller.js';
import { FocusController } from '../shared/controllers/focus-controller.js';
import { LoadController } from '../shared/controllers/load-controller.js';
import { TitleController } from '../shared/controllers/title-controller.js';
import { heading, headingLevel, type FieldProblem, type HeadingLevel } from '../shared/form-kit.js';
import { defineDefaultStrings } from '../shared/i18n.js';
import { uuid } from '../shared/ids.js';
import { localDraftStorage, sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { localisedText } from '../shared/text.js';
import { HistoryController, type HistoryEntry } from './history-controller.js';
import { OutboxController } from './outbox-controller.js';
import {
  AtAnswerEvent,
  AtPageEvent,
  AtStartEvent,
  AtSubmitEvent,
  type QuestionnaireView,
} from './questionnaire.events.js';
import {
  isEmpty,
  pagesOf,
  positionOf,
  problemsOf,
  responseOf,
  toggled,
  minute,
  type Page,
  type PageProblem,
  type Value,
} from './questionnaire.pages.js';
import {
  checkPage,
  endPage,
  questionPage,
  startPage,
  type EndState,
} from './questionnaire.render.js';
import { questionnaireStrings } from './questionnaire.strings.js';
import { styles } from './questionnaire.styles.js';
import { speak, stopSpeaking } from './speech.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...questionnaireStrings });

export { DEFAULT_EXIT_URL };

/** The model's runtime (zod and the rules), loaded on demand: see `validation.ts`. */
type Model = typeof import('./validation.js');
let model: Promise<Model> | undefined;
// zod's eval probe is switched off first: a strict CSP would report it (W3, see no-eval.ts).
const loadModel = () =>
  (model ??= import('./no-eval.js').then((m) => {
    m.zodWithoutEval();
    return import('./validation.js');
  }));

const describe = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.at}: ${p.message}`).join('\n');

/** What the draft stores (storage key: see {@link AtQuestionnaire.draftKey}). */
interface Draft {
  v: 1;
  id: string;
  startedAt: string;
  answers: Record<string, Value>;
  view: 'question' | 'check';
  page: string | undefined;
}

const isDraft = (d: unknown): d is Draft =>
  typeof d === 'object' &&
  d !== null &&
  (d as Draft).v === 1 &&
  typeof (d as Draft).id === 'string' &&
  typeof (d as Draft).answers === 'object';

/** `auto-read`: absent → follow the definition; `"false"` → off; anything else → on. */
const tristate = {
  fromAttribute: (v: string | null) => (v === null ? undefined : v !== 'false'),
  toAttribute: (v: boolean | undefined) => (v === undefined ? null : String(v)),
};

const PROBLEM_KEYS = {
  choose: 'questionnaireErrorChoose',
  text: 'questionnaireErrorText',
  'too-long': 'questionnaireErrorTooLong',
  'too-few': 'questionnaireErrorMin',
  'too-many': 'questionnaireErrorMax',
} as const;

/**
 * A questionnaire for pupils (and staff, parents and governors), GOV.UK style: a start page, one
 * question per page (or one section per page), Back, Continue and Skip, progress, a check-answers
 * page and an end page that always signposts help. Read-aloud, Exit this page (sticky), a browser
 * history entry per page, a draft saved after every answer, and an offline outbox that survives a
 * closed tab when an `endpoint` is set.
 *
 * Renders any valid `QuestionnaireDefinition`; an invalid one (or a missing `school`/`wave`) shows
 * a kind message and logs every problem with its path to the console.
 *
 * The class holds behaviour; the screens' markup is in `questionnaire.render.ts`, the page logic
 * in `questionnaire.pages.ts`, cross-cutting behaviour in controllers.
 *
 * @summary Renders a questionnaire definition one question at a time and emits a validated response.
 * @tagname at-questionnaire
 *
 * @event {CustomEvent<{ definitionId: string; version: string }>} at-start - The person pressed Start.
 * @event {CustomEvent<{ itemId: string; page: number; pageCount: number }>} at-answer - The person answered an item; never the value.
 * @event {CustomEvent<{ view: QuestionnaireView; page: number; pageCount: number }>} at-page - The person moved to another screen.
 * @event {CustomEvent<{ response: QuestionnaireResponse; responseId: string }>} at-submit - The person sent their answers; the response is validated.
 * @event {CustomEvent<{ url: string }>} at-exit - The person pressed Exit this page (or Shift three times); the draft is cleared. Cancelable.
 *
 * @csspart base - The wrapper of every screen.
 * @csspart header - The sticky bar with Exit this page.
 * @csspart progress - The `<at-progress>` indicator.
 * @csspart question - One question (a fieldset, or the text box's group).
 * @csspart question__label - A question's text (legend or label).
 * @csspart hint - A question's hint.
 * @csspart option - One option's label (with its radio or checkbox).
 * @csspart error-summary - The "There is a problem" box.
 * @csspart button - Every button (Start, Continue, Skip, Back, Send, Read aloud, Change).
 * @csspart panel - The end page's panel.
 * @csspart check-answers - The list of questions and answers on the check answers page.
 * @csspart help - The help line on question pages, and the help section elsewhere.
 *
 * @cssproperty --at-questionnaire-gap - Space between blocks. Default: `--at-space-4`, else 1.5rem.
 * @cssproperty --at-questionnaire-max-width - Width of the reading column. Default: 40rem.
 */
export class AtQuestionnaire extends AtElement {
  static override styles = styles;

  /**
   * The questionnaire to show, checked with the model's `QuestionnaireDefinition` schema
   * (including `checkQuestionnaire`) before anything is shown. Takes precedence over `src`.
   */
  @property({ attribute: false }) definition: QuestionnaireDefinition | undefined;

  /**
   * A same-origin URL of a definition as JSON, fetched without credentials (1 MiB cap, 10 s
   * timeout; a newer `src` aborts the older load) and checked like `definition`.
   */
  @property() src = '';

  /** The school's URN (six digits). Required: it goes into the response. */
  @property() school = '';

  /** The wave: `baseline` (Time 1) or `end` (Time 2). Required. */
  @property() wave: 'baseline' | 'end' | '' = '';

  /** The programme round's id (optional). */
  @property() round = '';

  /**
   * Where to POST the response as JSON (header `Idempotency-Key: <response id>`). Optional; without
   * it the host stores the response from `at-submit`.
   */
  @property() endpoint = '';

  /** Where Exit this page goes (with `location.replace`). */
  @property({ attribute: 'exit-url' }) exitUrl: string = DEFAULT_EXIT_URL;

  /** `question` (one question per page, the default) or `section` (one section per page). */
  @property({ attribute: 'page-mode' }) pageMode: 'question' | 'section' = 'question';

  /**
   * The level of each page's main heading, 1 to 6 (default 1; subheadings one below). Set 2 when
   * the host page already has its `h1`, so the page keeps one.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 1;

  /**
   * Read each page aloud when it opens. Unset: on for KS1 definitions (`audience: pupil-ks1`).
   * `auto-read="false"` turns it off.
   */
  @property({ attribute: 'auto-read', converter: tristate }) autoRead: boolean | undefined;

  /**
   * Values for `{name}` placeholders such as `{referencePeriod}`, overriding the definition's
   * `parameters` (for example a round's own reference period).
   */
  @property({ attribute: false }) parameters: Record<string, string> | undefined;

  /** Minutes a draft is kept (W8: a lesson). */
  @property({ attribute: 'draft-minutes', type: Number }) draftMinutes = 120;

  /**
   * Where the draft lives. Default `sessionDraftStorage()` (gone with the tab, W8); nothing goes
   * to `localStorage` unless the host passes `localDraftStorage()`.
   */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  /**
   * Where submitted responses wait until the endpoint accepts them. Default `localDraftStorage()`,
   * so a response sent offline survives a closed tab and is sent when the element next loads
   * (decision 0015); it holds nothing once the response is accepted. Pass `sessionDraftStorage()`
   * or `memoryStorage()` to keep it shorter.
   */
  @property({ attribute: false }) outboxStorage: DraftStorage = localDraftStorage();

  @state() private parsed: QuestionnaireDefinition | undefined;
  @state() private problems: Problem[] = [];
  @state() private loading = false;
  @state() private view: QuestionnaireView = 'start';
  @state() private pageKey: string | undefined;
  @state() private answers: Record<string, Value> = {};
  @state() private pageProblems: PageProblem[] = [];
  @state() private endState: EndState;
  @state() private readNotes: Record<string, string> = {};
  @state() private progressNote = '';

  private m: Model | undefined;
  private parsing: Promise<unknown> = Promise.resolve();
  private responseId = '';
  private startedAt = '';
  private returnToCheck = false;
  private submitting = false;
  private readNext = false;
  private lastTotal = 0;

  private readonly loader = new LoadController(this);
  private readonly focuser = new FocusController(this);
  private readonly draft = new DraftController<Draft>(this, {
    storage: () => this.storage,
    key: () => this.draftKey,
    parse: (d) => (isDraft(d) ? d : undefined),
    maxAgeMinutes: () => this.draftMinutes,
  });
  private readonly outbox = new OutboxController(this, {
    endpoint: () => this.endpoint,
    storage: () => this.outboxStorage,
    report: (id, s) => {
      if (id === this.responseId && this.view === 'done') this.endState = s;
    },
  });
  private readonly history = new HistoryController(this, (entry) => this.popped(entry));

  constructor() {
    super();
    new TitleController(this, () => ({
      page: this.pageTitle(),
      error: this.view === 'question' && this.pageProblems.length > 0,
      prefix: this.term('questionnaireErrorPrefix'),
    }));
  }

  /** The storage key of the draft: per definition version, school, wave and round (W8). */
  get draftKey(): string {
    const d = this.parsed;
    return d
      ? `at-questionnaire/draft/${d.id}@${d.version}/${this.school}/${this.wave}/${this.round}`
      : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.src && this.definition === undefined && this.loader.state.status === 'idle')
      void this.loader.load(this.src);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('outboxStorage')) void this.outbox.flush();
    const { state } = this.loader;
    if (changed.has('definition') && this.definition !== undefined) {
      this.loader.cancel();
      this.accept(this.definition);
    } else if (changed.has('src') && this.src && this.definition === undefined) {
      this.parsed = undefined;
      this.loading = true;
      void loadModel(); // in parallel with the fetch
      void this.loader.load(this.src);
    } else if (state.status === 'done' && state.src === this.src && this.definition === undefined) {
      this.loader.state = { status: 'idle' };
      this.accept(state.value);
    } else if (state.status === 'failed' && state.src === this.src) {
      this.loader.state = { status: 'idle' };
      this.loading = false;
      this.fail(
        state.error.problems.length
          ? [...state.error.problems]
          : [
              {
                path: ['src'],
                at: 'src',
                message: `Could not load ${this.src}: ${state.error.message}.`,
              },
            ],
      );
    } else if (
      this.parsed &&
      ['school', 'wave', 'round', 'storage'].some((k) => changed.has(k as keyof AtQuestionnaire))
    ) {
      this.ready();
    }
  }

  /** Resolves once a definition given now is parsed and shown (the model loads on demand). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.loader.settled;
    await super.getUpdateComplete();
    await this.parsing;
    return super.getUpdateComplete();
  }

  /** Parses a definition at the boundary: every problem is logged with its path. */
  private accept(input: unknown): void {
    this.loading = true;
    this.parsing = loadModel().then((m) => {
      if (this.definition !== undefined && input !== this.definition) return; // superseded
      this.m = m;
      this.loading = false;
      const result = m.check(m.QuestionnaireDefinition, input);
      if (result.ok) {
        this.parsed = result.value;
        this.problems = [];
        this.ready();
      } else {
        this.parsed = undefined;
        this.fail(result.problems);
      }
    });
  }

  /** After a definition or the context changed: check the context, then restore the draft. */
  private ready(): void {
    const m = this.m!;
    const problems: Problem[] = [];
    const add = (name: string, ok: boolean, message: string) => {
      if (!ok) problems.push({ path: [name], at: name, message });
    };
    add(
      'school',
      m.Urn.safeParse(this.school).success,
      'Set school to the school URN (six digits).',
    );
    add('wave', m.Wave.safeParse(this.wave).success, 'Set wave to "baseline" or "end".');
    add(
      'round',
      !this.round || m.RoundId.safeParse(this.round).success,
      'round is not a round id.',
    );
    if (problems.length) return this.fail(problems);
    this.problems = [];
    void this.draft.load().then((d) => {
      if (!d || d === 'stale') return;
      this.responseId = d.id;
      this.startedAt = d.startedAt;
      this.answers = d.answers;
      this.view = d.view === 'check' ? 'check' : 'question';
      this.pageKey = d.page;
      this.lastTotal = this.position().total;
    });
  }

  private fail(problems: Problem[]): void {
    this.problems = problems;
    console.error(`<at-questionnaire> cannot show this questionnaire:\n${describe(problems)}`);
  }

  // ---- text, pages -----------------------------------------------------------------------------

  /** A definition text in the element's language, with `{parameters}` filled in. */
  /** The definition locale that serves the element's language. */
  private get locale(): string {
    const d = this.parsed!;
    const want = (this.localize.lang || d.defaultLocale).toLowerCase();
    return (
      d.locales.find((l) => l.toLowerCase() === want) ??
      d.locales.find((l) => l.split('-')[0]!.toLowerCase() === want.split('-')[0]) ??
      d.defaultLocale
    );
  }

  private text(text: LocalisedText | undefined): string {
    if (!text) return '';
    const d = this.parsed!;
    const lang = this.locale;
    return localisedText(text, lang, d.defaultLocale).replace(
      /\{([a-zA-Z][a-zA-Z0-9]*)\}/g,
      (all, name: string) => {
        const p = this.parameters?.[name] ?? d.parameters[name];
        return p === undefined
          ? all
          : typeof p === 'string'
            ? p
            : localisedText(p, lang, d.defaultLocale);
      },
    );
  }

  private term(key: 'questionnaireErrorPrefix' | 'questionnaireReadAloudUnavailable'): string {
    return this.localize.term(key, {});
  }

  private pages(): Page[] {
    return pagesOf(this.parsed!, this.answers, this.m!, this.pageMode);
  }

  private index(pages: readonly Page[] = this.pages()): number {
    return Math.max(
      0,
      pages.findIndex((p) => p.key === this.pageKey),
    );
  }

  private position() {
    const pages = this.pages();
    return positionOf(pages, this.index(pages), this.pageMode);
  }

  /** The document title's page part: the question, or the screen's heading (A2, WCAG 2.4.2). */
  private pageTitle(): string {
    if (!this.parsed || this.problems.length || !this.m) return '';
    if (this.view === 'check') return this.localize.term('questionnaireCheckTitle', {});
    if (this.view !== 'question') return '';
    const page = this.pages()[this.index()];
    if (!page) return '';
    return this.pageMode === 'section'
      ? this.text(page.section.title)
      : this.text(page.items[0]!.text);
  }

  // ---- navigation ------------------------------------------------------------------------------

  /** Shows another screen after a person's action: saved, focused, announced and in history. */
  private go(view: QuestionnaireView, pageKey?: string, push = true): void {
    stopSpeaking();
    this.view = view;
    this.pageKey = pageKey;
    this.pageProblems = [];
    this.readNotes = {};
    this.readNext = view === 'question';
    this.focuser.after('[data-focus]');
    const pages = this.pages();
    const page = view === 'question' ? this.index(pages) + 1 : 0;
    // "Question 4 of 12" can change when an answer opens or closes follow-ups: say why (A10).
    const total = positionOf(pages, this.index(pages), this.pageMode).total;
    const change = view === 'question' && this.lastTotal ? total - this.lastTotal : 0;
    this.progressNote = change
      ? this.localize.term(
          change > 0 ? 'questionnaireProgressMore' : 'questionnaireProgressFewer',
          {
            count: Math.abs(change),
          },
        )
      : '';
    if (view === 'question') this.lastTotal = total;
    if (view === 'question' || view === 'check') {
      this.draft.save(this.draftValue());
      if (push) this.history.push({ view, page });
    }
    this.emit(new AtPageEvent(view, page, pages.length));
  }

  private draftValue(): Draft {
    const view = this.view === 'check' ? 'check' : 'question';
    const { responseId: id, startedAt, answers, pageKey: page } = this;
    return { v: 1, id, startedAt, answers, view, page };
  }

  /** Browser Back or Forward reached one of this questionnaire's pages. */
  private popped(entry: HistoryEntry): void {
    if (!this.parsed || !this.responseId || this.view === 'done' || this.view === 'declined')
      return;
    const pages = this.pages();
    if (entry.view === 'start') return this.go('start', undefined, false);
    if (entry.view === 'check') return this.go('check', undefined, false);
    const page = pages[Math.min(entry.page, pages.length) - 1];
    this.returnToCheck = false;
    this.go('question', page?.key, false);
  }

  private start(): void {
    if (!this.responseId) {
      this.responseId = uuid();
      this.startedAt = minute();
      this.answers = {};
    }
    this.submitting = false;
    this.lastTotal = 0;
    this.emit(new AtStartEvent(this.parsed!.id, this.parsed!.version));
    this.history.markStart();
    this.go('question', this.pages()[0]?.key);
  }

  private decline(): void {
    this.draft.clear();
    this.reset();
    this.go('declined');
  }

  private reset(): void {
    this.responseId = '';
    this.startedAt = '';
    this.answers = {};
    this.returnToCheck = false;
    this.lastTotal = 0;
  }

  private next(skip: boolean): void {
    const pages = this.pages();
    const page = pages[this.index(pages)];
    if (!page) return this.go('check');
    if (skip) {
      const answers = { ...this.answers };
      for (const item of page.items) delete answers[item.id];
      this.answers = answers;
    } else {
      const problems = problemsOf(page, this.answers, this.m!);
      if (problems.length) {
        this.pageProblems = problems;
        this.focuser.after('#error-summary');
        return;
      }
    }
    const after = this.pages();
    const j = after.findIndex((p) => p.key === page.key);
    if (this.returnToCheck || j + 1 >= after.length) {
      this.returnToCheck = false;
      this.go('check');
    } else this.go('question', after[j + 1]!.key);
  }

  private back(): void {
    const pages = this.pages();
    if (this.view === 'check') return this.go('question', pages[pages.length - 1]?.key);
    const i = this.index(pages);
    if (i === 0) this.go('start');
    else this.go('question', pages[i - 1]!.key);
  }

  private change(itemId: string): void {
    const page = this.pages().find((p) => p.items.some((i) => i.id === itemId));
    this.returnToCheck = true;
    this.go('question', page?.key);
  }

  // ---- answers ---------------------------------------------------------------------------------

  private answer(item: Item, value: Value | undefined): void {
    const answers = { ...this.answers };
    if (value === undefined || isEmpty(value)) delete answers[item.id];
    else answers[item.id] = value;
    this.answers = answers;
    this.draft.save(this.draftValue());
  }

  private answered(item: Item): void {
    const pages = this.pages();
    this.emit(new AtAnswerEvent(item.id, this.index(pages) + 1, pages.length));
  }

  private choose(item: Item, value: string, on: boolean): void {
    if (item.type === 'multi-select') {
      const now = this.answers[item.id];
      this.answer(item, toggled(item, Array.isArray(now) ? now : [], value, on));
    } else if (on) this.answer(item, value);
    else return;
    this.answered(item);
  }

  // ---- read aloud, exit, submit ------------------------------------------------------------------

  private get reads(): boolean {
    return this.autoRead ?? this.parsed?.audience === 'pupil-ks1';
  }

  private spoken(item: Item): string[] {
    const parts = [
      this.text(item.readAloud) || [this.text(item.text), this.text(item.hint)].join('. '),
    ];
    if (item.type === 'free-text') parts.push(this.text(item.warning));
    else for (const o of item.options) parts.push(this.text(o.readAloud) || this.text(o.label));
    return parts.filter(Boolean);
  }

  private async readAloud(items: readonly Item[], quiet = false): Promise<void> {
    const ok = await speak(
      items.flatMap((i) => this.spoken(i)),
      this.locale,
    );
    if (ok || quiet) return;
    const note = this.term('questionnaireReadAloudUnavailable');
    this.readNotes = { ...this.readNotes, ...Object.fromEntries(items.map((i) => [i.id, note])) };
  }

  /**
   * Exit this page was pressed: clears the draft and resets before the host hears `at-exit` (the
   * exit element then leaves with `location.replace` unless cancelled). The outbox keeps only
   * submitted responses, possibly other pupils': they are not deleted but sent now (`keepalive`
   * outlives the page), and removed once accepted (decisions 0006, 0015; W8).
   */
  private exited(): void {
    stopSpeaking();
    this.draft.clear();
    void this.outbox.flush();
    this.reset();
    this.pageProblems = [];
    this.endState = undefined;
    this.view = 'start';
    this.pageKey = undefined;
    this.readNotes = {};
    this.progressNote = '';
  }

  private submit(): void {
    if (this.submitting) return;
    const d = this.parsed!;
    const candidate = responseOf(d, this.answers, this.m!, {
      id: this.responseId || uuid(),
      wave: this.wave,
      school: this.school,
      round: this.round,
      startedAt: this.startedAt,
    });
    const result = this.m!.validateResponse(d, candidate);
    if (!result.ok) {
      console.error(`<at-questionnaire> built an invalid response:\n${describe(result.problems)}`);
      this.endState = 'failed';
      return;
    }
    this.submitting = true;
    const response: QuestionnaireResponse = result.value;
    this.draft.clear();
    this.go('done');
    this.endState = this.endpoint ? 'sending' : 'saved';
    this.emit(new AtSubmitEvent(response));
    if (this.endpoint) void this.outbox.add(response.id, JSON.stringify(response));
  }

  // ---- render ----------------------------------------------------------------------------------

  protected override updated(): void {
    if (!this.readNext) return;
    this.readNext = false;
    const page = this.pages()[this.index()];
    if (this.reads && page) void this.readAloud(page.items, true);
  }

  protected override render(): TemplateResult {
    if (this.loading && !this.problems.length) {
      return html`<div part="base" class="base">
        <p role="status">${this.localize.term('questionnaireLoading', {})}</p>
      </div>`;
    }
    if (this.problems.length || !this.parsed) {
      return html`<div part="base" class="base">
        <div class="invalid" role="alert">
          ${heading(
            { level: headingLevel(this.headingLevel), className: 'title' },
            this.localize.term('questionnaireInvalidTitle', {}),
          )}
          <p>${this.localize.term('questionnaireInvalidBody', {})}</p>
        </div>
      </div>`;
    }
    const pages = this.pages();
    const index = this.index(pages);
    const screen = {
      definition: this.parsed,
      level: headingLevel(this.headingLevel),
      root: this.renderRoot,
      text: (t: LocalisedText | undefined) => this.text(t),
      term: this.localize.term.bind(this.localize),
      answers: this.answers,
      errors: this.pageProblems.map((p): FieldProblem => {
        const key = PROBLEM_KEYS[p.kind];
        return { field: `q-${p.item}-0`, message: this.localize.term(key, { count: p.count }) };
      }),
      readNotes: this.readNotes,
      pages,
      index,
      position: positionOf(pages, index, this.pageMode),
      mode: this.pageMode,
      progressNote: this.progressNote,
      endState: this.endState,
      declined: this.view === 'declined',
      start: () => this.start(),
      decline: () => this.decline(),
      next: (skip: boolean) => this.next(skip),
      back: () => this.back(),
      change: (id: string) => this.change(id),
      submit: () => this.submit(),
      readAloud: (item: Item) => void this.readAloud([item]),
      choose: (item: Item, value: string, on: boolean) => this.choose(item, value, on),
      type: (item: Item, value: string) => this.answer(item, value),
      typed: (item: Item) => this.answered(item),
    };
    const page =
      this.view === 'question' && pages[index]
        ? questionPage(screen)
        : this.view === 'question' || this.view === 'check'
          ? checkPage(screen)
          : this.view === 'done' || this.view === 'declined'
            ? endPage(screen)
            : startPage(screen);
    return html`<div part="base" class="base" lang=${this.locale}>
      <at-exit-this-page
        part="header"
        exit-url=${this.exitUrl || DEFAULT_EXIT_URL}
        @at-exit=${() => this.exited()}
      ></at-exit-this-page>
      ${keyed(`${this.view}/${this.pageKey ?? ''}`, page)}
    </div>`;
  }
}
