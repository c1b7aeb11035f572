// Over the 400-line aim (style.md): about 130 lines are the documented public API. The markup is
// in action-plan.render.ts and action-plan.objectives.ts, the editing rules in plan-edit.ts (no
// DOM), drafts and focus in the shared controllers.
// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod';
import {
  ActionPlan,
  ActionStatus,
  AuditDefinition,
  AuditResponse,
  AwardRecommendation,
  AwardRules,
  IsoDate,
  Urn,
  fromZodError,
  statementsOf,
  type Problem,
} from '@all-together/model';
import { planProgress, priorities } from '@all-together/scoring';
import { AtElement } from '../shared/at-element.js';
import { DraftController } from '../shared/controllers/draft-controller.js';
import { FocusController } from '../shared/controllers/focus-controller.js';
import { defineDefaultStrings, matchLang, type TranslationKey } from '../shared/i18n.js';
import type { FieldProblem } from '../shared/form-kit.js';
import { uuid } from '../shared/ids.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { localisedText } from '../shared/text.js';
import { AtPlanChangeEvent } from './action-plan.events.js';
import { objectivesSection } from './action-plan.objectives.js';
import {
  fieldId,
  prioritiesSection,
  progressSection,
  reviewsSection,
  type FormId,
  type PlanScreen,
} from './action-plan.render.js';
import { actionPlanStrings } from './action-plan.strings.js';
import { styles } from './action-plan.styles.js';
import { MeasureOptions, type MeasureOption } from './measures.js';
import {
  actionFrom,
  objectiveFrom,
  reviewFrom,
  upsert,
  valuesOf,
  withEvidence,
  withoutRecord,
  withReviewNotes,
  type FieldIssue,
  type Parsed,
  type Target,
  type Values,
} from './plan-edit.js';
import { messageOf } from './action-plan.messages.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...actionPlanStrings });

export { AtPlanChangeEvent, type AtPlanChangeDetail } from './action-plan.events.js';

