import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type {
  Item,
  LocalisedText,
  Problem,
  QuestionnaireDefinition,
  QuestionnaireResponse,
  Section,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { faceIcon } from './faces.js';
import { Outbox, type SendState } from './outbox.js';
import {
  AtAnswerEvent,
  AtExitEvent,
  AtPageEvent,
  AtStartEvent,
  AtSubmitEvent,
  type QuestionnaireView,
} from './questionnaire.events.js';
import { speak, stopSpeaking } from './speech.js';
import { styles } from './questionnaire.styles.js';
import { questionnaireStrings } from './questionnaire.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...questionnaireStrings });

/** The model's runtime (zod and the rules), loaded on demand: see `validation.ts`. */
type Model = typeof import('./validation.js');
let model: Promise<Model> | undefined;
// zod's eval probe is switched off first: a strict CSP would report it (W3, see no-eval.ts).
const loadModel = () =>
  (model ??= import('./no-eval.js').then((m) => {
    m.zodWithoutEval();
    return import('./validation.js');
  }));

const problem = (path: (string | number)[], message: string): Problem => ({
  path,
  at: path.join('.'),
  message,
});
const describeProblems = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.at}: ${p.message}`).join('\n');

/** An answer as the element keeps it: an option value, several, or text. */
type Value = string | string[];

/** One page: one item (default) or one section's visible items. */
interface Page {
  key: string;
  section: Section;
  items: Item[];
}

/** What the draft stores (storage key: see {@link AtQuestionnaire.draftKey}). */
interface Draft {
  v: 1;
  id: string;
  startedAt: string;
  savedAt: number;
  answers: Record<string, Value>;
  view: 'question' | 'check';
  page: string | undefined;
}

/** Where "Exit this page" goes unless the host says otherwise: a neutral page. */
export const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** The largest definition `src` may return (reliability.md W4). */
const MAX_SRC_BYTES = 1024 * 1024;

/** The deepest nesting a definition from `src` may have (a real one is under 10 levels). */
const MAX_SRC_DEPTH = 64;

/**
 * A response body as text, read in chunks and abandoned as soon as it passes `max` bytes, so a
 * huge or endless body is never held in memory (W4). A declared `Content-Length` over the cap
 * fails before any byte is read.
 */
async function readCapped(res: Response, max: number): Promise<string> {
  const tooBig = () => new Error(`it is larger than ${max / 1024 / 1024} MiB`);
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Keys that reach an object's prototype machinery: refused in a definition from `src`. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of forbidden keys in parsed JSON (depth already capped, so recursion is safe). */
function forbiddenKeys(value: unknown, path: (string | number)[] = [], out: Problem[] = []) {
  if (out.length >= 10 || typeof value !== 'object' || value === null) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenKeys(v, [...path, i], out));
    return out;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      out.push(problem([...path, key], `the key "${key}" is not allowed`));
    else forbiddenKeys((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

/** The deepest nesting of `[` and `{` in JSON text (outside strings), counted without parsing. */
function nesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** A random UUID (W10): `crypto.randomUUID`, else one built from `getRandomValues`. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The time to the minute (P3: coarse times), as the model's ISO date-time. */
const minute = (d = new Date()) => `${d.toISOString().slice(0, 16)}:00Z`;

const empty = (v: Value | undefined) =>
  v === undefined || (typeof v === 'string' ? v.trim() === '' : v.length === 0);

/** `auto-read`: absent → follow the definition; `"false"` → off; anything else → on. */
const tristate = {
  fromAttribute: (v: string | null) => (v === null ? undefined : v !== 'false'),
  toAttribute: (v: boolean | undefined) => (v === undefined ? null : String(v)),
};

/**
 * A questionnaire for pupils (and staff, parents and governors), GOV.UK style: a start page, one
 * question per page (or one section per page), Back and Continue, progress, a check-answers page
 * and a confirmation page that always signposts help. Read-aloud, Exit this page, a draft saved
 * after every answer, and an offline outbox when an `endpoint` is set.
 *
 * Renders any valid `QuestionnaireDefinition`; an invalid one (or a missing `school`/`wave`) shows
 * a kind message and logs every problem with its path to the console.
 *
 * @summary Renders a questionnaire definition one question at a time and emits a validated response.
 * @tagname at-questionnaire
 *
 * @event at-start - {AtStartEvent} The person pressed Start. `definitionId`, `version`.
 * @event at-answer - {AtAnswerEvent} The person answered an item. `itemId`, `page`, `pageCount`; never the value.
 * @event at-page - {AtPageEvent} The person moved to another screen. `view`, `page`, `pageCount`.
 * @event at-submit - {AtSubmitEvent} The person sent their answers. `response` (validated `QuestionnaireResponse`), `responseId`.
 * @event at-exit - {AtExitEvent} The person pressed Exit this page (or Shift three times); the draft is cleared. Cancelable; `url`.
 *
 * @csspart base - The wrapper of every screen.
 * @csspart header - The bar with Exit this page.
 * @csspart exit - The Exit this page button.
 * @csspart progress - The `<at-progress>` indicator.
 * @csspart question - One question (a fieldset, or the text box's group).
 * @csspart question__label - A question's text (legend or label).
 * @csspart hint - A question's hint.
 * @csspart option - One option's label (with its radio or checkbox).
 * @csspart error-summary - The "There is a problem" box.
 * @csspart button - Every button (Start, Continue, Skip, Back, Send, Read aloud).
 * @csspart panel - The confirmation panel.
 * @csspart check-answers - The list of questions and answers on the check answers page.
 * @csspart help - The "Getting help" disclosure on question pages.
 *
 * @cssproperty --at-questionnaire-gap - Space between blocks. Default: `--at-space-4`, else 1.5rem.
 * @cssproperty --at-questionnaire-max-width - Width of the reading column. Default: 40rem.
 */
export class AtQuestionnaire extends AtElement {
  static override styles = styles;

  /**
   * The questionnaire to show: any value, checked with the model's `QuestionnaireDefinition`
   * schema (including `checkQuestionnaire`). Takes precedence over `src`.
   */
  @property({ attribute: false }) definition: unknown;

  /**
   * A same-origin URL of a definition as JSON, fetched without credentials (1 MiB cap, 10 s
   * timeout) and checked like `definition`.
   */
  @property() src = '';

  /** The school's URN (six digits). Required: it goes into the response. */
  @property() school = '';

  /** The wave: `baseline` (Time 1) or `end` (Time 2). Required. */
  @property() wave = '';

  /** The programme round's id (optional). */
  @property() round = '';

  /**
   * Where to POST the response as JSON (header `Idempotency-Key: <response id>`). Optional; without
   * it the host stores the response from `at-submit`.
   */
  @property() endpoint = '';

  /** Where Exit this page goes (with `location.replace`). */
  @property({ attribute: 'exit-url' }) exitUrl = DEFAULT_EXIT_URL;

  /** `question` (one question per page, the default) or `section` (one section per page). */
  @property({ attribute: 'page-mode' }) pageMode: 'question' | 'section' = 'question';

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
   * Where the draft and the outbox live. Default `sessionDraftStorage()`; nothing goes to
   * `localStorage` unless the host passes `localDraftStorage()`.
   */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  @state() private parsed: QuestionnaireDefinition | undefined;
  @state() private problems: Problem[] = [];
  @state() private loading = false;
  @state() private view: QuestionnaireView = 'start';
  @state() private pageKey: string | undefined;
  @state() private answers: Record<string, Value> = {};
  @state() private errors: [string, string][] = [];
  @state() private sendState: SendState | 'saved' | 'failed' | undefined;
  @state() private note = '';

  private m: Model | undefined;
  private parsing: Promise<unknown> = Promise.resolve();
  private responseId = '';
  private startedAt = '';
  private returnToCheck = false;
  private submitting = false;
  private focusNext: 'heading' | 'errors' | undefined;
  private readNext = false;
  private shifts: number[] = [];
  private box: Outbox | undefined;
  /** The page title before "Error: " was put in front of it (A2), while errors show. */
  private titleBefore: string | undefined;

  /** The storage key of the draft: per definition version, school, wave and round (W8). */
  get draftKey(): string {
    const d = this.parsed;
    return d
      ? `at-questionnaire/draft/${d.id}@${d.version}/${this.school}/${this.wave}/${this.round}`
      : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('keydown', this.onKey, true);
    if (this.endpoint) void this.outbox().flush();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('keydown', this.onKey, true);
    this.box?.stop();
    this.titleErrors(false);
  }

  /**
   * GOV.UK (A2): while the error summary shows, the page title starts with "Error: ", so a screen
   * reader announces the problem with the title. Restored when the errors go, unless the host has
   * changed the title meanwhile (then the host's title stays).
   */
  private titleErrors(show: boolean): void {
    const prefix = `${this.term('questionnaireErrorPrefix')} `;
    if (show && this.titleBefore === undefined) {
      if (document.title.startsWith(prefix)) return; // already says so (another element, the host)
      this.titleBefore = document.title;
      document.title = `${prefix}${document.title}`;
    } else if (!show && this.titleBefore !== undefined) {
      if (document.title === `${prefix}${this.titleBefore}`) document.title = this.titleBefore;
      this.titleBefore = undefined;
    }
  }

  private readonly onOnline = () => {
    if (this.endpoint) void this.outbox().flush();
  };

  /** GOV.UK's shortcut: Shift pressed three times within 5 seconds leaves the page. */
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Shift') {
      this.shifts = [];
      return;
    }
    if (e.repeat || !this.parsed) return;
    const now = Date.now();
    this.shifts = [...this.shifts.filter((t) => now - t < 5000), now];
    if (this.shifts.length >= 3) {
      this.shifts = [];
      void this.exit();
    }
  };

  private outbox(): Outbox {
    if (!this.box) {
      this.box = new Outbox(this.storage, this.endpoint, (id, s) => {
        if (id === this.responseId && this.view === 'done') this.sendState = s;
      });
    }
    return this.box;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('storage')) {
      this.box?.stop();
      this.box = undefined;
    }
    if (changed.has('definition') && this.definition !== undefined) this.accept(this.definition);
    else if (changed.has('src') && this.src && this.definition === undefined) {
      this.parsing = this.load(this.src);
    } else if (
      this.parsed &&
      (changed.has('school') ||
        changed.has('wave') ||
        changed.has('round') ||
        changed.has('storage'))
    ) {
      this.ready();
    }
  }

  /** Resolves once a definition given now is parsed and shown (the model loads on demand). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.parsing;
    return super.getUpdateComplete();
  }

  /** Parses a definition at the boundary: every problem is logged with its path. */
  private accept(input: unknown): void {
    this.loading = true;
    this.parsing = loadModel().then((m) => {
      if (input !== (this.definition ?? input)) return; // superseded
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
    this.checkContext();
    if (!this.problems.length) this.restore();
  }

  private fail(problems: Problem[]): void {
    this.problems = problems;
    console.error(
      `<at-questionnaire> cannot show this questionnaire:\n${describeProblems(problems)}`,
    );
  }

  private checkContext(): void {
    const m = this.m!;
    const problems: Problem[] = [];
    const add = (name: string, ok: boolean, message: string) => {
      if (!ok) problems.push(problem([name], message));
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
    if (problems.length) this.fail(problems);
    else this.problems = [];
  }

  /** Fetches `src` as hostile input (W4). */
  private async load(src: string): Promise<void> {
    this.loading = true;
    this.parsed = undefined;
    void loadModel(); // in parallel with the fetch
    let data: unknown;
    try {
      const url = new URL(src, location.href);
      if (url.origin !== location.origin) {
        throw new Error(
          `${url.origin} is not this page's origin; pass the definition as .definition`,
        );
      }
      const res = await fetch(url, {
        credentials: 'omit',
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const type = res.headers.get('content-type') ?? '';
      if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
        throw new Error(`it is not JSON (${type.split(';')[0] || 'no content type'})`);
      }
      const text = await readCapped(res, MAX_SRC_BYTES);
      const depth = nesting(text);
      if (depth > MAX_SRC_DEPTH) {
        throw new Error(`it is nested ${depth} levels deep (at most ${MAX_SRC_DEPTH})`);
      }
      data = JSON.parse(text);
    } catch (e) {
      if (src !== this.src) return;
      this.loading = false;
      const why =
        e instanceof SyntaxError
          ? `it is not valid JSON (${e.message})`
          : e instanceof DOMException && e.name === 'TimeoutError'
            ? 'no answer within 10 seconds'
            : (e as Error).message;
      this.fail([problem(['src'], `Could not load ${src}: ${why}.`)]);
      return;
    }
    if (src !== this.src || this.definition !== undefined) return;
    const keys = forbiddenKeys(data, ['src']);
    if (keys.length) {
      this.loading = false;
      this.fail(keys);
      return;
    }
    this.accept(data);
    await this.parsing;
  }

  // ---- draft ----------------------------------------------------------------------------------

  private restore(): void {
    const key = this.draftKey;
    const apply = (raw: string | null) => {
      let d: Draft | undefined;
      try {
        d = raw ? (JSON.parse(raw) as Draft) : undefined;
      } catch {
        d = undefined;
      }
      if (!d || d.v !== 1 || Date.now() - d.savedAt > this.draftMinutes * 60_000) {
        if (raw) this.store('remove', key);
        return;
      }
      this.responseId = d.id;
      this.startedAt = d.startedAt;
      this.answers = d.answers ?? {};
      this.view = d.view === 'check' ? 'check' : 'question';
      this.pageKey = d.page;
    };
    try {
      const raw = this.storage.get(key);
      if (raw instanceof Promise) void raw.then(apply, () => undefined);
      else apply(raw);
    } catch {
      // A refused storage: start afresh.
    }
  }

  private save(): void {
    if (this.view !== 'question' && this.view !== 'check') return;
    const draft: Draft = {
      v: 1,
      id: this.responseId,
      startedAt: this.startedAt,
      savedAt: Date.now(),
      answers: this.answers,
      view: this.view,
      page: this.pageKey,
    };
    this.store('set', this.draftKey, JSON.stringify(draft));
  }

  private clearDraft(): void {
    if (this.draftKey) this.store('remove', this.draftKey);
  }

  /** Writes to the host's storage; a refusal (sync or async) loses the draft, never the page. */
  private store(op: 'set' | 'remove', key: string, value = ''): void {
    try {
      const done = op === 'set' ? this.storage.set(key, value) : this.storage.remove(key);
      if (done instanceof Promise) done.catch(() => undefined);
    } catch {
      // Private mode, quota, a broken adapter: the pupil carries on without a draft.
    }
  }

  // ---- text -----------------------------------------------------------------------------------

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

  /** A definition text in the element's language, with `{parameters}` filled in. */
  private t(text: LocalisedText | undefined): string {
    if (!text) return '';
    const d = this.parsed!;
    const loc = this.locale;
    const raw = text[loc] ?? text[d.defaultLocale] ?? Object.values(text)[0] ?? '';
    return raw.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (all, name: string) => {
      const p = this.parameters?.[name] ?? d.parameters[name];
      return p === undefined
        ? all
        : typeof p === 'string'
          ? p
          : (p[loc] ?? p[d.defaultLocale] ?? all);
    });
  }

  private term(key: TranslationKey, count?: number): string {
    return this.localize.term(key, (count === undefined ? {} : { count }) as never);
  }

  // ---- pages ----------------------------------------------------------------------------------

  private pages(): Page[] {
    const d = this.parsed!;
    const shown = new Set(this.m!.visibleItems(d, this.answers).map((i) => i.id as string));
    const pages: Page[] = [];
    for (const section of d.sections) {
      const items = section.items.filter((i) => shown.has(i.id));
      if (!items.length) continue;
      if (this.pageMode === 'section') pages.push({ key: `s:${section.id}`, section, items });
      else for (const i of items) pages.push({ key: `i:${i.id}`, section, items: [i] });
    }
    return pages;
  }

  private index(pages: Page[]): number {
    return Math.max(
      0,
      pages.findIndex((p) => p.key === this.pageKey),
    );
  }

  private go(view: QuestionnaireView, pageKey?: string): void {
    stopSpeaking();
    this.view = view;
    this.pageKey = pageKey;
    this.errors = [];
    this.note = '';
    this.focusNext = 'heading';
    this.readNext = view === 'question';
    this.save();
    const pages = this.pages();
    const page = view === 'question' ? this.index(pages) + 1 : 0;
    this.emit(new AtPageEvent(view, page, pages.length));
  }

  private start = () => {
    if (!this.responseId) {
      this.responseId = uuid();
      this.startedAt = minute();
      this.answers = {};
    }
    this.submitting = false;
    this.emit(new AtStartEvent(this.parsed!.id, this.parsed!.version));
    this.go('question', this.pages()[0]?.key);
  };

  private decline = () => {
    this.clearDraft();
    this.reset();
    this.go('declined');
  };

  private reset(): void {
    this.responseId = '';
    this.startedAt = '';
    this.answers = {};
    this.returnToCheck = false;
  }

  /** The problems with the answers on a page, as [item id, message]. */
  private validate(page: Page): [string, string][] {
    const out: [string, string][] = [];
    for (const item of page.items) {
      const v = this.answers[item.id];
      if (empty(v)) {
        if (item.required) {
          out.push([
            item.id,
            this.term(
              item.type === 'free-text' ? 'questionnaireErrorText' : 'questionnaireErrorChoose',
            ),
          ]);
        }
        continue;
      }
      if (item.type === 'free-text' && typeof v === 'string' && v.length > item.maxLength) {
        out.push([item.id, this.term('questionnaireErrorTooLong', item.maxLength)]);
      } else if (item.type === 'multi-select' && this.m!.checkAnswer(item, v!, []).length) {
        const n = (v as string[]).length;
        out.push([
          item.id,
          n < item.minSelected
            ? this.term('questionnaireErrorMin', item.minSelected)
            : this.term('questionnaireErrorMax', item.maxSelected ?? n),
        ]);
      }
    }
    return out;
  }

  private next = (skip: boolean) => {
    const pages = this.pages();
    const i = this.index(pages);
    const page = pages[i];
    if (!page) return this.go('check');
    if (skip) {
      const answers = { ...this.answers };
      for (const item of page.items) delete answers[item.id];
      this.answers = answers;
    } else {
      const errors = this.validate(page);
      if (errors.length) {
        this.errors = errors;
        this.focusNext = 'errors';
        return;
      }
    }
    const after = this.pages();
    const j = after.findIndex((p) => p.key === page.key);
    if (this.returnToCheck || j + 1 >= after.length) {
      this.returnToCheck = false;
      this.go('check');
    } else this.go('question', after[j + 1]!.key);
  };

  private back = () => {
    const pages = this.pages();
    if (this.view === 'check') return this.go('question', pages[pages.length - 1]?.key);
    const i = this.index(pages);
    if (i === 0) this.go('start');
    else this.go('question', pages[i - 1]!.key);
  };

  private change(itemId: string): void {
    const page = this.pages().find((p) => p.items.some((i) => i.id === itemId));
    this.returnToCheck = true;
    this.go('question', page?.key);
  }

  private answer(item: Item, value: Value | undefined): void {
    const answers = { ...this.answers };
    if (value === undefined || empty(value)) delete answers[item.id];
    else answers[item.id] = value;
    this.answers = answers;
    this.save();
  }

  private answered(item: Item): void {
    const pages = this.pages();
    this.emit(new AtAnswerEvent(item.id, this.index(pages) + 1, pages.length));
  }

  private toggle(item: Item, value: string, on: boolean): void {
    if (item.type === 'free-text') return;
    const exclusive = new Set(
      item.options.filter((o) => o.exclusive).map((o) => o.value as string),
    );
    const now = Array.isArray(this.answers[item.id]) ? (this.answers[item.id] as string[]) : [];
    let next = now.filter((v) => v !== value);
    if (on)
      next = exclusive.has(value) ? [value] : [...next.filter((v) => !exclusive.has(v)), value];
    // Keep the definition's order so the response reads the same however they were ticked.
    const order = item.options.map((o) => o.value as string);
    this.answer(
      item,
      order.filter((v) => next.includes(v)),
    );
    this.answered(item);
  }

  // ---- read aloud, exit, submit ---------------------------------------------------------------

  private get reads(): boolean {
    return this.autoRead ?? this.parsed?.audience === 'pupil-ks1';
  }

  private spoken(item: Item): string[] {
    const parts = [this.t(item.readAloud) || [this.t(item.text), this.t(item.hint)].join('. ')];
    if (item.type === 'free-text') parts.push(this.t(item.warning));
    else for (const o of item.options) parts.push(this.t(o.readAloud) || this.t(o.label));
    return parts.filter(Boolean);
  }

  private async readAloud(items: Item[], quiet = false): Promise<void> {
    const ok = await speak(
      items.flatMap((i) => this.spoken(i)),
      this.locale,
    );
    if (!ok && !quiet) this.note = this.term('questionnaireReadAloudUnavailable');
  }

  /**
   * Leaves at once: clears the draft, then `location.replace(exit-url)` unless cancelled. The
   * outbox keeps only submitted responses, possibly other pupils': they are not deleted but sent
   * now (`keepalive` outlives the page), and its key goes once they are (decision 0006, W8).
   */
  private exit = async () => {
    stopSpeaking();
    this.clearDraft();
    if (this.endpoint) void this.outbox().flush();
    this.reset();
    this.errors = [];
    this.sendState = undefined;
    this.view = 'start';
    this.pageKey = undefined;
    const url = this.exitUrl || DEFAULT_EXIT_URL;
    if (!this.emit(new AtExitEvent(url)).defaultPrevented) location.replace(url);
  };

  private submit = () => {
    if (this.submitting) return;
    const d = this.parsed!;
    const shown = this.m!.visibleItems(d, this.answers);
    const answers: Record<string, Value> = {};
    const characteristics: Record<string, string> = { source: 'self-report' };
    for (const item of shown) {
      const v = this.answers[item.id];
      if (empty(v)) continue;
      answers[item.id] = v!;
      const c = item.scoring.characteristic;
      if (item.scoring.kind === 'characteristic' && c && typeof v === 'string')
        characteristics[c] = v;
    }
    const candidate = {
      id: this.responseId || uuid(),
      definition: { id: d.id, version: d.version },
      wave: this.wave,
      school: this.school,
      ...(this.round ? { round: this.round } : {}),
      mode: 'anonymous',
      characteristics,
      answers,
      startedAt: minute(new Date(Date.parse(this.startedAt) || Date.now())),
      submittedAt: minute(),
    };
    const result = this.m!.validateResponse(d, candidate);
    if (!result.ok) {
      console.error(
        `<at-questionnaire> built an invalid response:\n${describeProblems(result.problems)}`,
      );
      this.sendState = 'failed';
      return;
    }
    this.submitting = true;
    const response: QuestionnaireResponse = result.value;
    this.clearDraft();
    this.go('done');
    this.sendState = this.endpoint ? 'sending' : 'saved';
    this.emit(new AtSubmitEvent(response));
    if (this.endpoint) void this.outbox().add(response.id, JSON.stringify(response));
  };

  // ---- focus and auto-read after a person's navigation ----------------------------------------

  protected override updated(): void {
    this.titleErrors(this.errors.length > 0 && this.view === 'question' && !!this.parsed);
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus) {
      const target = this.renderRoot.querySelector<HTMLElement>(
        focus === 'errors' ? '.error-summary' : '[data-focus]',
      );
      target?.focus();
    }
    if (this.readNext) {
      this.readNext = false;
      if (this.reads) {
        const pages = this.pages();
        const page = pages[this.index(pages)];
        if (page) void this.readAloud(page.items, true);
      }
    }
  }

  // ---- render ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (this.loading && !this.problems.length) {
      return html`<div part="base" class="base">
        <p role="status">${this.term('questionnaireLoading')}</p>
      </div>`;
    }
    if (this.problems.length || !this.parsed) {
      return html`<div part="base" class="base">
        <div class="invalid" role="alert">
          <h1 class="title">${this.term('questionnaireInvalidTitle')}</h1>
          <p>${this.term('questionnaireInvalidBody')}</p>
        </div>
      </div>`;
    }
    return html`<div part="base" class="base" lang=${this.locale}>
      <div part="header" class="header">
        <button part="button exit" class="exit" @click=${this.exit}>
          ${this.term('questionnaireExit')}
        </button>
        <span class="exit-hint">${this.term('questionnaireExitHint')}</span>
      </div>
      <p role="status" class="note">${this.note}</p>
      ${keyed(`${this.view}/${this.pageKey ?? ''}`, this.screen())}
    </div>`;
  }

  private screen(): TemplateResult {
    switch (this.view) {
      case 'question':
        return this.questionPage();
      case 'check':
        return this.checkPage();
      case 'done':
      case 'declined':
        return this.endPage();
      default:
        return this.startPage();
    }
  }

  private buttons(primary: TemplateResult, secondary?: TemplateResult): TemplateResult {
    return html`<div class="buttons">${primary}${secondary ?? nothing}</div>`;
  }

  private startPage(): TemplateResult {
    const d = this.parsed!;
    const p = d.preamble;
    return html`<h1 class="title" tabindex="-1" data-focus>${this.t(d.title)}</h1>
      <p>${this.t(p.intro)}</p>
      ${
        p.bullyingDefinition
          ? html`<h2>${this.term('questionnaireBullyingHeading')}</h2>
              <p>${this.t(p.bullyingDefinition)}</p>`
          : nothing
      }
      <p>${this.term('questionnaireMinutes', p.minutes)}</p>
      <h2>${this.term('questionnairePrivacyHeading')}</h2>
      <p>${this.t(p.privacy)}</p>
      <p>${this.term('questionnaireAnonymous')}</p>
      ${this.buttons(
        html`<button part="button" class="button" @click=${this.start}>
          ${this.term('questionnaireStart')}
        </button>`,
        html`<button part="button" class="button secondary" @click=${this.decline}>
          ${this.term('questionnaireDecline')}
        </button>`,
      )}
      ${this.helpDetails()}`;
  }

  private backButton(): TemplateResult {
    return html`<button part="button" class="back" @click=${this.back}>
      ${this.term('questionnaireBack')}
    </button>`;
  }

  private questionPage(): TemplateResult {
    const pages = this.pages();
    const i = this.index(pages);
    const page = pages[i];
    if (!page) return this.checkPage();
    const section = this.pageMode === 'section';
    const first = pages.findIndex((p) => p.section === page.section) === i;
    const before = pages.slice(0, i).reduce((n, p) => n + p.items.length, 0);
    const total = pages.reduce((n, p) => n + p.items.length, 0);
    // One question per page: "Question 4 of 12". A section per page: "Section 2 of 5", since a
    // page holds several questions and "Question 4 of 12" would be untrue for most of them.
    const progress = section
      ? html`<at-progress
          part="progress"
          .current=${i + 1}
          .total=${pages.length}
          .label=${this.localize.term('questionnaireSectionProgress', {
            current: i + 1,
            total: pages.length,
          })}
        ></at-progress>`
      : html`<at-progress part="progress" .current=${before + 1} .total=${total}></at-progress>`;
    return html`${this.backButton()} ${progress} ${this.errorSummary()}
    ${
      section
        ? html`<h1 class="title" tabindex="-1" data-focus>${this.t(page.section.title)}</h1>`
        : html`<p class="caption">${this.t(page.section.title)}</p>`
    }
    ${first && page.section.intro ? html`<p class="intro">${this.t(page.section.intro)}</p>` : nothing}
    ${page.items.map((item) => this.question(item, !section))}
    ${this.buttons(
      html`<button part="button" class="button" @click=${() => this.next(false)}>
        ${this.term('questionnaireContinue')}
      </button>`,
      html`<button part="button" class="button secondary" @click=${() => this.next(true)}>
        ${this.term('questionnaireSkip')}
      </button>`,
    )}
    ${this.helpDetails()}`;
  }

  private errorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div
      part="error-summary"
      class="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="error-title"
    >
      <h2 id="error-title">${this.term('questionnaireErrorTitle')}</h2>
      <ul>
        ${this.errors.map(
          ([id, message]) =>
            html`<li>
              <a
                href="#q-${id}-0"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#q-${id}-0`)?.focus();
                }}
                >${message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private question(item: Item, heading: boolean): TemplateResult {
    const error = this.errors.find(([id]) => id === item.id)?.[1];
    const text = this.t(item.text);
    const label =
      item.type === 'free-text'
        ? html`<label part="question__label" class="label" for="q-${item.id}-0">${text}</label>`
        : text;
    const title = heading
      ? html`<h1 class="title" tabindex="-1" data-focus>${label}</h1>`
      : html`<h2 class="subtitle">${label}</h2>`;
    const described = [item.hint ? `hint-${item.id}` : '', error ? `error-${item.id}` : '']
      .filter(Boolean)
      .join(' ');
    const hint = item.hint
      ? html`<div part="hint" class="hint" id="hint-${item.id}">${this.t(item.hint)}</div>`
      : nothing;
    const errorLine = error
      ? html`<p class="error-message" id="error-${item.id}">
          <span class="vh">${this.term('questionnaireErrorPrefix')}</span> ${error}
        </p>`
      : nothing;
    const read = html`<button part="button" class="read" @click=${() => this.readAloud([item])}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M3 9v6h4l5 5V4L7 9H3z M16 8a5 5 0 0 1 0 8 M18.5 5a9 9 0 0 1 0 14"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
        />
      </svg>
      ${this.term('questionnaireReadAloud')}
    </button>`;
    const notice = item.notice ? html`<div class="inset">${this.t(item.notice)}</div>` : nothing;

    if (item.type === 'free-text') {
      const v = typeof this.answers[item.id] === 'string' ? (this.answers[item.id] as string) : '';
      const left = item.maxLength - v.length;
      return html`${notice}
        <div part="question" class="question ${error ? 'has-error' : ''}">
          ${title} ${read} ${hint}
          ${item.warning ? html`<div class="warning"><span aria-hidden="true">!</span> ${this.t(item.warning)}</div>` : nothing}
          ${errorLine}
          <textarea
            id="q-${item.id}-0"
            rows="5"
            aria-describedby="${[described, `count-${item.id}`].filter(Boolean).join(' ')}"
            .value=${live(v)}
            @input=${(e: Event) => this.answer(item, (e.target as HTMLTextAreaElement).value)}
            @change=${() => this.answered(item)}
          ></textarea>
          <div class="count ${left < 0 ? 'over' : ''}" id="count-${item.id}" aria-live="polite">
            ${
              left >= 0
                ? this.term('questionnaireCharsLeft', left)
                : this.term('questionnaireCharsOver', -left)
            }
          </div>
        </div>`;
    }

    const multi = item.type === 'multi-select';
    const v = this.answers[item.id];
    const chosen = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    const faces = item.type === 'faces';
    return html`${notice}
      <fieldset
        part="question"
        class="question ${error ? 'has-error' : ''}"
        aria-describedby=${described || nothing}
      >
        <legend part="question__label" class="label">${title}</legend>
        ${read} ${hint} ${errorLine}
        <div class="options ${faces ? 'faces' : ''}">
          ${item.options.map(
            (o, n) =>
              html`<label part="option" class="option">
                <input
                  id="q-${item.id}-${n}"
                  type=${multi ? 'checkbox' : 'radio'}
                  name=${item.id}
                  .value=${o.value}
                  .checked=${live(chosen.includes(o.value))}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    if (multi) this.toggle(item, o.value, on);
                    else if (on) {
                      this.answer(item, o.value);
                      this.answered(item);
                    }
                  }}
                />
                ${faces && o.face ? faceIcon(o.face) : nothing}
                <span class="option-text">${this.t(o.label)}</span>
              </label>`,
          )}
        </div>
      </fieldset>`;
  }

  private display(item: Item): string {
    const v = this.answers[item.id];
    if (empty(v)) return this.term('questionnaireNotAnswered');
    if (item.type === 'free-text') return v as string;
    const values = Array.isArray(v) ? v : [v as string];
    return item.options
      .filter((o) => values.includes(o.value))
      .map((o) => this.t(o.label))
      .join(', ');
  }

  private checkPage(): TemplateResult {
    const items = this.pages().flatMap((p) => p.items);
    return html`${this.backButton()}
      <h1 class="title" tabindex="-1" data-focus>${this.term('questionnaireCheckTitle')}</h1>
      <dl part="check-answers" class="summary">
        ${items.map(
          (item) =>
            html`<div class="row">
              <dt>${this.t(item.text)}</dt>
              <dd>${this.display(item)}</dd>
              <dd class="actions">
                <button part="button" class="link" @click=${() => this.change(item.id)}>
                  ${this.term('questionnaireChange')}<span class="vh">
                    ${this.localize.term('questionnaireChangeHidden', { question: this.t(item.text) })}</span
                  >
                </button>
              </dd>
            </div>`,
        )}
      </dl>
      ${
        this.sendState === 'failed'
          ? html`<p class="error-message" role="alert">
              ${this.term('questionnaireSubmitFailed')}
            </p>`
          : nothing
      }
      ${this.buttons(
        html`<button part="button" class="button" @click=${this.submit}>
          ${this.term('questionnaireSubmit')}
        </button>`,
      )}
      ${this.helpDetails()}`;
  }

  private helpContent(): TemplateResult {
    const d = this.parsed!;
    const own = [
      {
        title: this.term('questionnaireChildlinePhone'),
        url: this.term('questionnaireChildlinePhoneUrl'),
      },
      {
        title: this.term('questionnaireChildlineWeb'),
        url: this.term('questionnaireChildlineWebUrl'),
      },
    ];
    const links = [
      ...own,
      ...d.help.links
        .filter((l) => !own.some((o) => o.url === l.url))
        .map((l) => ({ title: this.t(l.title), url: l.url })),
    ];
    return html`<p>${this.t(d.help.text)}</p>
      <p>${this.term('questionnaireHelpAdult')}</p>
      <ul class="links">
        ${links.map((l) => html`<li><a href=${l.url} rel="noreferrer">${l.title}</a></li>`)}
      </ul>`;
  }

  private helpDetails(): TemplateResult {
    return html`<details part="help" class="help">
      <summary>${this.term('questionnaireHelpTitle')}</summary>
      ${this.helpContent()}
    </details>`;
  }

  private endPage(): TemplateResult {
    const done = this.view === 'done';
    const status: Record<string, TranslationKey> = {
      sending: 'questionnaireSending',
      sent: 'questionnaireSent',
      queued: 'questionnaireQueued',
      rejected: 'questionnaireRejected',
      saved: 'questionnaireSaved',
    };
    const key = this.sendState && status[this.sendState];
    return html`<div part="panel" class="panel ${done ? '' : 'plain'}">
        <h1 class="title" tabindex="-1" data-focus>
          ${this.term(done ? 'questionnaireDoneTitle' : 'questionnaireDeclinedTitle')}
        </h1>
        ${
          done
            ? html`<p role="status">${key ? this.term(key) : ''}</p>`
            : html`<p>${this.term('questionnaireDeclinedBody')}</p>`
        }
      </div>
      <h2>${this.term('questionnaireHelpTitle')}</h2>
      ${this.helpContent()}`;
  }
}
