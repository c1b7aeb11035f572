// Over the 400-line aim (style.md), on purpose: about 170 lines are the public API a consumer
// reads in custom-elements.json (the class JSDoc with its events, parts and CSS properties, and
// sixteen documented properties). The behaviour left here is wiring: the screens are in
// questionnaire.render.ts, where the pupil is in questionnaire.flow.ts (no DOM), the definition
// and src in definition-controller.ts, drafts, focus, title, history and the outbox in controllers.
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
import { TitleController } from '../shared/controllers/title-controller.js';
import { heading, headingLevel, type FieldProblem, type HeadingLevel } from '../shared/form-kit.js';
import { defineDefaultStrings } from '../shared/i18n.js';
import { uuid } from '../shared/ids.js';
import { localDraftStorage, sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { DefinitionController, type Model } from './definition-controller.js';
import { HistoryController } from './history-controller.js';
import { OutboxController } from './outbox-controller.js';
import {
  AtAnswerEvent,
  AtPageEvent,
  AtStartEvent,
  AtSubmitEvent,
  type QuestionnaireView,
} from './questionnaire.events.js';
import { isDraft, QuestionnaireFlow, type Draft, type Move } from './questionnaire.flow.js';
import { minute, responseOf } from './questionnaire.pages.js';
import {
  checkPage,
  endPage,
  questionPage,
  startPage,
  type EndState,
} from './questionnaire.render.js';
import { questionnaireStrings } from './questionnaire.strings.js';
import { localeFor, spokenParts, textsOf } from './questionnaire.text.js';
import { styles } from './questionnaire.styles.js';
import { speak, stopSpeaking } from './speech.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...questionnaireStrings });

export { DEFAULT_EXIT_URL };

const describe = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.at}: ${p.message}`).join('\n');

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

  /**
   * The SHA-256 (lower-case hex) of the definition's JSON text, for a definition the host has
   * already checked with the model's schema (as `@all-together/questionnaires` and a server do
   * before publishing one). When the definition given (or loaded from `src`) hashes to it, the
   * schema is not run again and zod is not loaded: only the rules are. Anything else, including a
   * definition changed on its way, is checked in full as usual.
   */
  @property({ attribute: 'definition-hash' }) definitionHash = '';

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

  /** Problems with the element's setup (school, wave, round). */
  @state() private problems: Problem[] = [];
  /** Where the pupil is (undefined until a definition is parsed). */
  @state() private flow: QuestionnaireFlow | undefined;
  @state() private endState: EndState;
  @state() private readNotes: Record<string, string> = {};
  @state() private progressNote = '';

  private submitting = false;
  private readNext = false;

  private readonly source = new DefinitionController(
    this,
    () => ({ definition: this.definition, src: this.src, hash: this.definitionHash }),
    (definition, model) => {
      this.flow = new QuestionnaireFlow(definition, model, this.pageMode);
      this.ready();
    },
    (problems) => {
      this.flow = undefined;
      console.error(`<at-questionnaire> cannot show this questionnaire:\n${describe(problems)}`);
    },
  );
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
      if (id === this.flow?.responseId && this.view === 'done') this.endState = s;
    },
  });
  private readonly history = new HistoryController(this, (entry) => {
    const move = this.flow?.pop(entry);
    if (move) this.moved(move, false);
  });

  constructor() {
    super();
    new TitleController(this, () => ({
      page: this.pageTitle(),
      error: this.view === 'question' && (this.flow?.problems.length ?? 0) > 0,
      prefix: this.term('questionnaireErrorPrefix'),
    }));
  }

  /** The parsed definition, once there is one. */
  private get parsed(): QuestionnaireDefinition | undefined {
    const s = this.source.state;
    return s.status === 'ready' ? s.definition : undefined;
  }

  private get m(): Model | undefined {
    const s = this.source.state;
    return s.status === 'ready' ? s.model : undefined;
  }

  private get view(): QuestionnaireView {
    return this.flow?.view ?? 'start';
  }

  /** The storage key of the draft: per definition version, school, wave and round (W8). */
  get draftKey(): string {
    const d = this.parsed;
    return d
      ? `at-questionnaire/draft/${d.id}@${d.version}/${this.school}/${this.wave}/${this.round}`
      : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('outboxStorage')) void this.outbox.flush();
    if (changed.has('pageMode') && this.flow) this.flow.mode = this.pageMode;
    const context = ['school', 'wave', 'round', 'storage'] as const;
    if (this.parsed && context.some((k) => changed.has(k))) this.ready();
  }

  /** Resolves once a definition given now is parsed and shown (the model loads on demand). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.source.settled();
    return super.getUpdateComplete();
  }

  /** After a definition or the context changed: check the context, then restore the draft. */
  private ready(): void {
    const m = this.m!;
    const problems: Problem[] = [];
    const add = (name: string, ok: boolean, message: string) => {
      if (!ok) problems.push({ path: [name], at: name, message });
    };
    add('school', m.isUrn(this.school), 'Set school to the school URN (six digits).');
    add('wave', m.isWave(this.wave), 'Set wave to "baseline" or "end".');
    add('round', !this.round || m.isRoundId(this.round), 'round is not a round id.');
    this.problems = problems;
    if (problems.length) {
      console.error(`<at-questionnaire> cannot show this questionnaire:\n${describe(problems)}`);
      return;
    }
    void this.draft.load().then((d) => {
      if (!d || d === 'stale' || !this.flow) return;
      this.flow.restore(d);
      this.requestUpdate();
    });
  }

  // ---- text ------------------------------------------------------------------------------------

  /** The definition locale that serves the element's language. */
  private get locale(): string {
    return localeFor(this.parsed!, this.localize.lang);
  }

  /** A definition text in the element's language, with `{parameters}` filled in. */
  private text(text: LocalisedText | undefined): string {
    return textsOf(this.parsed!, this.locale, this.parameters)(text);
  }

  private term(key: 'questionnaireErrorPrefix' | 'questionnaireReadAloudUnavailable'): string {
    return this.localize.term(key, {});
  }

  /** The document title's page part: the question, or the screen's heading (A2, WCAG 2.4.2). */
  private pageTitle(): string {
    if (!this.parsed || this.problems.length || !this.m) return '';
    if (this.view === 'check') return this.localize.term('questionnaireCheckTitle', {});
    if (this.view !== 'question' || !this.flow) return '';
    const page = this.flow.pages()[this.flow.index()];
    if (!page) return '';
    return this.pageMode === 'section'
      ? this.text(page.section.title)
      : this.text(page.items[0]!.text);
  }

  // ---- navigation ------------------------------------------------------------------------------

  /** After a person's move: focused, read, announced, saved and (unless popped) in history. */
  private moved(move: Move | undefined, push = true): void {
    this.requestUpdate();
    if (!move) return this.focuser.after('#error-summary');
    stopSpeaking();
    this.readNotes = {};
    this.readNext = move.view === 'question';
    this.focuser.after('[data-focus]');
    // "Question 4 of 12" can change when an answer opens or closes follow-ups: say why (A10).
    const n = move.totalChange;
    this.progressNote = n
      ? this.localize.term(n > 0 ? 'questionnaireProgressMore' : 'questionnaireProgressFewer', {
          count: Math.abs(n),
        })
      : '';
    if (move.view === 'question' || move.view === 'check') {
      this.draft.save(this.flow!.draft());
      if (push) this.history.push({ view: move.view, page: move.page });
    }
    this.emit(new AtPageEvent(move.view, move.page, move.pageCount));
  }

  private start(): void {
    const flow = this.flow!;
    this.submitting = false;
    const move = flow.start(uuid(), minute());
    this.emit(new AtStartEvent(flow.definition.id, flow.definition.version));
    this.history.markStart();
    this.moved(move);
  }

  private decline(): void {
    this.draft.clear();
    this.flow!.reset();
    this.moved(this.flow!.go('declined'));
  }

  private answered(item: Item): void {
    this.draft.save(this.flow!.draft());
    this.requestUpdate();
    const { page, pageCount } = this.flow!.where();
    this.emit(new AtAnswerEvent(item.id, page, pageCount));
  }

  // ---- read aloud, exit, submit ------------------------------------------------------------------

  private get reads(): boolean {
    return this.autoRead ?? this.parsed?.audience === 'pupil-ks1';
  }

  private async readAloud(items: readonly Item[], quiet = false): Promise<void> {
    const text = textsOf(this.parsed!, this.locale, this.parameters);
    const ok = await speak(
      items.flatMap((i) => spokenParts(i, text)),
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
    this.flow?.reset();
    this.endState = undefined;
    this.readNotes = {};
    this.progressNote = '';
    this.requestUpdate();
  }

  private submit(): void {
    if (this.submitting) return;
    const d = this.parsed!;
    const flow = this.flow!;
    const candidate = responseOf(d, flow.answers, this.m!, {
      id: flow.responseId || uuid(),
      wave: this.wave,
      school: this.school,
      round: this.round,
      startedAt: flow.startedAt,
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
    this.moved(flow.go('done'));
    this.endState = this.endpoint ? 'sending' : 'saved';
    this.emit(new AtSubmitEvent(response));
    if (this.endpoint) void this.outbox.add(response.id, JSON.stringify(response));
  }

  // ---- render ----------------------------------------------------------------------------------

  protected override updated(): void {
    if (!this.readNext) return;
    this.readNext = false;
    const page = this.flow?.pages()[this.flow.index()];
    if (this.reads && page) void this.readAloud(page.items, true);
  }

  protected override render(): TemplateResult {
    const source = this.source.state.status;
    if (source === 'loading' || (source === 'none' && (this.src || this.definition))) {
      return html`<div part="base" class="base">
        <p role="status">${this.localize.term('questionnaireLoading', {})}</p>
      </div>`;
    }
    if (this.problems.length || !this.parsed || !this.flow) {
      if (source === 'none') return html`<div part="base" class="base"></div>`;
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
    const flow = this.flow;
    const pages = flow.pages();
    const index = flow.index(pages);
    const screen = {
      definition: this.parsed,
      level: headingLevel(this.headingLevel),
      root: this.renderRoot,
      text: (t: LocalisedText | undefined) => this.text(t),
      term: this.localize.term.bind(this.localize),
      answers: flow.answers,
      errors: flow.problems.map((p): FieldProblem => {
        const key = PROBLEM_KEYS[p.kind];
        return { field: `q-${p.item}-0`, message: this.localize.term(key, { count: p.count }) };
      }),
      readNotes: this.readNotes,
      pages,
      index,
      position: flow.position(),
      mode: this.pageMode,
      progressNote: this.progressNote,
      endState: this.endState,
      declined: this.view === 'declined',
      start: () => this.start(),
      decline: () => this.decline(),
      next: (skip: boolean) => this.moved(flow.next(skip)),
      back: () => this.moved(flow.back()),
      change: (id: string) => this.moved(flow.change(id)),
      submit: () => this.submit(),
      readAloud: (item: Item) => void this.readAloud([item]),
      choose: (item: Item, value: string, on: boolean) => {
        if (flow.choose(item, value, on)) this.answered(item);
      },
      type: (item: Item, value: string) => {
        flow.answer(item, value);
        this.draft.save(flow.draft());
        this.requestUpdate();
      },
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
      ${keyed(`${this.view}/${flow.pageKey ?? ''}`, page)}
    </div>`;
  }
}