const StoredDraft = z.object({
  format: z.literal(1),
  plan: ActionPlan,
  typed: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
type StoredDraft = z.infer<typeof StoredDraft>;

/** The programme's default award rules, for the evidence hint when no recommendation is given. */
const DEFAULT_RULES = AwardRules.parse({});

function report(what: string, problems: readonly Problem[]): void {
  console.error(
    `<at-action-plan>: ${what} is not valid:\n${problems.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`,
  );
}

/** Today's date on this device, `YYYY-MM-DD`. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A school's anti-bullying action plan: priorities seeded from the audit's weakest statements,
 * SMART objectives linked to statements (optionally measured by a questionnaire indicator chosen
 * from a labelled list), actions with an owner role, dates, status, evidence and review notes, a
 * termly review log, progress and overdue actions on `today`, and the award recommendation shown
 * by `<at-award-readiness>`. Every figure comes from `@all-together/scoring` (`priorities`,
 * `planProgress`); the element renders and emits. The plan is saved as the user goes, through
 * {@link AtActionPlan.storage} (sessionStorage by default).
 *
 * The class holds behaviour; the markup is in `action-plan.render.ts` and
 * `action-plan.objectives.ts`, the editing rules in `plan-edit.ts` (no DOM).
 *
 * @summary The action plan: priorities from the audit, objectives, actions, reviews and award readiness.
 * @tagname at-action-plan
 *
 * @event {CustomEvent<{ plan: ActionPlan }>} at-plan-change - The user added, changed or deleted something in the plan; `detail.plan` is the validated `ActionPlan`.
 *
 * @csspart base - The wrapper.
 * @csspart progress - Progress and overdue actions.
 * @csspart overdue - The list of overdue actions.
 * @csspart priorities - The priorities table.
 * @csspart objective - One objective with its actions.
 * @csspart reviews - The review log.
 * @csspart award - The `<at-award-readiness>` panel.
 * @csspart tag - A status tag (Overdue).
 * @csspart error-summary - An error summary.
 * @csspart button - Buttons.
 * @csspart edit - An open Change form of an objective, action or review.
 * @csspart confirm - The in-page question before a deletion.
 *
 * @cssproperty --at-action-plan-max-width - The widest the content grows. Default: 60rem.
 */
export class AtActionPlan extends AtElement {
  static override styles = styles;

  /** The plan to show and edit. Without one, a new plan is seeded from the audit. */
  @property({ attribute: false }) plan: ActionPlan | undefined;

  /** The audit definition: statement texts and priorities. Required. */
  @property({ attribute: false }) definition: AuditDefinition | undefined;

  /** The latest audit: the end audit when its wave is `end`. */
  @property({ attribute: false }) auditResponse: AuditResponse | undefined;

  /** The baseline audit: seeds the priorities. */
  @property({ attribute: false }) baseline: AuditResponse | undefined;

  /**
   * The award recommendation to show in the plan's award panel (`<at-award-readiness>`): made on
   * your server, or by scoring's `awardInputs` and `recommendAward`, from the same plan, audits,
   * published pupil results and perception surveys. Without it, no award panel is shown. Checked
   * with the model's schema where it enters; its rules also give the evidence hint (the words a
   * description needs).
   */
  @property({ attribute: false }) award: AwardRecommendation | undefined;

  /**
   * The questionnaire indicators an objective can be measured by (`MeasureOption[]`, build it
   * with `measuresFrom(definition)`): the measure is a choice from this labelled list. Without a
   * list, objectives have no measure field (nobody types an indicator key).
   */
  @property({ attribute: false }) measures: MeasureOption[] | undefined;

  /** The school's URN, for a new plan. */
  @property() school = '';

  /** Today, `YYYY-MM-DD`: what is overdue and whether a review is due. Default: the device's date. */
  @property() today: string = localToday();

  /** How many priorities to seed a new plan with (the weakest statements first). */
  @property({ type: Number, attribute: 'priority-limit' }) priorityLimit = 10;

  /** Where the draft is kept. Default `sessionDraftStorage()`; staff devices may use `localDraftStorage()`. */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  @state() private draftPlan: ActionPlan | undefined;
  @state() private typed: Record<string, Values> = {};
  @state() private errors: Partial<Record<FormId, readonly FieldProblem[]>> = {};
  @state() private status = '';
  /** The objective, action or review whose Change form is open. */
  @state() private editing: Target | undefined;
  /** The objective, action or review whose deletion is being confirmed. */
  @state() private confirming: Target | undefined;

  private parsedMeasures: MeasureOption[] | undefined;
  private parsedDefinition: AuditDefinition | undefined;
  private parsedAudit: AuditResponse | undefined;
  private parsedBaseline: AuditResponse | undefined;
  private shownAward: AwardRecommendation | undefined;
  private awardInvalid = false;
  private problem: 'definition' | 'plan' | 'setup' | undefined;
  private readonly focuser = new FocusController(this);
  private readonly draft = new DraftController<StoredDraft>(this, {
    storage: () => this.storage,
    key: () => this.storageKey,
    parse: (d) => {
      const r = StoredDraft.safeParse(d);
      return r.success ? r.data : undefined;
    },
  });

  /** Resolves once the plan and its award panel have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const award = this.renderRoot.querySelector<
      HTMLElement & { updateComplete?: Promise<boolean> }
    >('at-award-readiness');
    await award?.updateComplete;
    return done;
  }

  /** The key under which the draft is stored. */
  get storageKey(): string {
    return `at-action-plan:${this.school}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('auditResponse')) this.parsedAudit = this.optional('auditResponse');
    if (changed.has('baseline')) this.parsedBaseline = this.optional('baseline');
    if (changed.has('measures')) {
      this.parsedMeasures = undefined;
      if (this.measures !== undefined && this.measures !== null) {
        const measures = MeasureOptions.safeParse(this.measures);
        if (measures.success) this.parsedMeasures = measures.data;
        else report('measures', fromZodError(measures.error));
      }
    }
    const inputs = [
      'definition',
      'plan',
      'school',
      'storage',
      'today',
      'baseline',
      'auditResponse',
    ];
    if (inputs.some((k) => changed.has(k as keyof AtActionPlan))) this.parseInputs(changed);
    // Worked out here, not in render(), so a bad input is reported once, not per render.
    if (changed.has('award')) this.parseAward();
  }

  /** The recommendation to show: `award` as given, checked with the model's schema. */
  private parseAward(): void {
    this.awardInvalid = false;
    this.shownAward = undefined;
    if (this.award === undefined || this.award === null) return;
    const result = AwardRecommendation.safeParse(this.award);
    if (result.success) this.shownAward = result.data;
    else {
      this.awardInvalid = true;
      report('award', fromZodError(result.error));
    }
  }

  private optional(name: 'auditResponse' | 'baseline'): AuditResponse | undefined {
    const value = this[name];
    if (value === undefined || value === null) return undefined;
    const result = AuditResponse.safeParse(value);
    if (result.success) return result.data;
    report(name, fromZodError(result.error));
    return undefined;
  }

  private parseInputs(changed: PropertyValues<this>): void {
    this.problem = undefined;
    // Not given yet (a host sets properties after creating the element): wait, quietly.
    if (this.definition === undefined) return void (this.parsedDefinition = undefined);
    const definition = AuditDefinition.safeParse(this.definition);
    if (!definition.success) {
      this.parsedDefinition = undefined;
      this.problem = 'definition';
      return report('definition', fromZodError(definition.error));
    }
    this.parsedDefinition = definition.data;
    const today = IsoDate.safeParse(this.today);
    const school = Urn.safeParse(this.school);
    if (!today.success || !school.success) {
      this.problem = 'setup';
      return report('the setup', [
        ...(school.success ? [] : fromZodError(school.error).map((p) => ({ ...p, at: 'school' }))),
        ...(today.success ? [] : fromZodError(today.error).map((p) => ({ ...p, at: 'today' }))),
      ]);
    }
    if (this.plan !== undefined && this.plan !== null) {
      const plan = ActionPlan.safeParse(this.plan);
      if (!plan.success) {
        this.problem = 'plan';
        return report('plan', fromZodError(plan.error));
      }
    }
    const reload = ['plan', 'school', 'storage', 'definition'].some((k) =>
      changed.has(k as keyof AtActionPlan),
    );
    if (reload || !this.draftPlan) void this.restore();
  }

  /** The audit that seeds priorities: the baseline, else the latest audit. */
  private get seedAudit(): AuditResponse | undefined {
    return this.parsedBaseline ?? this.parsedAudit;
  }

  private seeded() {
    const audit = this.seedAudit;
    return audit && this.parsedDefinition
      ? priorities(this.parsedDefinition, audit, {
          limit: Math.max(0, Math.floor(this.priorityLimit || 0)),
        })
      : [];
  }

  /** The plan to edit: a stored draft of the same plan when not older, else `plan`, else a new one. */
  private async restore(): Promise<void> {
    const given = this.plan ? ActionPlan.parse(this.plan) : undefined;
    const stored = await this.draft.load();
    if (stored === 'stale') return;
    if (
      stored &&
      stored.plan.school === this.school &&
      (!given || (stored.plan.id === given.id && stored.plan.updatedAt >= given.updatedAt))
    ) {
      this.draftPlan = stored.plan;
      this.typed = stored.typed;
    } else {
      this.draftPlan =
        given ??
        ActionPlan.parse({
          id: uuid(),
          school: this.school,
          priorities: this.seeded(),
          objectives: [],
          actions: [],
          reviews: [],
          updatedAt: new Date().toISOString(),
        });
      this.typed = {};
    }
  }

  private persist(): void {
    if (this.draftPlan) this.draft.save({ format: 1, plan: this.draftPlan, typed: this.typed });
  }

  /** Applies a change, validates the whole plan, saves it and emits `at-plan-change`. */
  private change(update: (plan: ActionPlan) => ActionPlan): boolean {
    if (!this.draftPlan) return false;
    const result = ActionPlan.safeParse(
      update({ ...this.draftPlan, updatedAt: new Date().toISOString() }),
    );
    if (!result.success) {
      report('the plan', fromZodError(result.error));
      return false;
    }
    this.draftPlan = result.data;
    this.persist();
    this.status = this.localize.term('actionPlanSaved', {});
    this.emit(new AtPlanChangeEvent(result.data));
    return true;
  }

  // ─────────────────────────────── forms ───────────────────────────────

  private values(form: FormId): Values {
    return this.typed[form] ?? {};
  }

  private type(form: FormId, field: string, value: string): void {
    this.typed = { ...this.typed, [form]: { ...this.values(form), [field]: value } };
    this.persist();
  }

  private clear(form: FormId): void {
    const { [form]: _done, ...rest } = this.typed;
    this.typed = rest;
    this.errors = { ...this.errors, [form]: [] };
  }

  /** A form's result: the record, or its problems shown (in words) with focus on the summary. */
  private read<T>(form: FormId, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    const term = this.localize.term.bind(this.localize);
    this.errors = {
      ...this.errors,
      [form]: parsed.issues.map((i: FieldIssue) => ({
        field: i.field,
        message: messageOf(term, i),
      })),
    };
    this.status = '';
    this.focuser.after(`#${fieldId(form, 'error-summary')}`);
    return undefined;
  }

  /** After a saved form: its typing goes, a Change form closes, focus goes where the GOV.UK pattern says. */
  private saved(form: FormId, focus?: string): void {
    this.clear(form);
    if (form.startsWith('edit-')) this.editing = undefined;
    if (focus) this.focuser.after(focus);
  }

  private submitObjective(event: Event, form: FormId, existing?: string): void {
    event.preventDefault();
    const objective = this.read(form, objectiveFrom(this.values(form), existing ?? uuid()));
    if (objective && this.change((p) => ({ ...p, objectives: upsert(p.objectives, objective) })))
      this.saved(form, `#objective-${objective.id}`);
  }

  private submitAction(event: Event, objective: string, form: FormId, existing?: string): void {
    event.preventDefault();
    const before = existing ? this.draftPlan!.actions.find((a) => a.id === existing) : undefined;
    const action = this.read(
      form,
      actionFrom(this.values(form), objective, existing ?? uuid(), before),
    );
    if (action && this.change((p) => ({ ...p, actions: upsert(p.actions, action) })))
      this.saved(form, existing ? `#change-action-${action.id}` : undefined);
  }

  private submitReview(event: Event, form: FormId, existing?: string): void {
    event.preventDefault();
    const review = this.read(form, reviewFrom(this.values(form), existing ?? uuid()));
    if (review && this.change((p) => ({ ...p, reviews: upsert(p.reviews, review) })))
      this.saved(form, existing ? `#change-review-${review.id}` : undefined);
  }

  private setStatus(id: string, status: string): void {
    const parsed = ActionStatus.safeParse(status);
    if (!parsed.success) return;
    this.change((p) => ({
      ...p,
      actions: p.actions.map((a) => (a.id === id ? { ...a, status: parsed.data } : a)),
    }));
  }

  /** Evidence or review notes for one action: saves the action and clears only those fields. */
  private saveAction(id: string, edit: typeof withEvidence, fields: readonly string[]): void {
    const form: FormId = `notes:${id}`;
    const action = this.draftPlan!.actions.find((a) => a.id === id)!;
    const next = this.read(form, edit(action, this.values(form)));
    if (!next || !this.change((p) => ({ ...p, actions: upsert(p.actions, next) }))) return;
    const kept = Object.entries(this.values(form)).filter(([k]) => !fields.includes(k));
    this.typed = { ...this.typed, [form]: Object.fromEntries(kept) };
    this.errors = { ...this.errors, [form]: [] };
  }

  // ─────────────────────────────── change and delete ───────────────────────────────

  /** Opens the Change form of a record, filled in with what it holds now. */
  private startEdit(target: Target): void {
    const form = `edit-${target.kind}:${target.id}` as FormId;
    if (this.editing) this.clear(`edit-${this.editing.kind}:${this.editing.id}` as FormId);
    this.typed = { ...this.typed, [form]: valuesOf(this.draftPlan!, target) };
    this.errors = { ...this.errors, [form]: [] };
    this.editing = target;
    this.confirming = undefined;
    const first = { objective: 'title', action: 'description', review: 'date' }[target.kind];
    this.focuser.after(`#${fieldId(form, first)}`);
  }

  /** Closes a Change form without saving; focus goes back to its Change button. */
  private cancelEdit(): void {
    const target = this.editing;
    if (!target) return;
    this.clear(`edit-${target.kind}:${target.id}` as FormId);
    this.editing = undefined;
    this.focuser.after(`#change-${target.kind}-${target.id}`);
    this.persist();
  }

  /** Asks, in the page, whether to delete a record; focus goes to the question. */
  private askDelete(target: Target): void {
    if (this.editing) this.clear(`edit-${this.editing.kind}:${this.editing.id}` as FormId);
    this.editing = undefined;
    this.confirming = target;
    this.focuser.after('#confirm-delete-title');
  }

  /** Keeps the record; focus goes back to its Delete button. */
  private cancelDelete(): void {
    const target = this.confirming;
    this.confirming = undefined;
    if (target) this.focuser.after(`#delete-${target.kind}-${target.id}`);
  }

  /** Deletes the record being confirmed (an objective with its actions); focus goes to its list. */
  private confirmDelete(): void {
    const target = this.confirming;
    if (!target) return;
    const objectiveOf =
      target.kind === 'action'
        ? this.draftPlan?.actions.find((a) => a.id === target.id)?.objective
        : undefined;
    if (!this.change((p) => withoutRecord(p, target))) return;
    this.confirming = undefined;
    // Forms typed for what is gone are dropped, so a reload does not bring them back.
    const gone = (f: string) => f.endsWith(`:${target.id}`);
    this.typed = Object.fromEntries(Object.entries(this.typed).filter(([f]) => !gone(f)));
    this.persist();
    this.status = this.localize.term('actionPlanDeleted', {});
    this.focuser.after(
      target.kind === 'objective'
        ? '#objectives-heading'
        : target.kind === 'action'
          ? `#objective-${objectiveOf}`
          : '#reviews-heading',
    );
  }

  /** Seeds an existing plan that has no priorities from the audit (the user asked). */
  private seedPriorities(): void {
    if (this.change((p) => ({ ...p, priorities: this.seeded() })))
      this.focuser.after('#priorities-heading');
  }

  private startObjectiveFor(statement: string): void {
    this.typed = {
      ...this.typed,
      objective: { ...this.values('objective'), statements: statement },
    };
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('#add-objective');
    if (details) details.open = true;
    this.focuser.after('#objective-title');
    this.persist();
  }

  // ─────────────────────────────── rendering ───────────────────────────────

  private date(iso: string): string {
    try {
      // The language the strings are in (en → en-GB), so dates agree with the words around them.
      return new Intl.DateTimeFormat(matchLang(this.localize.lang), {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
    } catch {
      return iso;
    }
  }

  private statementText(id: string): string {
    const d = this.parsedDefinition!;
    const s = statementsOf(d).find((x) => x.id === id);
    const text = s ? localisedText(s.text, this.localize.lang, d.defaultLocale) : '';
    return this.localize.term('actionPlanStatement', { id, text });
  }

  private screen(plan: ActionPlan, definition: AuditDefinition): PlanScreen {
    return {
      plan,
      definition,
      progress: planProgress(plan, { today: this.today }),
      measures: this.parsedMeasures,
      evidenceWords: (this.shownAward?.rules ?? DEFAULT_RULES).eligibility.minEvidenceWords,
      editing: this.editing,
      confirming: this.confirming,
      canSeed: Boolean(this.seedAudit),
      root: this.renderRoot,
      lang: this.localize.lang,
      term: this.localize.term.bind(this.localize),
      date: (iso) => this.date(iso),
      statementText: (id) => this.statementText(id),
      values: (f) => this.values(f),
      errors: (f) => this.errors[f] ?? [],
      type: (f, name, v) => this.type(f, name, v),
      submitObjective: (e, f, x) => this.submitObjective(e, f, x),
      submitAction: (e, o, f, x) => this.submitAction(e, o, f, x),
      addEvidence: (e, id) => {
        e.preventDefault();
        this.saveAction(id, withEvidence, ['evidence-kind', 'evidence-note', 'evidence-url']);
      },
      saveNotes: (id) => this.saveAction(id, withReviewNotes, ['review-notes']),
      submitReview: (e, f, x) => this.submitReview(e, f, x),
      setStatus: (id, v) => this.setStatus(id, v),
      startEdit: (t) => this.startEdit(t),
      cancelEdit: () => this.cancelEdit(),
      askDelete: (t) => this.askDelete(t),
      cancelDelete: () => this.cancelDelete(),
      confirmDelete: () => this.confirmDelete(),
      seedPriorities: () => this.seedPriorities(),
      startObjectiveFor: (st) => this.startObjectiveFor(st),
    };
  }

  protected override render(): TemplateResult {
    if (this.problem) {
      const body: TranslationKey =
        this.problem === 'definition'
          ? 'actionPlanInvalidDefinition'
          : this.problem === 'plan'
            ? 'actionPlanInvalidPlan'
            : 'actionPlanInvalidSetup';
      return html`<div part="base" class="base">
        <div class="problem" role="alert">
          <h2 class="heading-m">${this.localize.term('actionPlanInvalidTitle', {})}</h2>
          <p>${this.localize.term(body, {})}</p>
        </div>
      </div>`;
    }
    const plan = this.draftPlan;
    const definition = this.parsedDefinition;
    if (!definition || !plan) return html`<div part="base" class="base"></div>`;
    const s = this.screen(plan, definition);
    return html`<div part="base" class="base">
      <h2 class="heading-l">${this.localize.term('actionPlanHeading', {})}</h2>
      ${progressSection(s)} ${prioritiesSection(s)} ${objectivesSection(s)} ${reviewsSection(s)}
      ${
        this.awardInvalid
          ? html`<p class="notice">${this.localize.term('actionPlanInvalidAward', {})}</p>`
          : nothing
      }
      ${
        this.shownAward
          ? html`<at-award-readiness
              part="award"
              heading-level="3"
              .recommendation=${this.shownAward}
            ></at-award-readiness>`
          : nothing
      }
      <p class="status" role="status">${this.status}</p>
    </div>`;
  }
}
