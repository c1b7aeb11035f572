// Over the 400-line aim (style.md): about 120 lines are the documented public API and the schema
// of what enters (published perception results, the stored draft); the pages are in audit.render.ts,
// audit.statement.ts and audit.summary.ts, drafts and focus in the shared controllers.
// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod';
import {
  Audience,
  AuditDefinition,
  AuditResponse,
  AwardRules,
  DEFAULT_DISCLOSURE_CONTROL,
  EvidenceNote,
  ShownCount,
  ShownPercent,
  RespondentRole,
  Urn,
  Wave,
  fromZodError,
  statementsOf,
  type AuditStatement,
  type LocalisedText,
  type Problem,
  type Rating,
} from '@all-together/model';
import {
  agreementGapsPublished,
  compareAudits,
  scoreAudit,
  type PublishedPerception,
} from '@all-together/scoring';
import { AtElement } from '../shared/at-element.js';
import { DraftController } from '../shared/controllers/draft-controller.js';
import { FocusController } from '../shared/controllers/focus-controller.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { localisedText } from '../shared/text.js';
import { uuid } from '../shared/ids.js';
import { AtAuditChangeEvent, AtAuditCompleteEvent } from './audit.events.js';
import { renderStatement } from './audit.statement.js';
import { renderSummary } from './audit.summary.js';
import {
  renderOverview,
  type AuditScreen,
  type FieldError,
  type Pending,
  type View,
} from './audit.render.js';
import { styles } from './audit.styles.js';
import { auditStrings } from './audit.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...auditStrings });

export {
  AtAuditChangeEvent,
  AtAuditCompleteEvent,
  type AtAuditChangeDetail,
  type AtAuditCompleteDetail,
} from './audit.events.js';

/**
 * Scoring's `PublishedPerception`, checked where it enters: people counted, each figure a value or
 * a symbol. (Scoring declares it as a TypeScript type; `satisfies` keeps this check in step.)
 */
const PerceptionInput = z.strictObject({
  stakeholders: z.array(z.strictObject({ stakeholder: Audience, people: ShownCount })),
  statements: z.array(
    z.strictObject({
      statement: z.string().min(1),
      groups: z.array(
        z.strictObject({ stakeholder: Audience, people: ShownCount, agree: ShownPercent }),
      ),
    }),
  ),
}) satisfies z.ZodType<PublishedPerception>;

/** Words an evidence description needs for the award, by the programme's default rules. */
const EVIDENCE_WORDS = AwardRules.parse({}).eligibility.minEvidenceWords;

/** The draft kept in storage: the response so far, where the user was, and unsent typing. */
const StoredDraft = z.object({
  format: z.literal(1),
  response: AuditResponse,
  view: z.union([
    z.object({ page: z.literal('overview') }),
    z.object({ page: z.literal('statement'), id: z.string() }),
    z.object({ page: z.literal('summary') }),
  ]),
  pending: z
    .record(
      z.string(),
      z.object({ note: z.string(), url: z.string(), kind: z.string().optional() }),
    )
    .default({}),
});
type StoredDraft = z.infer<typeof StoredDraft>;

