// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { z } from 'zod';
import {
  Audience,
  AuditDefinition,
  AuditResponse,
  EvidenceNote,
  RespondentRole,
  Urn,
  Wave,
  fromZodError,
  statementsOf,
  type AuditStatement,
  type LocalisedText,
  type Problem,
  type Rating,
  type RatingLevel,
} from '@all-together/model';
import {
  agreementGaps,
  compareAudits,
  scoreAudit,
  type AgreementGap,
  type AuditComparison,
  type AuditScores,
  type PerceptionAgreement,
} from '@all-together/scoring';
import { AtElement } from '../shared/at-element.js';
import { AtEvent } from '../shared/events.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { localisedText, round1, signed } from '../shared/text.js';
import { uuid } from '../shared/ids.js';
import { styles } from './audit.styles.js';
import { auditStrings } from './audit.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...auditStrings });

/** `detail` of `at-audit-change`. */
export interface AtAuditChangeDetail {
  /** The draft audit, valid against `AuditResponse` (no `completedAt`). */
  readonly response: AuditResponse;
}

/**
 * Fired when the user changes the audit: a rating chosen, an evidence note added or removed.
 * `detail.response` is the whole draft, validated with the model's `AuditResponse` schema.
 */
export class AtAuditChangeEvent extends AtEvent<AtAuditChangeDetail> {
  static readonly type = 'at-audit-change';
  constructor(response: AuditResponse) {
    super(AtAuditChangeEvent.type, { response });
  }
  /** @deprecated Read `detail.response`. */
  get response(): AuditResponse {
    return this.detail.response;
  }
}

/** `detail` of `at-audit-complete`. */
export interface AtAuditCompleteDetail {
  /** The complete audit, valid against `AuditResponse`, with `completedAt`. */
  readonly response: AuditResponse;
  /** `scoreAudit(definition, response)`. */
  readonly scores: AuditScores;
  /** `compareAudits(definition, baseline, response)` in the end audit with a baseline, else null. */
  readonly comparison: AuditComparison | null;
}

/**
 * Fired when the user completes the audit (every statement rated, Don't know allowed): `detail`
 * holds the response, its scores and the comparison with the baseline.
 */
export class AtAuditCompleteEvent extends AtEvent<AtAuditCompleteDetail> {
  static readonly type = 'at-audit-complete';
  constructor(response: AuditResponse, scores: AuditScores, comparison: AuditComparison | null) {
    super(AtAuditCompleteEvent.type, { response, scores, comparison });
  }
  /** @deprecated Read `detail.response`. */
  get response(): AuditResponse {
    return this.detail.response;
  }
  /** @deprecated Read `detail.scores`. */
  get scores(): AuditScores {
    return this.detail.scores;
  }
  /** @deprecated Read `detail.comparison`. */
  get comparison(): AuditComparison | null {
    return this.detail.comparison;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-audit-change': AtAuditChangeEvent;
    'at-audit-complete': AtAuditCompleteEvent;
  }
}

/** The perception summaries `agreementGaps` takes, checked where they enter. */
const PerceptionSummaries = z.array(
  z
    .object({
      stakeholder: Audience,
      definition: z.string().min(1),
      item: z.string().min(1),
      statements: z.array(z.string()),
      agree: z.object({ count: z.int().min(0), base: z.int().min(0) }),
      missing: z.int().min(0),
    })
    .refine((row) => row.agree.count <= row.agree.base, {
      message: 'More agree than answered.',
      path: ['agree', 'count'],
    }),
);

/** Which page the audit shows. */
type View =
  | { readonly page: 'overview' }
  | { readonly page: 'statement'; readonly id: string }
  | { readonly page: 'summary' };

/** What is typed into the evidence fields and not yet added, per statement. */
type Pending = Record<string, { note: string; url: string }>;

/** The draft kept in storage: the response so far, where the user was, and unsent typing. */
const StoredDraft = z.object({
  format: z.literal(1),
  response: AuditResponse,
  view: z.union([
    z.object({ page: z.literal('overview') }),
    z.object({ page: z.literal('statement'), id: z.string() }),
    z.object({ page: z.literal('summary') }),
  ]),
  pending: z.record(z.string(), z.object({ note: z.string(), url: z.string() })).default({}),
});

/** A field-level error on the statement or summary page. */
interface FieldError {
  readonly field: 'evidence-note' | 'evidence-url' | 'complete';
  readonly message: string;
}

const LEVELS: readonly RatingLevel[] = ['fully-met', 'partially-met', 'not-yet-met'];
const MAX_NOTE = 2000;
const MAX_NOTES = 50;

const LEVEL_KEYS: Readonly<Record<Rating, TranslationKey>> = {
  'fully-met': 'auditLevelFullyMet',
  'partially-met': 'auditLevelPartiallyMet',
  'not-yet-met': 'auditLevelNotYetMet',
  'dont-know': 'auditLevelDontKnow',
};

const STAKEHOLDER_KEYS: Readonly<Record<Audience, TranslationKey>> = {
  staff: 'auditStakeholderStaff',
  'parent-carer': 'auditStakeholderParentCarer',
  governor: 'auditStakeholderGovernor',
  'pupil-ks1': 'auditStakeholderPupilKs1',
  'pupil-ks2': 'auditStakeholderPupilKs2',
  'pupil-secondary': 'auditStakeholderPupilSecondary',
  'school-lead': 'auditStakeholderSchoolLead',
  'cpd-delegate': 'auditStakeholderCpdDelegate',
};

/** A percentage for display: one decimal place, rounded down so 59.96% never reads as 60%. */
const floor1 = (x: number) => Math.floor(x * 10) / 10;

/** Reports the exact problems with an input on the console (never a value a user typed). */
function report(what: string, problems: readonly Problem[]): void {
  console.error(
    `<at-audit>: ${what} is not valid:\n${problems.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`,
  );
}

/**
 * The 360° audit of a school's anti-bullying practice, in the GOV.UK task-list pattern: an overview
 * of the areas with their status, one page per statement with the three level descriptors (plus
 * Don't know) as radios, guidance on demand, evidence notes and links, and a summary with the
 * scores. Every figure comes from `@all-together/scoring`. The draft is saved as the user goes,
 * through {@link AtAudit.storage} (sessionStorage by default).
 *
 * In the end audit (`wave="end"`) each statement shows its baseline rating, and the summary shows
 * the change. Given perception-survey summaries, each statement shows how far staff, pupils,
 * parents and governors agree, and says so in plain words when a group rates it lower.
 *
 * @summary The 360° anti-bullying audit: rate each statement, note evidence, see scores and change.
 * @tagname at-audit
 *
 * @event at-audit-change - {CustomEvent<{ response: AuditResponse }>} The user changed a rating or the evidence; `detail.response` is the validated draft.
 * @event at-audit-complete - {CustomEvent<{ response: AuditResponse; scores: AuditScores; comparison: AuditComparison | null }>} The user completed the audit.
 *
 * @csspart base - The wrapper of every page.
 * @csspart task-list - The list of areas on the overview.
 * @csspart task - One area in the task list.
 * @csspart tag - A status tag (Not started, In progress, Completed).
 * @csspart statement - The statement page.
 * @csspart option - One rating choice (radio, label and descriptor).
 * @csspart baseline - The baseline rating shown in the end audit.
 * @csspart perception - What other groups say (the 360° view).
 * @csspart guidance - The guidance disclosure.
 * @csspart evidence - The evidence section.
 * @csspart error-summary - The error summary.
 * @csspart summary - The summary page.
 * @csspart button - Buttons.
 *
 * @cssproperty --at-audit-max-width - The widest the content grows. Default: 48rem.
 */
export class AtAudit extends AtElement {
  static override styles = styles;

  /** The audit definition (`AuditDefinition`, e.g. `getAudit()`). Invalid: a message on screen, the exact problems on the console. */
  @property({ attribute: false }) definition: unknown;

  /** An existing audit response (`AuditResponse`) to continue or view. A newer draft of the same audit in storage wins. */
  @property({ attribute: false }) response: unknown;

  /** The baseline audit (`AuditResponse`), shown beside each statement and compared in the end audit. */
  @property({ attribute: false }) baseline: unknown;

  /** Perception-survey summaries (`PerceptionAgreement[]` from `perceptionAgreement`) for the 360° view. */
  @property({ attribute: false }) perception: unknown;

  /** The school's URN (six digits). Required. */
  @property() school = '';

  /** Who completes the audit (`RespondentRole`). */
  @property({ attribute: 'respondent-role' }) respondentRole = 'school-lead';

  /** `baseline` or `end`. The end audit shows the baseline rating beside each statement. */
  @property({ reflect: true }) wave: 'baseline' | 'end' = 'baseline';

  /** Where the draft is kept. Default `sessionDraftStorage()`; staff devices may use `localDraftStorage()`. */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  @state() private draft: AuditResponse | undefined;
  @state() private view: View = { page: 'overview' };
  @state() private pending: Pending = {};
  @state() private errors: readonly FieldError[] = [];
  @state() private status = '';

  private parsedDefinition: AuditDefinition | undefined;
  private parsedBaseline: AuditResponse | undefined;
  private parsedPerception: PerceptionAgreement[] | undefined;
  private problem: 'definition' | 'setup' | 'response' | undefined;
  private perceptionInvalid = false;
  private baselineInvalid = false;
  private restoreRun = 0;
  private focusAfterRender: 'heading' | 'errors' | string | undefined;