const MAX_NOTE = 2000;
const MAX_NOTES = 50;

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
 * @event {CustomEvent<{ response: AuditResponse }>} at-audit-change - The user changed a rating or the evidence; `detail.response` is the validated draft.
 * @event {CustomEvent<{ response: AuditResponse; scores: AuditScores; comparison: AuditComparison | null }>} at-audit-complete - The user completed the audit.
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

  /** The audit definition (e.g. `getAudit()`), checked with the model's schema where it enters. Invalid: a message on screen, the exact problems on the console. */
  @property({ attribute: false }) definition: AuditDefinition | undefined;

  /** An existing audit response to continue or view. A newer draft of the same audit in storage wins. */
  @property({ attribute: false }) response: AuditResponse | undefined;

  /** The baseline audit, shown beside each statement and compared in the end audit. */
  @property({ attribute: false }) baseline: AuditResponse | undefined;

  /**
   * The 360° view: what staff, parents, governors and pupils say, as scoring's `publishPerception`
   * publishes it from each survey's `summarisePerception` (people counted; a group of fewer than
   * 10 people is `[c]`). Each statement shows every group's agreement, and an agreement gap where
   * the lead said Fully met and a group whose agreement is shown agrees less
   * (`agreementGapsPublished`). Checked where it enters.
   */
  @property({ attribute: false }) perception: PublishedPerception | undefined;

  /** The school's URN (six digits). Required. */
  @property() school = '';

  /** Who completes the audit. */
  @property({ attribute: 'respondent-role' }) respondentRole: RespondentRole = 'school-lead';

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
  private parsedPerception: PublishedPerception | undefined;
  private problem: 'definition' | 'setup' | 'response' | undefined;
  private perceptionInvalid = false;
  private baselineInvalid = false;
  private readonly focuser = new FocusController(this);
  private readonly store = new DraftController<StoredDraft>(this, {
    storage: () => this.storage,
    key: () => this.storageKey ?? '',
    parse: (d) => {
      const r = StoredDraft.safeParse(d);
      return r.success ? r.data : undefined;
    },
  });

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
        const result = PerceptionInput.safeParse(this.perception);
        if (result.success) this.parsedPerception = result.data;
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
    const definition = this.parsedDefinition!;
    const given = this.response ? AuditResponse.parse(this.response) : undefined;
    const stored = await this.store.load();
    if (stored === 'stale') return;
    const matches = (r: AuditResponse) =>
      r.definition.id === definition.id &&
      r.definition.version === definition.version &&
      r.wave === this.wave &&
      r.school === this.school;
    if (stored && matches(stored.response) && (!given || stored.response.id === given.id)) {
      this.draft = stored.response;
      this.view = this.validView(stored.view);
      this.pending = stored.pending;
    } else {
      this.draft = given ?? {
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

  private persist(): void {
    if (this.draft) {
      this.store.save({ format: 1, response: this.draft, view: this.view, pending: this.pending });
    }
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
    this.persist();
    this.status = this.localize.term('auditSaved', {});
    this.emit(new AtAuditChangeEvent(result.data));
  }

  private go(view: View): void {
    this.view = view;
    this.errors = [];
    this.status = '';
    this.focuser.after('#page-heading');
    this.persist();
  }

  // ─────────────────────────────── user actions ───────────────────────────────

  private rate(id: string, rating: Rating): void {
    this.change((d) => ({ ...d, ratings: { ...d.ratings, [id]: rating } }));
  }

  private typed(id: string, field: 'note' | 'url' | 'kind', value: string): void {
    const current = this.pending[id] ?? { note: '', url: '' };
    this.pending = { ...this.pending, [id]: { ...current, [field]: value } };
    this.persist();
  }

  private addEvidence(event: Event, id: string): void {
    event.preventDefault();
    const typed = this.pending[id] ?? { note: '', url: '' };
    const url = typed.url.trim();
    const kind = typed.kind ?? '';
    const candidate = {
      ...(kind ? { kind } : {}),
      note: typed.note.trim(),
      ...(url ? { url } : {}),
    };
    const errors: FieldError[] = [];
    const result = EvidenceNote.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const at = issue.path[0];
        const field =
          at === 'url' ? 'evidence-url' : at === 'kind' ? 'evidence-kind' : 'evidence-note';
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
      this.focuser.after('#error-summary');
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
    if (field === 'evidence-kind') return this.localize.term('auditErrorEvidenceKind', {});
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
    this.focuser.after('#evidence-note');
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
      this.focuser.after('#error-summary');
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
    this.persist();
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

  private toFirstUnrated(): void {
    const id = this.firstUnrated();
    if (id) this.go({ page: 'statement', id });
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
      ? agreementGapsPublished(definition, this.draft, this.parsedPerception)
      : [];
    const s: AuditScreen = {
      definition,
      draft: this.draft,
      baseline: this.parsedBaseline,
      perception: this.parsedPerception,
      evidenceWords: EVIDENCE_WORDS,
      minPeople: DEFAULT_DISCLOSURE_CONTROL.minAdults,
      wave: this.wave,
      pending: this.pending,
      errors: this.errors,
      lang: this.localize.lang,
      root: this.renderRoot,
      term: this.localize.term.bind(this.localize),
      text: (t) => this.text(t),
      statement: (id) => this.statement(id),
      go: (v) => this.go(v),
      rate: (id, r) => this.rate(id, r),
      typed: (id, f, v) => this.typed(id, f, v),
      addEvidence: (e, id) => this.addEvidence(e, id),
      removeEvidence: (id, i) => this.removeEvidence(id, i),
      complete: () => this.complete(),
      toFirstUnrated: () => this.toFirstUnrated(),
    };
    const page =
      this.view.page === 'statement'
        ? renderStatement(s, this.view.id, gaps)
        : this.view.page === 'summary'
          ? renderSummary(s, scores)
          : renderOverview(s, scores, gaps);
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
}