  /** The key under which the draft is stored, or undefined until the element is set up. */
  get storageKey(): string | undefined {
    const d = this.parsedDefinition;
    if (!d || this.problem) return undefined;
    return `at-audit:${d.id}@${d.version}:${this.school}:${this.wave}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['definition', 'response', 'school', 'respondentRole', 'wave', 'storage'];
    if (inputs.some((k) => changed.has(k as keyof AtAudit))) this.parseInputs();
    if (changed.has('baseline')) {
      this.parsedBaseline = undefined;
      this.baselineInvalid = false;
      if (this.baseline !== undefined && this.baseline !== null) {
        const result = AuditResponse.safeParse(this.baseline);
        if (result.success) this.parsedBaseline = result.data;
        else {
          this.baselineInvalid = true;
          report('baseline', fromZodError(result.error));
        }
      }
    }
    if (changed.has('perception')) {
      this.parsedPerception = undefined;
      this.perceptionInvalid = false;
      if (this.perception !== undefined && this.perception !== null) {
        const result = PerceptionSummaries.safeParse(this.perception);
        if (result.success) this.parsedPerception = result.data as PerceptionAgreement[];
        else {
          this.perceptionInvalid = true;
          report('perception', fromZodError(result.error));
        }
      }
    }
  }

  private parseInputs(): void {
    this.problem = undefined;
    // Not given yet (a host sets properties after creating the element): wait, quietly.
    if (this.definition === undefined) {
      this.parsedDefinition = undefined;
      return;
    }
    const definition = AuditDefinition.safeParse(this.definition);
    if (!definition.success) {
      this.parsedDefinition = undefined;
      this.problem = 'definition';
      report('definition', fromZodError(definition.error));
      return;
    }
    this.parsedDefinition = definition.data;
    const school = Urn.safeParse(this.school);
    const role = RespondentRole.safeParse(this.respondentRole);
    const wave = Wave.safeParse(this.wave);
    if (!school.success || !role.success || !wave.success) {
      this.problem = 'setup';
      const problems = [
        ...(school.success ? [] : fromZodError(school.error).map((p) => ({ ...p, at: 'school' }))),
        ...(role.success
          ? []
          : fromZodError(role.error).map((p) => ({ ...p, at: 'respondent-role' }))),
        ...(wave.success ? [] : fromZodError(wave.error).map((p) => ({ ...p, at: 'wave' }))),
      ];
      report('the setup', problems);
      return;
    }
    if (this.response !== undefined && this.response !== null) {
      const response = AuditResponse.safeParse(this.response);
      if (!response.success) {
        this.problem = 'response';
        report('response', fromZodError(response.error));
        return;
      }
    }
    void this.restore();
  }

  /** Loads the draft: from storage when it holds this audit, else from `response`, else new. */
  private async restore(): Promise<void> {
    const run = ++this.restoreRun;
    const key = this.storageKey;
    const definition = this.parsedDefinition!;
    const given = this.response ? AuditResponse.parse(this.response) : undefined;
    let stored: z.infer<typeof StoredDraft> | undefined;
    if (key) {
      try {
        const raw = await this.storage.get(key);
        const result = raw ? StoredDraft.safeParse(JSON.parse(raw)) : undefined;
        if (result?.success) stored = result.data;
      } catch {
        // An unreadable draft is ignored rather than shown half-read.
      }
    }
    if (run !== this.restoreRun) return;
    const matches = (r: AuditResponse) =>
      r.definition.id === definition.id &&
      r.definition.version === definition.version &&
      r.wave === this.wave &&
      r.school === this.school;
    if (stored && matches(stored.response) && (!given || stored.response.id === given.id)) {
      this.draft = stored.response;
      this.view = this.validView(stored.view);
      this.pending = stored.pending;
    } else if (given) {
      this.draft = given;
      this.view = { page: 'overview' };
      this.pending = {};
    } else {
      this.draft = {
        id: uuid() as AuditResponse['id'],
        definition: { id: definition.id, version: definition.version },
        school: this.school as AuditResponse['school'],
        wave: this.wave,
        respondentRole: this.respondentRole as AuditResponse['respondentRole'],
        ratings: {},
        evidence: {},
        updatedAt: new Date().toISOString(),
      };
      this.view = { page: 'overview' };
      this.pending = {};
    }
    this.errors = [];
  }

  private validView(view: View): View {
    if (view.page !== 'statement') return view;
    return this.statement(view.id) ? view : { page: 'overview' };
  }

  private statement(id: string): { statement: AuditStatement; area: number } | undefined {
    for (const area of this.parsedDefinition?.areas ?? []) {
      const statement = area.statements.find((s) => s.id === id);
      if (statement) return { statement, area: area.number };
    }
    return undefined;
  }

  private text(text: LocalisedText): string {
    return localisedText(text, this.localize.lang, this.parsedDefinition!.defaultLocale);
  }

  private async persist(): Promise<void> {
    const key = this.storageKey;
    if (!key || !this.draft) return;
    const value = JSON.stringify({
      format: 1,
      response: this.draft,
      view: this.view,
      pending: this.pending,
    });
    await this.storage.set(key, value);
  }

  /** Updates the draft, saves it, and emits `at-audit-change` when it is valid. */
  private change(update: (draft: AuditResponse) => AuditResponse): void {
    if (!this.draft) return;
    const next = update({ ...this.draft, updatedAt: new Date().toISOString() });
    const result = AuditResponse.safeParse(next);
    if (!result.success) {
      report('the draft', fromZodError(result.error));
      return;
    }
    this.draft = result.data;
    void this.persist();
    this.status = this.localize.term('auditSaved', {});
    this.emit(new AtAuditChangeEvent(result.data));
  }

  private go(view: View): void {
    this.view = view;
    this.errors = [];
    this.status = '';
    this.focusAfterRender = 'heading';
    void this.persist();
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    if (!target) return;
    this.focusAfterRender = undefined;
    const selector =
      target === 'heading' ? '#page-heading' : target === 'errors' ? '#error-summary' : target;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ─────────────────────────────── user actions ───────────────────────────────

  private rate(id: string, rating: Rating): void {
    this.change((d) => ({ ...d, ratings: { ...d.ratings, [id]: rating } }));
  }

  private typed(id: string, field: 'note' | 'url', value: string): void {
    const current = this.pending[id] ?? { note: '', url: '' };
    this.pending = { ...this.pending, [id]: { ...current, [field]: value } };
    void this.persist();
  }

  private addEvidence(event: Event, id: string): void {
    event.preventDefault();
    const typed = this.pending[id] ?? { note: '', url: '' };
    const url = typed.url.trim();
    const candidate = { note: typed.note.trim(), ...(url ? { url } : {}) };
    const errors: FieldError[] = [];
    const result = EvidenceNote.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0] === 'url' ? 'evidence-url' : 'evidence-note';
        if (errors.some((e) => e.field === field)) continue;
        errors.push({ field, message: this.evidenceMessage(field, issue.code, candidate.note) });
      }
    }
    const existing = this.draft?.evidence[id] ?? [];
    if (errors.length === 0 && existing.length >= MAX_NOTES) {
      errors.push({
        field: 'evidence-note',
        message: this.localize.term('auditErrorTooMany', { max: MAX_NOTES }),
      });
    }
    if (errors.length > 0 || !result.success) {
      this.errors = errors;
      this.status = '';
      this.focusAfterRender = 'errors';
      return;
    }
    this.errors = [];
    const { [id]: _added, ...rest } = this.pending;
    this.pending = rest;
    this.change((d) => ({ ...d, evidence: { ...d.evidence, [id]: [...existing, result.data] } }));
    this.status = this.localize.term('auditEvidenceAdded', {});
  }

  private evidenceMessage(field: FieldError['field'], code: string, note: string): string {
    if (field === 'evidence-url') return this.localize.term('auditErrorUrl', {});
    if (note.length === 0) return this.localize.term('auditErrorNoteEmpty', {});
    if (code === 'too_big') return this.localize.term('auditErrorNoteTooLong', { max: MAX_NOTE });
    return this.localize.term('auditErrorNoteCharacters', {});
  }

  private removeEvidence(id: string, index: number): void {
    this.change((d) => {
      const notes = (d.evidence[id] ?? []).filter((_, i) => i !== index);
      const { [id]: _removed, ...rest } = d.evidence;
      return { ...d, evidence: notes.length > 0 ? { ...rest, [id]: notes } : rest };
    });
    this.focusAfterRender = '#evidence-note';
  }

  private complete(): void {
    const definition = this.parsedDefinition;
    if (!definition || !this.draft) return;
    const scores = scoreAudit(definition, this.draft);
    if (scores.counts.unrated > 0) {
      this.errors = [
        {
          field: 'complete',
          message: this.localize.term('auditErrorUnrated', { count: scores.counts.unrated }),
        },
      ];
      this.focusAfterRender = 'errors';
      return;
    }
    const now = new Date().toISOString();
    const result = AuditResponse.safeParse({ ...this.draft, updatedAt: now, completedAt: now });
    if (!result.success) {
      report('the completed audit', fromZodError(result.error));
      return;
    }
    this.draft = result.data;
    this.errors = [];
    void this.persist();
    this.status = this.localize.term('auditCompleted', {});
    const comparison =
      this.wave === 'end' && this.parsedBaseline
        ? compareAudits(definition, this.parsedBaseline, result.data)
        : null;
    this.emit(new AtAuditCompleteEvent(result.data, scores, comparison));
  }

  private firstUnrated(): string | undefined {
    return statementsOf(this.parsedDefinition!).find((s) => !this.draft?.ratings[s.id])?.id;
  }

  private focusField(event: Event, field: FieldError['field']): void {
    event.preventDefault();
    if (field === 'complete') {
      const id = this.firstUnrated();
      if (id) this.go({ page: 'statement', id });
      return;
    }
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  // ─────────────────────────────── rendering ───────────────────────────────

  protected override render() {
    if (this.problem) {
      const body: TranslationKey =
        this.problem === 'definition'
          ? 'auditInvalidDefinition'
          : this.problem === 'setup'
            ? 'auditInvalidSetup'
            : 'auditInvalidResponse';
      return html`<div part="base" class="base">
        <div class="problem" role="alert">
          <h2 class="heading-m">${this.localize.term('auditInvalidTitle', {})}</h2>
          <p>${this.localize.term(body, {})}</p>
        </div>
      </div>`;
    }
    const definition = this.parsedDefinition;
    if (!definition || !this.draft) return html`<div part="base" class="base"></div>`;
    const scores = scoreAudit(definition, this.draft);
    const gaps = this.parsedPerception
      ? agreementGaps(definition, this.draft, this.parsedPerception)
      : [];
    const page =
      this.view.page === 'statement'
        ? this.renderStatement(this.view.id, gaps)
        : this.view.page === 'summary'
          ? this.renderSummary(scores)
          : this.renderOverview(scores, gaps);
    return html`<div part="base" class="base">
      <p class="caption">
        ${this.localize.term(this.wave === 'end' ? 'auditWaveEnd' : 'auditWaveBaseline', {})}
      </p>
      ${
        this.baselineInvalid
          ? html`<p class="notice">${this.localize.term('auditInvalidBaseline', {})}</p>`
          : nothing
      }
      ${
        this.perceptionInvalid
          ? html`<p class="notice">${this.localize.term('auditInvalidPerception', {})}</p>`
          : nothing
      }
      ${page}
      <p class="status" role="status">${this.status}</p>
    </div>`;
  }

  private renderErrors(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<div
      id="error-summary"
      part="error-summary"
      class="error-summary"
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <div role="alert">
        <h2 id="error-summary-title" class="heading-m">
          ${this.localize.term('auditErrorSummaryTitle', {})}
        </h2>
        <ul class="error-summary__list">
          ${this.errors.map(
            (e) =>
              html`<li>
                <a href="#${e.field}" @click=${(ev: Event) => this.focusField(ev, e.field)}
                  >${e.message}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  private errorFor(field: FieldError['field']): FieldError | undefined {
    return this.errors.find((e) => e.field === field);
  }

  private renderOverview(scores: AuditScores, gaps: readonly AgreementGap[]) {
    const definition = this.parsedDefinition!;
    const completed = scores.areas.filter((a) => a.unrated === 0).length;
    const gapCount = gaps.filter((g) => g.gap).length;
    return html`<div class="overview">
      <h2 id="page-heading" class="heading-l" tabindex="-1">${this.text(definition.title)}</h2>
      ${definition.intro ? html`<p>${this.text(definition.intro)}</p>` : nothing}
      <p>
        ${this.localize.term('auditAreasCompleted', {
          count: completed,
          total: scores.areas.length,
        })}
      </p>
      ${
        gapCount > 0
          ? html`<p class="flag">
              ${this.localize.term('auditPerceptionGapCount', { count: gapCount })}
            </p>`
          : nothing
      }
      <ul
        part="task-list"
        class="task-list"
        aria-label=${this.localize.term('auditAreasLabel', {})}
      >
        ${definition.areas.map((area, i) => {
          const score = scores.areas[i]!;
          const rated = score.answered + score.dontKnow;
          const total = rated + score.unrated;
          const status: TranslationKey =
            score.unrated === 0
              ? 'auditStatusCompleted'
              : rated === 0
                ? 'auditStatusNotStarted'
                : 'auditStatusInProgress';
          const first =
            area.statements.find((s) => !this.draft!.ratings[s.id]) ?? area.statements[0]!;
          return html`<li part="task" class="task">
            <div class="task__name">
              <button
                type="button"
                class="link"
                aria-describedby="area-${area.number}-hint area-${area.number}-status"
                @click=${() => this.go({ page: 'statement', id: first.id })}
              >
                ${this.localize.term('auditAreaName', {
                  number: area.number,
                  title: this.text(area.title),
                })}
              </button>
              <div class="hint" id="area-${area.number}-hint">
                ${this.localize.term('auditAreaProgress', { rated, total })}
              </div>
            </div>
            <div class="task__status" id="area-${area.number}-status">
              <strong part="tag" class="tag tag--${status}"
                >${this.localize.term(status, {})}</strong
              >
            </div>
          </li>`;
        })}
      </ul>
      <p>
        <button
          type="button"
          part="button"
          class="button"
          @click=${() => this.go({ page: 'summary' })}
        >
          ${this.localize.term('auditCheckLink', {})}
        </button>
      </p>
    </div>`;
  }

  private renderStatement(id: string, gaps: readonly AgreementGap[]) {
    const definition = this.parsedDefinition!;
    const found = this.statement(id)!;
    const { statement } = found;
    const area = definition.areas.find((a) => a.number === found.area)!;
    const all = statementsOf(definition);
    const index = all.findIndex((s) => s.id === id);
    const rating = this.draft!.ratings[id];
    const previous = all[index - 1];
    const next = all[index + 1];
    const levelOption = (level: Rating, hint: string) =>
      html`<div part="option" class="option">
        <input
          type="radio"
          class="option__input"
          id="rating-${level}"
          name="rating"
          .value=${level}
          .checked=${live(rating === level)}
          aria-describedby="rating-${level}-hint"
          @change=${() => this.rate(id, level)}
        />
        <label class="option__label" for="rating-${level}"
          >${this.localize.term(LEVEL_KEYS[level], {})}</label
        >
        <div class="hint option__hint" id="rating-${level}-hint">${hint}</div>
      </div>`;
    return html`<div part="statement" class="statement">
      ${this.renderErrors()}
      <p class="caption">
        ${this.localize.term('auditStatementCaption', {
          number: area.number,
          title: this.text(area.title),
          position: index + 1,
          count: all.length,
        })}
      </p>
      <fieldset class="fieldset" aria-describedby="rating-hint">
        <legend class="legend">
          <h2 id="page-heading" class="heading-l" tabindex="-1">
            <span class="statement__id">${statement.id}</span> ${this.text(statement.text)}
          </h2>
        </legend>
        ${this.wave === 'end' ? this.renderBaseline(id) : nothing}
        <div class="hint" id="rating-hint">${this.localize.term('auditRatingHint', {})}</div>
        ${LEVELS.map((level) => levelOption(level, this.text(statement.descriptors[level])))}
        <div class="divider">${this.localize.term('auditOr', {})}</div>
        ${levelOption('dont-know', this.localize.term('auditDontKnowHint', {}))}
      </fieldset>
      ${this.renderPerception(id, gaps)} ${this.renderGuidance(statement)}
      ${this.renderEvidence(statement)}
      <div class="actions">
        <button
          type="button"
          part="button"
          class="button"
          @click=${() => this.go(next ? { page: 'statement', id: next.id } : { page: 'summary' })}
        >
          ${this.localize.term(next ? 'auditContinue' : 'auditContinueToCheck', {})}
        </button>
        ${
          previous
            ? html`<button
                type="button"
                part="button"
                class="button button--secondary"
                @click=${() => this.go({ page: 'statement', id: previous.id })}
              >
                ${this.localize.term('auditPrevious', {})}
              </button>`
            : nothing
        }
        <button type="button" class="link" @click=${() => this.go({ page: 'overview' })}>
          ${this.localize.term('auditBackToOverview', {})}
        </button>
      </div>
    </div>`;
  }

  private renderBaseline(id: string) {
    const before = this.parsedBaseline?.ratings[id];
    if (!this.parsedBaseline) return nothing;
    return html`<p part="baseline" class="inset">
      ${
        before
          ? this.localize.term('auditBaselineRating', {
              rating: this.localize.term(LEVEL_KEYS[before], {}),
            })
          : this.localize.term('auditBaselineUnrated', {})
      }
    </p>`;
  }

  private renderPerception(id: string, gaps: readonly AgreementGap[]) {
    const perception = this.parsedPerception;
    const found = gaps.find((g) => g.statement === id);
    if (!perception || !found) return nothing;
    const definition = this.parsedDefinition!;
    // Which groups make the gap: scoring decides, one group at a time.
    const gapBy = new Set(
      found.stakeholders
        .filter(
          (s) =>
            agreementGaps(
              definition,
              this.draft!,
              perception.filter((p) => p.stakeholder === s.stakeholder),
            ).find((g) => g.statement === id)?.gap,
        )
        .map((s) => s.stakeholder),
    );
    return html`<section part="perception" class="perception" aria-labelledby="perception-heading">
      <h3 id="perception-heading" class="heading-s">
        ${this.localize.term('auditPerceptionHeading', {})}
      </h3>
      <ul class="perception__list">
        ${found.stakeholders.map((s) => {
          const group = this.localize.term(STAKEHOLDER_KEYS[s.stakeholder], {});
          return html`<li class=${gapBy.has(s.stakeholder) ? 'perception__row--gap' : ''}>
            ${
              s.tooFewAnswers || s.percent === null
                ? this.localize.term('auditPerceptionTooFew', { group, base: s.agree.base })
                : this.localize.term('auditPerceptionRow', {
                    group,
                    percent: floor1(s.percent),
                    count: s.agree.count,
                    base: s.agree.base,
                  })
            }
            ${
              gapBy.has(s.stakeholder)
                ? html`<strong class="flag"
                    >${this.localize.term('auditPerceptionGap', { group })}</strong
                  >`
                : nothing
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderGuidance(statement: AuditStatement) {
    const { why, tips, resources } = statement.guidance;
    return html`<details part="guidance" class="details">
      <summary class="details__summary">
        <span>${this.localize.term('auditGuidanceSummary', {})}</span>
      </summary>
      <div class="details__text">
        <h3 class="heading-s">${this.localize.term('auditGuidanceWhy', {})}</h3>
        <p>${this.text(why)}</p>
        ${
          tips.length > 0
            ? html`<h3 class="heading-s">${this.localize.term('auditGuidanceTips', {})}</h3>
                <ul>
                  ${tips.map((t) => html`<li>${this.text(t)}</li>`)}
                </ul>`
            : nothing
        }
        ${
          resources.length > 0
            ? html`<h3 class="heading-s">${this.localize.term('auditGuidanceResources', {})}</h3>
                <ul>
                  ${resources.map(
                    (r) =>
                      html`<li>
                        <a class="link-text" href=${r.url} target="_blank" rel="noopener noreferrer"
                          >${this.text(r.title)}
                          ${this.localize.term('auditGuidanceExternal', {})}</a
                        >
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
      </div>
    </details>`;
  }

  private renderEvidence(statement: AuditStatement) {
    const id = statement.id;
    const notes = this.draft!.evidence[id] ?? [];
    const typed = this.pending[id] ?? { note: '', url: '' };
    const noteError = this.errorFor('evidence-note');
    const urlError = this.errorFor('evidence-url');
    const prefix = this.localize.term('auditErrorPrefix', {});
    return html`<section part="evidence" class="evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading" class="heading-m">
        ${this.localize.term('auditEvidenceHeading', {})}
      </h3>
      <p class="heading-s">${this.localize.term('auditEvidencePrompts', {})}</p>
      <ul>
        ${statement.evidencePrompts.map((p) => html`<li>${this.text(p)}</li>`)}
      </ul>
      <p>${this.localize.term('auditEvidenceCount', { count: notes.length })}</p>
      ${
        notes.length > 0
          ? html`<ol class="evidence__list">
              ${notes.map(
                (n, i) =>
                  html`<li class="evidence__item">
                    <span class="evidence__note">${n.note}</span>
                    ${n.url ? html`<span class="evidence__url">${n.url}</span>` : nothing}
                    <button
                      type="button"
                      part="button"
                      class="button button--secondary button--small"
                      @click=${() => this.removeEvidence(id, i)}
                    >
                      ${this.localize.term('auditEvidenceRemove', { n: i + 1 })}
                    </button>
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      <form class="evidence__form" novalidate @submit=${(e: Event) => this.addEvidence(e, id)}>
        <div class="field ${noteError ? 'field--error' : ''}">
          <label class="label" for="evidence-note"
            >${this.localize.term('auditEvidenceNoteLabel', {})}</label
          >
          <div class="hint" id="evidence-note-hint">
            ${this.localize.term('auditEvidenceNoteHint', {})}
          </div>
          ${
            noteError
              ? html`<p class="error-message" id="evidence-note-error">
                  <span class="visually-hidden">${prefix}</span> ${noteError.message}
                </p>`
              : nothing
          }
          <textarea
            id="evidence-note"
            class="textarea"
            rows="3"
            aria-describedby="evidence-note-hint ${noteError ? 'evidence-note-error' : ''}"
            aria-invalid=${noteError ? 'true' : 'false'}
            .value=${live(typed.note)}
            @input=${(e: Event) => this.typed(id, 'note', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="field ${urlError ? 'field--error' : ''}">
          <label class="label" for="evidence-url"
            >${this.localize.term('auditEvidenceUrlLabel', {})}</label
          >
          <div class="hint" id="evidence-url-hint">
            ${this.localize.term('auditEvidenceUrlHint', {})}
          </div>
          ${
            urlError
              ? html`<p class="error-message" id="evidence-url-error">
                  <span class="visually-hidden">${prefix}</span> ${urlError.message}
                </p>`
              : nothing
          }
          <input
            id="evidence-url"
            class="input"
            type="text"
            inputmode="url"
            spellcheck="false"
            autocomplete="off"
            aria-describedby="evidence-url-hint ${urlError ? 'evidence-url-error' : ''}"
            aria-invalid=${urlError ? 'true' : 'false'}
            .value=${live(typed.url)}
            @input=${(e: Event) => this.typed(id, 'url', (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" part="button" class="button button--secondary">
          ${this.localize.term('auditEvidenceAdd', {})}
        </button>
      </form>
    </section>`;
  }

  private renderSummary(scores: AuditScores) {
    const definition = this.parsedDefinition!;
    const end = this.wave === 'end' && this.parsedBaseline !== undefined;
    const comparison = end ? compareAudits(definition, this.parsedBaseline!, this.draft!) : null;
    const percent = (x: number | null) =>
      x === null
        ? this.localize.term('auditNoScore', {})
        : this.localize.term('auditPercent', { value: round1(x) });
    const changeText = (x: number | null) => {
      if (x === null) return this.localize.term('auditNoScore', {});
      return this.localize.term('auditChange', { value: signed(this.localize.lang, round1(x)) });
    };
    const counts: readonly [string, number][] = [
      [this.localize.term('auditLevelFullyMet', {}), scores.counts['fully-met']],
      [this.localize.term('auditLevelPartiallyMet', {}), scores.counts['partially-met']],
      [this.localize.term('auditLevelNotYetMet', {}), scores.counts['not-yet-met']],
      [this.localize.term('auditLevelDontKnow', {}), scores.counts['dont-know']],
      [this.localize.term('auditLevelUnrated', {}), scores.counts.unrated],
    ];
    return html`<div part="summary" class="summary">
      ${this.renderErrors()}
      <h2 id="page-heading" class="heading-l" tabindex="-1">
        ${this.localize.term('auditSummaryHeading', {})}
      </h2>
      ${
        this.draft!.completedAt
          ? html`<p class="inset">${this.localize.term('auditCompleted', {})}</p>`
          : nothing
      }
      <table class="table" id="area-scores">
        <caption class="heading-m">
          ${this.localize.term('auditSummaryScoresCaption', {})}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.localize.term('auditSummaryArea', {})}</th>
            ${
              end
                ? html`<th scope="col" class="num">
                    ${this.localize.term('auditSummaryBaseline', {})}
                  </th>`
                : nothing
            }
            <th scope="col" class="num">${this.localize.term('auditSummaryScore', {})}</th>
            ${
              end
                ? html`<th scope="col" class="num">
                    ${this.localize.term('auditSummaryChange', {})}
                  </th>`
                : nothing
            }
          </tr>
        </thead>
        <tbody>
          ${definition.areas.map((area, i) => {
            const change = comparison?.areas[i];
            return html`<tr data-area=${area.number}>
              <th scope="row">
                ${this.localize.term('auditAreaName', {
                  number: area.number,
                  title: this.text(area.title),
                })}
              </th>
              ${end ? html`<td class="num">${percent(change!.baseline)}</td>` : nothing}
              <td class="num" data-score>${percent(scores.areas[i]!.percent)}</td>
              ${end ? html`<td class="num" data-change>${changeText(change!.change)}</td>` : nothing}
            </tr>`;
          })}
          <tr data-area="overall">
            <th scope="row">${this.localize.term('auditSummaryOverall', {})}</th>
            ${end ? html`<td class="num">${percent(comparison!.overall.baseline)}</td>` : nothing}
            <td class="num" data-score>${percent(scores.overall)}</td>
            ${
              end
                ? html`<td class="num" data-change>${changeText(comparison!.overall.change)}</td>`
                : nothing
            }
          </tr>
        </tbody>
      </table>
      <table class="table" id="rating-counts">
        <caption class="heading-m">
          ${this.localize.term('auditSummaryCountsCaption', {})}
        </caption>
        <thead>
          <tr>
            <th scope="col">${this.localize.term('auditSummaryRating', {})}</th>
            <th scope="col" class="num">${this.localize.term('auditSummaryStatements', {})}</th>
          </tr>
        </thead>
        <tbody>
          ${counts.map(
            ([label, n]) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td class="num">${n}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        scores.dontKnow.length > 0
          ? html`<h3 class="heading-s">${this.localize.term('auditSummaryDontKnow', {})}</h3>
              <ul class="dont-know" id="dont-know">
                ${scores.dontKnow.map((id) => {
                  const found = this.statement(id);
                  return html`<li>
                    <button
                      type="button"
                      class="link"
                      @click=${() => this.go({ page: 'statement', id })}
                    >
                      ${id} ${found ? this.text(found.statement.text) : ''}
                    </button>
                  </li>`;
                })}
              </ul>`
          : nothing
      }
      ${
        comparison
          ? html`<p id="directions">
              ${this.localize.term('auditSummaryDirections', {
                improved: comparison.directions.improved,
                same: comparison.directions.same,
                worse: comparison.directions.worse,
                notComparable: comparison.directions['not-comparable'],
              })}
            </p>`
          : nothing
      }
      <div class="actions">
        <button type="button" part="button" class="button" id="complete" @click=${this.complete}>
          ${this.localize.term('auditComplete', {})}
        </button>
        <button type="button" class="link" @click=${() => this.go({ page: 'overview' })}>
          ${this.localize.term('auditBackToOverview', {})}
        </button>
      </div>
    </div>`;
  }
}
