// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { z } from 'zod';
import {
  Action,
  ActionPlan,
  ActionStatus,
  AuditDefinition,
  AuditResponse,
  AwardRules,
  IsoDate,
  Objective,
  OwnerRole,
  PlanReview,
  Urn,
  fromZodError,
  statementsOf,
  type AwardCriterion,
  type AwardLevel,
  type AwardRecommendation,
  type Problem,
  type Rating,
  type VulnerableGroup,
} from '@all-together/model';
import {
  planProgress,
  priorities,
  recommendAward,
  scoreAudit,
  type AuditScores,
  type OutcomeComparison,
  type PlanProgress,
} from '@all-together/scoring';
import { localisedText, round1 } from '../shared/text.js';
import { uuid } from '../shared/ids.js';
import { AtElement } from '../shared/at-element.js';
import { AtEvent } from '../shared/events.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import type { ActionPlanReasonKey } from './action-plan.strings.js';
import { MeasureOptions, type MeasureOption } from './measures.js';
import { sessionDraftStorage, type DraftStorage } from '../shared/storage.js';
import { styles } from './action-plan.styles.js';
import { actionPlanStrings } from './action-plan.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...actionPlanStrings });

/** `detail` of `at-plan-change`. */
export interface AtPlanChangeDetail {
  /** The plan after the change, valid against `ActionPlan`, with a new `updatedAt`. */
  readonly plan: ActionPlan;
}

/** Fired when the user changes the plan; `detail.plan` is the whole plan, valid against `ActionPlan`. */
export class AtPlanChangeEvent extends AtEvent<AtPlanChangeDetail> {
  static readonly type = 'at-plan-change';
  constructor(plan: ActionPlan) {
    super(AtPlanChangeEvent.type, { plan });
  }
  /** @deprecated Read `detail.plan`. */
  get plan(): ActionPlan {
    return this.detail.plan;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-plan-change': AtPlanChangeEvent;
  }
}

const Proportion = z
  .object({ count: z.int().min(0), base: z.int().min(0) })
  .refine((p) => p.count <= p.base, { message: 'The count is above the base.', path: ['count'] });
const MeanStat = z.object({ n: z.int().min(0), sum: z.number(), sumSquares: z.number().min(0) });
const Respondents = z.object({ respondents: z.int().min(0) }).nullable();
const PupilOutcomes = z.array(
  z.object({ group: z.enum(['all', 'send', 'fsm']), baseline: Proportion, end: Proportion }),
);
const Wellbeing = z.object({ baseline: MeanStat, end: MeanStat, higherIsBetter: z.boolean() });

const STATUS_KEYS: Readonly<Record<ActionStatus, TranslationKey>> = {
  'not-started': 'actionPlanStatusNotStarted',
  'in-progress': 'actionPlanStatusInProgress',
  done: 'actionPlanStatusDone',
  dropped: 'actionPlanStatusDropped',
};
const RATING_KEYS: Readonly<Record<Rating, TranslationKey>> = {
  'fully-met': 'actionPlanRatingFullyMet',
  'partially-met': 'actionPlanRatingPartiallyMet',
  'not-yet-met': 'actionPlanRatingNotYetMet',
  'dont-know': 'actionPlanRatingDontKnow',
};
const OWNER_KEYS: Readonly<Record<OwnerRole, TranslationKey>> = {
  headteacher: 'actionPlanOwnerHeadteacher',
  'senior-leader': 'actionPlanOwnerSeniorLeader',
  'anti-bullying-lead': 'actionPlanOwnerAntiBullyingLead',
  sendco: 'actionPlanOwnerSendco',
  'designated-safeguarding-lead': 'actionPlanOwnerDesignatedSafeguardingLead',
  'pshe-lead': 'actionPlanOwnerPsheLead',
  'class-teachers': 'actionPlanOwnerClassTeachers',
  'support-staff': 'actionPlanOwnerSupportStaff',
  'lunchtime-staff': 'actionPlanOwnerLunchtimeStaff',
  governors: 'actionPlanOwnerGovernors',
  'pupil-council': 'actionPlanOwnerPupilCouncil',
  'parents-forum': 'actionPlanOwnerParentsForum',
  other: 'actionPlanOwnerOther',
};
const GROUP_KEYS: Readonly<Record<VulnerableGroup, TranslationKey>> = {
  send: 'actionPlanGroupSend',
  fsm: 'actionPlanGroupFsm',
  'looked-after': 'actionPlanGroupLookedAfter',
  'young-carers': 'actionPlanGroupYoungCarers',
  'ethnic-minority': 'actionPlanGroupEthnicMinority',
  'faith-minority': 'actionPlanGroupFaithMinority',
  lgbt: 'actionPlanGroupLgbt',
  'sexist-sexual': 'actionPlanGroupSexistSexual',
};
const LEVEL_KEYS: Readonly<Record<AwardLevel, TranslationKey>> = {
  participation: 'actionPlanLevelParticipation',
  bronze: 'actionPlanLevelBronze',
  silver: 'actionPlanLevelSilver',
  gold: 'actionPlanLevelGold',
};
/** Names of the award criteria by the id `recommendAward` gives them (the level is shown apart). */
const CRITERION_KEYS: Readonly<Record<string, TranslationKey>> = {
  'eligibility.baseline-audit': 'actionPlanCriterionBaselineAudit',
  'eligibility.baseline-questionnaire': 'actionPlanCriterionBaselineQuestionnaire',
  'eligibility.action-plan': 'actionPlanCriterionActionPlan',
  'eligibility.end-audit': 'actionPlanCriterionEndAudit',
  'eligibility.end-questionnaire': 'actionPlanCriterionEndQuestionnaire',
  'eligibility.evidence': 'actionPlanCriterionEvidence',
  'bronze.min-overall': 'actionPlanCriterionMinOverall',
  'bronze.min-area': 'actionPlanCriterionMinArea',
  'silver.min-overall': 'actionPlanCriterionMinOverall',
  'silver.min-gain': 'actionPlanCriterionMinGain',
  'silver.min-actions-done': 'actionPlanCriterionActionsDone',
  'gold.min-overall': 'actionPlanCriterionMinOverall',
  'gold.every-area': 'actionPlanCriterionEveryArea',
  'gold.pupil-outcomes.all': 'actionPlanCriterionOutcomesAll',
  'gold.pupil-outcomes.send': 'actionPlanCriterionOutcomesSend',
  'gold.pupil-outcomes.fsm': 'actionPlanCriterionOutcomesFsm',
  'gold.wellbeing': 'actionPlanCriterionWellbeing',
};

/** The translated reason for each `message.key` of `recommendAward`. */
const REASON_KEYS: Readonly<Record<string, ActionPlanReasonKey>> = Object.fromEntries(
  (
    [
      'auditMissing',
      'auditUnrated',
      'auditDone',
      'questionnaireMissing',
      'questionnaireEmpty',
      'questionnaireFew',
      'questionnaireDone',
      'planMissing',
      'planMissingOwnerDeadline',
      'planActions',
      'planActionsOwnerDeadline',
      'evidenceNoAudit',
      'evidenceMet',
      'evidenceShort',
      'overallMissing',
      'overall',
      'areaMissing',
      'areaMet',
      'areaBelow',
      'areaUnscored',
      'areaBelowUnscored',
      'gainMissing',
      'gain',
      'actionsDoneNoPlan',
      'actionsDoneNone',
      'actionsDoneAllDropped',
      'actionsDone',
      'outcomeNotRequired',
      'outcomeAllMissing',
      'outcomeMissing',
      'outcomeNotReportable',
      'outcomeHiddenNotWorse',
      'outcomeHiddenWorse',
      'outcomeNotWorse',
      'outcomeWorse',
      'wellbeingNotRequired',
      'wellbeingMissing',
      'wellbeingUntestable',
      'wellbeingHiddenNotWorse',
      'wellbeingHiddenWorse',
      'wellbeingBetter',
      'wellbeingWorse',
      'wellbeingSame',
      'wellbeingNotComparable',
    ] as const
  ).map((k) => [k, `actionPlanReason${k[0]!.toUpperCase()}${k.slice(1)}` as ActionPlanReasonKey]),
);
/** Words that reasons take as params, translated before they are filled in. */
const REASON_WORDS: Readonly<Record<string, Readonly<Record<string, TranslationKey>>>> = {
  wave: { baseline: 'actionPlanReasonWaveBaseline', end: 'actionPlanReasonWaveEnd' },
  group: {
    all: 'actionPlanReasonGroupAll',
    send: 'actionPlanReasonGroupSend',
    fsm: 'actionPlanReasonGroupFsm',
  },
  better: { higher: 'actionPlanReasonHigherBetter', lower: 'actionPlanReasonLowerBetter' },
};

/** The forms of the element, each with its own fields, values and errors. */
type FormId =
  | 'objective'
  | 'review'
  | `action:${string}`
  | `notes:${string}`
  | `edit-objective:${string}`
  | `edit-action:${string}`
  | `edit-review:${string}`;
/** A record being changed or about to be deleted. */
interface Target {
  readonly kind: 'objective' | 'action' | 'review';
  readonly id: string;
}
type Values = Record<string, string>;
interface FieldError {
  readonly field: string;
  readonly message: string;
}

const StoredDraft = z.object({
  format: z.literal(1),
  plan: ActionPlan,
  typed: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});

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

/** The list with `item` in place of the record with its id, or appended when there is none. */
function upsert<T extends { readonly id: string }>(list: readonly T[], item: T): T[] {
  return list.some((r) => r.id === item.id)
    ? list.map((r) => (r.id === item.id ? item : r))
    : [...list, item];
}

/**
 * A school's anti-bullying action plan: priorities seeded from the audit's weakest statements,
 * SMART objectives linked to statements (optionally measured by a questionnaire indicator),
 * actions with an owner role, dates, status, evidence and review notes, a termly review log,
 * progress and overdue actions on `today`, and an award-readiness panel with every criterion met
 * or not and why. Every figure comes from `@all-together/scoring` (`priorities`, `planProgress`,
 * `recommendAward`); the element renders and emits. The plan is saved as the user goes, through
 * {@link AtActionPlan.storage} (sessionStorage by default).
 *
 * @summary The action plan: priorities from the audit, objectives, actions, reviews and award readiness.
 * @tagname at-action-plan
 *
 * @event at-plan-change - {CustomEvent<{ plan: ActionPlan }>} The user added, changed or deleted something in the plan; `detail.plan` is the validated `ActionPlan`.
 *
 * @csspart base - The wrapper.
 * @csspart progress - Progress and overdue actions.
 * @csspart overdue - The list of overdue actions.
 * @csspart priorities - The priorities table.
 * @csspart objective - One objective with its actions.
 * @csspart reviews - The review log.
 * @csspart award - The award-readiness panel.
 * @csspart criterion - One award criterion.
 * @csspart tag - A status tag (Overdue, Met, Not met).
 * @csspart error-summary - An error summary.
 * @csspart button - Buttons.
 * @csspart edit - An open Change form of an objective, action or review.
 * @csspart confirm - The in-page question before a deletion.
 *
 * @cssproperty --at-action-plan-max-width - The widest the content grows. Default: 60rem.
 */
export class AtActionPlan extends AtElement {
  static override styles = styles;

  /** The plan (`ActionPlan`) to show and edit. Without one, a new plan is seeded from the audit. */
  @property({ attribute: false }) plan: unknown;

  /** The audit definition (`AuditDefinition`): statement texts and priorities. Required. */
  @property({ attribute: false }) definition: unknown;

  /** The latest audit (`AuditResponse`): the end audit for the award when its wave is `end`. */
  @property({ attribute: false }) auditResponse: unknown;

  /** The baseline audit (`AuditResponse`): seeds the priorities and is the award's baseline. */
  @property({ attribute: false }) baseline: unknown;

  /** Award input: the baseline pupil questionnaire, `{ respondents }`, or null. */
  @property({ attribute: false }) baselineQuestionnaire: unknown = null;

  /** Award input: the end pupil questionnaire, `{ respondents }`, or null. */
  @property({ attribute: false }) endQuestionnaire: unknown = null;

  /** Award input: frequent victimisation at baseline and end (`OutcomeComparison[]`, groups all, send, fsm). */
  @property({ attribute: false }) pupilOutcomes: unknown = [];

  /** Award input: mean wellbeing `{ baseline, end, higherIsBetter }` (`MeanStat` sums), optional. */
  @property({ attribute: false }) wellbeing: unknown;

  /** The tenant's award rules (`AwardRules` input); the programme's defaults when not set. */
  @property({ attribute: false }) awardRules: unknown;

  /**
   * The questionnaire indicators an objective can be measured by: an array of
   * `{ questionnaire, indicator, label }` (`MeasureOption`). Build it with `measuresFrom(definition)`
   * from the questionnaire definitions the school uses. When given, the measure is a choice from
   * this list; when not, two free-text fields (questionnaire id and indicator key).
   */
  @property({ attribute: false }) measures: unknown;

  /** The school's URN, for a new plan. */
  @property() school = '';

  /** Today, `YYYY-MM-DD`: what is overdue and whether a review is due. Default: the device's date. */
  @property() today = localToday();

  /** How many priorities to seed a new plan with (the weakest statements first). */
  @property({ type: Number, attribute: 'priority-limit' }) priorityLimit = 10;

  /** Where the draft is kept. Default `sessionDraftStorage()`; staff devices may use `localDraftStorage()`. */
  @property({ attribute: false }) storage: DraftStorage = sessionDraftStorage();

  @state() private draft: ActionPlan | undefined;
  @state() private typed: Record<string, Values> = {};
  @state() private errors: Partial<Record<FormId, readonly FieldError[]>> = {};
  @state() private status = '';
  /** The objective, action or review whose Change form is open. */
  @state() private editing: Target | undefined;
  /** The objective, action or review whose deletion is being confirmed. */
  @state() private confirming: Target | undefined;

  private parsedMeasures: MeasureOption[] | undefined;
  private parsedDefinition: AuditDefinition | undefined;
  private parsedAudit: AuditResponse | undefined;
  private parsedBaseline: AuditResponse | undefined;
  private award: AwardRecommendation | undefined;
  private awardInvalid = false;
  private problem: 'definition' | 'plan' | 'setup' | undefined;
  private restoreRun = 0;
  private focusAfterRender: string | undefined;

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
    const awardInputs = [
      'draft',
      'definition',
      'baseline',
      'auditResponse',
      'baselineQuestionnaire',
      'endQuestionnaire',
      'pupilOutcomes',
      'wellbeing',
      'awardRules',
    ];
    // Parsed and computed here, not in render(), so a bad input is reported once, not per render.
    if (awardInputs.some((k) => changed.has(k as keyof AtActionPlan))) {
      this.award = this.draft && this.parsedDefinition ? this.awardFor(this.draft) : undefined;
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
    const today = IsoDate.safeParse(this.today);
    const school = Urn.safeParse(this.school);
    if (!today.success || !school.success) {
      this.problem = 'setup';
      report('the setup', [
        ...(school.success ? [] : fromZodError(school.error).map((p) => ({ ...p, at: 'school' }))),
        ...(today.success ? [] : fromZodError(today.error).map((p) => ({ ...p, at: 'today' }))),
      ]);
      return;
    }
    if (this.plan !== undefined && this.plan !== null) {
      const plan = ActionPlan.safeParse(this.plan);
      if (!plan.success) {
        this.problem = 'plan';
        report('plan', fromZodError(plan.error));
        return;
      }
    }
    const reload = ['plan', 'school', 'storage', 'definition'].some((k) =>
      changed.has(k as keyof AtActionPlan),
    );
    if (reload || !this.draft) void this.restore();
  }

  /** The audit that seeds priorities: the baseline, else the latest audit. */
  private get seedAudit(): AuditResponse | undefined {
    return this.parsedBaseline ?? this.parsedAudit;
  }

  private async restore(): Promise<void> {
    const run = ++this.restoreRun;
    const given = this.plan ? ActionPlan.parse(this.plan) : undefined;
    let stored: z.infer<typeof StoredDraft> | undefined;
    try {
      const raw = await this.storage.get(this.storageKey);
      const result = raw ? StoredDraft.safeParse(JSON.parse(raw)) : undefined;
      if (result?.success) stored = result.data;
    } catch {
      // An unreadable draft is ignored rather than shown half-read.
    }
    if (run !== this.restoreRun) return;
    if (
      stored &&
      stored.plan.school === this.school &&
      (!given || (stored.plan.id === given.id && stored.plan.updatedAt >= given.updatedAt))
    ) {
      this.draft = stored.plan;
      this.typed = stored.typed;
    } else if (given) {
      this.draft = given;
      this.typed = {};
    } else {
      const audit = this.seedAudit;
      this.draft = ActionPlan.parse({
        id: uuid(),
        school: this.school,
        priorities:
          audit && this.parsedDefinition
            ? priorities(this.parsedDefinition, audit, {
                limit: Math.max(0, Math.floor(this.priorityLimit || 0)),
              })
            : [],
        objectives: [],
        actions: [],
        reviews: [],
        updatedAt: new Date().toISOString(),
      });
      this.typed = {};
    }
  }

  private async persist(): Promise<void> {
    if (!this.draft) return;
    await this.storage.set(
      this.storageKey,
      JSON.stringify({ format: 1, plan: this.draft, typed: this.typed }),
    );
  }

  /** Applies a change, validates the whole plan, saves it and emits `at-plan-change`. */
  private change(update: (plan: ActionPlan) => ActionPlan): boolean {
    if (!this.draft) return false;
    const result = ActionPlan.safeParse(
      update({ ...this.draft, updatedAt: new Date().toISOString() }),
    );
    if (!result.success) {
      report('the plan', fromZodError(result.error));
      return false;
    }
    this.draft = result.data;
    void this.persist();
    this.status = this.localize.term('actionPlanSaved', {});
    this.emit(new AtPlanChangeEvent(result.data));
    return true;
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    if (!target) return;
    this.focusAfterRender = undefined;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  // ─────────────────────────────── forms ───────────────────────────────

  private values(form: FormId): Values {
    return this.typed[form] ?? {};
  }

  private type(form: FormId, field: string, value: string): void {
    this.typed = { ...this.typed, [form]: { ...this.values(form), [field]: value } };
    void this.persist();
  }

  private clear(form: FormId): void {
    const { [form]: _done, ...rest } = this.typed;
    this.typed = rest;
    this.errors = { ...this.errors, [form]: [] };
  }

  /** Shows a form's errors, in the order of its fields when `order` is given, and focuses the summary. */
  private fail(form: FormId, errors: FieldError[], order?: readonly string[]): void {
    if (order) errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    this.errors = { ...this.errors, [form]: errors };
    this.status = '';
    this.focusAfterRender = `#${this.fieldId(form, 'error-summary')}`;
  }

  private fieldId(form: FormId, field: string): string {
    return `${form.replace(':', '-')}-${field}`;
  }

  /** Turns zod issues into one message per field, in the element's language. */
  private messages(
    issues: readonly z.core.$ZodIssue[],
    fieldOf: (path: readonly PropertyKey[]) => string,
    messageFor: Readonly<Record<string, TranslationKey>>,
    labelFor: Readonly<Record<string, TranslationKey>>,
  ): FieldError[] {
    const out: FieldError[] = [];
    for (const issue of issues) {
      const field = fieldOf(issue.path);
      if (out.some((e) => e.field === field)) continue;
      const label = this.localize.term(labelFor[field] ?? 'actionPlanActionDescription', {});
      let message: string;
      if (issue.code === 'too_big' && 'maximum' in issue && typeof issue.maximum === 'number') {
        message = this.localize.term('actionPlanErrorTooLong', { label, max: issue.maximum });
      } else if (issue.code === 'custom' && !messageFor[`${field}:custom`]) {
        message = this.localize.term('actionPlanErrorCharacters', { label });
      } else {
        message = this.localize.term(
          messageFor[`${field}:custom`] && issue.code === 'custom'
            ? messageFor[`${field}:custom`]!
            : (messageFor[field] ?? 'actionPlanErrorChoose'),
          {},
        );
      }
      out.push({ field, message });
    }
    return out;
  }

  private addObjective(event: Event, form: FormId = 'objective', existing?: Objective): void {
    event.preventDefault();
    const v = this.values(form);
    const list = this.parsedMeasures;
    const chosen = (v['statements'] ?? '').split(' ').filter(Boolean);
    const other = (v['other'] ?? '')
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const known = new Set(statementsOf(this.parsedDefinition!).map((s) => s.id as string));
    const errors: FieldError[] = [];
    if (other.some((s) => !known.has(s))) {
      errors.push({ field: 'other', message: this.localize.term('actionPlanErrorStatements', {}) });
    }
    // With a list, the choice is "questionnaire indicator" (neither holds a space).
    const [chosenDefinition = '', chosenIndicator = ''] = (v['measure'] ?? '').split(' ');
    const hasMeasure = list
      ? Boolean(v['measure'])
      : Boolean(v['measure-definition'] || v['measure-indicator']);
    const candidate = {
      id: existing?.id ?? uuid(),
      title: (v['title'] ?? '').trim(),
      statements: [...new Set([...chosen, ...other])],
      success: {
        specific: (v['specific'] ?? '').trim(),
        measurable: (v['measurable'] ?? '').trim(),
        achievable: (v['achievable'] ?? '').trim(),
        relevant: (v['relevant'] ?? '').trim(),
        timeBound: v['time-bound'] ?? '',
      },
      ...(hasMeasure
        ? {
            measure: {
              definition: list ? chosenDefinition : (v['measure-definition'] ?? '').trim(),
              indicator: list ? chosenIndicator : (v['measure-indicator'] ?? '').trim(),
              ...(v['measure-target']?.trim() ? { target: v['measure-target'].trim() } : {}),
            },
          }
        : {}),
    };
    const result = Objective.safeParse(candidate);
    if (!result.success) {
      errors.push(
        ...this.messages(
          result.error.issues,
          (path) =>
            path[0] === 'success'
              ? String(path[1]) === 'timeBound'
                ? 'time-bound'
                : String(path[1])
              : path[0] === 'measure'
                ? list && String(path[1]) !== 'target'
                  ? 'measure'
                  : String(path[1]) === 'definition'
                    ? 'measure-definition'
                    : String(path[1]) === 'indicator'
                      ? 'measure-indicator'
                      : 'measure-target'
                : path[0] === 'statements'
                  ? chosen.length + other.length > 0
                    ? 'other'
                    : 'statements'
                  : String(path[0]),
          {
            title: 'actionPlanErrorTitle',
            statements: 'actionPlanErrorStatements',
            other: 'actionPlanErrorStatements',
            specific: 'actionPlanErrorSpecific',
            measurable: 'actionPlanErrorMeasurable',
            'time-bound': 'actionPlanErrorDate',
            'measure-definition': 'actionPlanErrorMeasureDefinition',
            'measure-indicator': 'actionPlanErrorMeasureIndicator',
            measure: 'actionPlanErrorMeasureChoose',
            'measure:custom': 'actionPlanErrorMeasureChoose',
          },
          {
            title: 'actionPlanObjectiveTitle',
            specific: 'actionPlanObjectiveSpecific',
            measurable: 'actionPlanObjectiveMeasurable',
            achievable: 'actionPlanObjectiveAchievable',
            relevant: 'actionPlanObjectiveRelevant',
            'measure-target': 'actionPlanMeasureTarget',
          },
        ),
      );
    }
    const order = [
      'title',
      'statements',
      'other',
      'specific',
      'measurable',
      'achievable',
      'relevant',
      'time-bound',
      'measure',
      'measure-definition',
      'measure-indicator',
      'measure-target',
    ];
    if (errors.length > 0 || !result.success) return this.fail(form, errors, order);
    const objective = result.data;
    const changed = this.change((p) => ({
      ...p,
      objectives: upsert(p.objectives, objective),
    }));
    if (changed) {
      this.clear(form);
      this.editing = undefined;
      this.focusAfterRender = `#objective-${objective.id}`;
    }
  }

  private addAction(
    event: Event,
    objective: string,
    form: FormId = `action:${objective}`,
    existing?: Action,
  ): void {
    event.preventDefault();
    const v = this.values(form);
    const note = (v['evidence-note'] ?? '').trim();
    const url = (v['evidence-url'] ?? '').trim();
    const candidate = {
      id: existing?.id ?? uuid(),
      objective,
      description: (v['description'] ?? '').trim(),
      ownerRole: v['owner'] ?? '',
      startDate: v['start'] ?? '',
      deadline: v['deadline'] ?? '',
      status: v['status'] || 'not-started',
      resources: (v['resources'] ?? '').trim(),
      // A Change form leaves the evidence and review notes as they are (they have their own forms).
      evidence: existing
        ? existing.evidence
        : note || url
          ? [{ note, ...(url ? { url } : {}) }]
          : [],
      reviewNotes: existing?.reviewNotes ?? '',
    };
    const result = Action.safeParse(candidate);
    if (!result.success) {
      const errors = this.messages(
        result.error.issues,
        (path) => {
          const head = String(path[0]);
          if (head === 'evidence') return path[2] === 'url' ? 'evidence-url' : 'evidence-note';
          return (
            ({ ownerRole: 'owner', startDate: 'start' } as Record<string, string | undefined>)[
              head
            ] ?? head
          );
        },
        {
          description: 'actionPlanErrorDescription',
          owner: 'actionPlanErrorChoose',
          start: 'actionPlanErrorDate',
          deadline: 'actionPlanErrorDate',
          'deadline:custom': 'actionPlanErrorDeadline',
          status: 'actionPlanErrorChoose',
          'evidence-note': 'actionPlanErrorEvidenceNote',
          'evidence-url': 'actionPlanErrorUrl',
          'evidence-url:custom': 'actionPlanErrorUrl',
        },
        {
          description: 'actionPlanActionDescription',
          resources: 'actionPlanActionResources',
          'evidence-note': 'actionPlanActionEvidenceNote',
        },
      );
      const order = [
        'description',
        'owner',
        'start',
        'deadline',
        'status',
        'resources',
        'evidence-note',
        'evidence-url',
      ];
      return this.fail(form, errors, order);
    }
    const action = result.data;
    const changed = this.change((p) => ({
      ...p,
      actions: upsert(p.actions, action),
    }));
    if (changed) {
      this.clear(form);
      if (existing) {
        this.editing = undefined;
        this.focusAfterRender = `#change-action-${action.id}`;
      }
    }
  }

  private setStatus(id: string, status: string): void {
    const parsed = ActionStatus.safeParse(status);
    if (!parsed.success) return;
    this.change((p) => ({
      ...p,
      actions: p.actions.map((a) => (a.id === id ? { ...a, status: parsed.data } : a)),
    }));
  }

  private addEvidence(event: Event, id: string): void {
    event.preventDefault();
    const form: FormId = `notes:${id}`;
    const v = this.values(form);
    const action = this.draft!.actions.find((a) => a.id === id)!;
    const note = (v['evidence-note'] ?? '').trim();
    const url = (v['evidence-url'] ?? '').trim();
    const result = Action.safeParse({
      ...action,
      evidence: [...action.evidence, { note, ...(url ? { url } : {}) }],
    });
    if (!result.success) {
      return this.fail(
        form,
        this.messages(
          result.error.issues,
          (path) => (path[2] === 'url' ? 'evidence-url' : 'evidence-note'),
          {
            'evidence-note': 'actionPlanErrorEvidenceNote',
            'evidence-url': 'actionPlanErrorUrl',
            'evidence-url:custom': 'actionPlanErrorUrl',
          },
          { 'evidence-note': 'actionPlanActionEvidenceNote' },
        ),
      );
    }
    this.saveAction(form, result.data, ['evidence-note', 'evidence-url']);
  }

  private saveNotes(id: string): void {
    const form: FormId = `notes:${id}`;
    const v = this.values(form);
    const action = this.draft!.actions.find((a) => a.id === id)!;
    const result = Action.safeParse({
      ...action,
      reviewNotes: v['review-notes'] ?? action.reviewNotes,
    });
    if (!result.success) {
      return this.fail(
        form,
        this.messages(
          result.error.issues,
          () => 'review-notes',
          {},
          { 'review-notes': 'actionPlanActionReviewNotes' },
        ),
      );
    }
    this.saveAction(form, result.data, ['review-notes']);
  }

  private saveAction(form: FormId, action: Action, fields: readonly string[]): void {
    if (
      this.change((p) => ({
        ...p,
        actions: p.actions.map((a) => (a.id === action.id ? action : a)),
      }))
    ) {
      const kept = Object.fromEntries(
        Object.entries(this.values(form)).filter(([k]) => !fields.includes(k)),
      );
      this.typed = { ...this.typed, [form]: kept };
      this.errors = { ...this.errors, [form]: [] };
    }
  }

  private addReview(event: Event, form: FormId = 'review', existing?: PlanReview): void {
    event.preventDefault();
    const v = this.values(form);
    const result = PlanReview.safeParse({
      id: existing?.id ?? uuid(),
      date: v['date'] ?? '',
      reviewerRole: v['reviewer'] ?? '',
      summary: (v['summary'] ?? '').trim(),
    });
    if (!result.success) {
      const errors = this.messages(
        result.error.issues,
        (path) => ({ reviewerRole: 'reviewer' })[String(path[0])] ?? String(path[0]),
        {
          date: 'actionPlanErrorDate',
          reviewer: 'actionPlanErrorChoose',
          summary: 'actionPlanErrorReviewSummary',
        },
        { summary: 'actionPlanReviewSummary' },
      );
      const order = ['date', 'reviewer', 'summary'];
      return this.fail(form, errors, order);
    }
    const review = result.data;
    const changed = this.change((p) => ({
      ...p,
      reviews: upsert(p.reviews, review),
    }));
    if (changed) {
      this.clear(form);
      if (existing) {
        this.editing = undefined;
        this.focusAfterRender = `#change-review-${review.id}`;
      }
    }
  }

  // ─────────────────────────────── change and delete ───────────────────────────────

  /** Opens the Change form of a record, filled in with what it holds now. */
  private startEdit(target: Target): void {
    const plan = this.draft!;
    const form = `edit-${target.kind}:${target.id}` as FormId;
    let values: Values;
    let first: string;
    if (target.kind === 'objective') {
      const o = plan.objectives.find((x) => x.id === target.id)!;
      const priority = new Set(plan.priorities.map((p) => p.statement as string));
      const measure = o.measure;
      values = {
        title: o.title,
        statements: o.statements.filter((s) => priority.has(s)).join(' '),
        other: o.statements.filter((s) => !priority.has(s)).join(', '),
        specific: o.success.specific,
        measurable: o.success.measurable,
        achievable: o.success.achievable,
        relevant: o.success.relevant,
        'time-bound': o.success.timeBound,
        ...(measure
          ? {
              measure: `${measure.definition} ${measure.indicator}`,
              'measure-definition': measure.definition,
              'measure-indicator': measure.indicator,
              ...(measure.target ? { 'measure-target': measure.target } : {}),
            }
          : {}),
      };
      first = 'title';
    } else if (target.kind === 'action') {
      const a = plan.actions.find((x) => x.id === target.id)!;
      values = {
        description: a.description,
        owner: a.ownerRole,
        start: a.startDate,
        deadline: a.deadline,
        status: a.status,
        resources: a.resources,
      };
      first = 'description';
    } else {
      const r = plan.reviews.find((x) => x.id === target.id)!;
      values = { date: r.date, reviewer: r.reviewerRole, summary: r.summary };
      first = 'date';
    }
    if (this.editing) this.clear(`edit-${this.editing.kind}:${this.editing.id}` as FormId);
    this.typed = { ...this.typed, [form]: values };
    this.errors = { ...this.errors, [form]: [] };
    this.editing = target;
    this.confirming = undefined;
    this.focusAfterRender = `#${this.fieldId(form, first)}`;
  }

  /** Closes a Change form without saving; focus goes back to its Change button. */
  private cancelEdit(): void {
    const target = this.editing;
    if (!target) return;
    this.clear(`edit-${target.kind}:${target.id}` as FormId);
    this.editing = undefined;
    this.focusAfterRender = `#change-${target.kind}-${target.id}`;
    void this.persist();
  }

  /** Asks, in the page, whether to delete a record; focus goes to the question. */
  private askDelete(target: Target): void {
    if (this.editing) this.clear(`edit-${this.editing.kind}:${this.editing.id}` as FormId);
    this.editing = undefined;
    this.confirming = target;
    this.focusAfterRender = '#confirm-delete-title';
  }

  /** Keeps the record; focus goes back to its Delete button. */
  private cancelDelete(): void {
    const target = this.confirming;
    this.confirming = undefined;
    if (target) this.focusAfterRender = `#delete-${target.kind}-${target.id}`;
  }

  /** Deletes the record being confirmed (an objective with its actions); focus goes to its list. */
  private confirmDelete(): void {
    const target = this.confirming;
    if (!target) return;
    const { kind, id } = target;
    const objectiveOf =
      kind === 'action' ? this.draft?.actions.find((a) => a.id === id)?.objective : undefined;
    const changed = this.change((p) =>
      kind === 'objective'
        ? {
            ...p,
            objectives: p.objectives.filter((o) => o.id !== id),
            actions: p.actions.filter((a) => a.objective !== id),
          }
        : kind === 'action'
          ? { ...p, actions: p.actions.filter((a) => a.id !== id) }
          : { ...p, reviews: p.reviews.filter((r) => r.id !== id) },
    );
    if (!changed) return;
    this.confirming = undefined;
    // Forms typed for what is gone are dropped, so a reload does not bring them back.
    const gone = (f: string) => f.endsWith(`:${id}`);
    this.typed = Object.fromEntries(Object.entries(this.typed).filter(([f]) => !gone(f)));
    void this.persist();
    this.status = this.localize.term('actionPlanDeleted', {});
    this.focusAfterRender =
      kind === 'objective'
        ? '#objectives-heading'
        : kind === 'action'
          ? `#objective-${objectiveOf}`
          : '#reviews-heading';
  }

  /** Seeds an existing plan that has no priorities from the audit (the user asked). */
  private seedPriorities(): void {
    const audit = this.seedAudit;
    if (!audit || !this.parsedDefinition) return;
    const seeded = priorities(this.parsedDefinition, audit, {
      limit: Math.max(0, Math.floor(this.priorityLimit || 0)),
    });
    this.change((p) => ({ ...p, priorities: seeded }));
    this.focusAfterRender = '#priorities-heading';
  }

  private startObjectiveFor(statement: string): void {
    this.typed = {
      ...this.typed,
      objective: { ...this.values('objective'), statements: statement },
    };
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('#add-objective');
    if (details) details.open = true;
    this.focusAfterRender = '#objective-title';
    void this.persist();
  }

  // ─────────────────────────────── rendering ───────────────────────────────

  private date(iso: string): string {
    try {
      return new Intl.DateTimeFormat(this.localize.lang || 'en-GB', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
    } catch {
      return iso;
    }
  }

  private statementText(id: string): string {
    const s = statementsOf(this.parsedDefinition!).find((x) => x.id === id);
    const text = s
      ? localisedText(s.text, this.localize.lang, this.parsedDefinition!.defaultLocale)
      : '';
    return this.localize.term('actionPlanStatement', { id, text });
  }

  private awardFor(plan: ActionPlan): AwardRecommendation | undefined {
    const definition = this.parsedDefinition!;
    this.awardInvalid = false;
    const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string, empty: T): T => {
      if (value === undefined || value === null) return empty;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      this.awardInvalid = true;
      report(what, fromZodError(result.error));
      return empty;
    };
    const baselineResponse =
      this.parsedBaseline ?? (this.parsedAudit?.wave === 'baseline' ? this.parsedAudit : undefined);
    const endResponse = this.parsedAudit?.wave === 'end' ? this.parsedAudit : undefined;
    const score = (r: AuditResponse | undefined): AuditScores | null =>
      r ? scoreAudit(definition, r) : null;
    const evidencePerArea: Record<number, number> = {};
    const areaOf = new Map<string, number>();
    for (const area of definition.areas) {
      evidencePerArea[area.number] = area.statements.reduce(
        (n, s) => n + (endResponse?.evidence[s.id]?.length ?? 0),
        0,
      );
      for (const s of area.statements) areaOf.set(s.id, area.number);
    }
    // Evidence on an action counts in every area its objective's statements are in (once per
    // area, however many of the objective's statements that area holds); dropped actions do not.
    const objectiveAreas = new Map(
      plan.objectives.map((o) => [
        o.id as string,
        new Set(o.statements.flatMap((s) => (areaOf.has(s) ? [areaOf.get(s)!] : []))),
      ]),
    );
    for (const action of plan.actions) {
      if (action.status === 'dropped' || action.evidence.length === 0) continue;
      for (const area of objectiveAreas.get(action.objective) ?? []) {
        evidencePerArea[area] = (evidencePerArea[area] ?? 0) + action.evidence.length;
      }
    }
    const rules = parse(AwardRules, this.awardRules, 'awardRules', AwardRules.parse({}));
    const wellbeing = parse(Wellbeing.optional(), this.wellbeing, 'wellbeing', undefined);
    try {
      return recommendAward(
        {
          baselineAudit: score(baselineResponse),
          endAudit: score(endResponse),
          baselineQuestionnaire: parse(
            Respondents,
            this.baselineQuestionnaire,
            'baselineQuestionnaire',
            null,
          ),
          endQuestionnaire: parse(Respondents, this.endQuestionnaire, 'endQuestionnaire', null),
          plan,
          evidencePerArea,
          pupilOutcomes: parse(
            PupilOutcomes,
            this.pupilOutcomes,
            'pupilOutcomes',
            [],
          ) as OutcomeComparison[],
          ...(wellbeing ? { wellbeing } : {}),
        },
        rules,
      );
    } catch (error) {
      this.awardInvalid = true;
      console.error(`<at-action-plan>: the award inputs are not valid: ${String(error)}`);
      return undefined;
    }
  }

  protected override render() {
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
    const plan = this.draft;
    if (!this.parsedDefinition || !plan) return html`<div part="base" class="base"></div>`;
    const progress = planProgress(plan, { today: this.today });
    return html`<div part="base" class="base">
      <h2 class="heading-l">${this.localize.term('actionPlanHeading', {})}</h2>
      ${this.renderProgress(progress)} ${this.renderPriorities(plan, progress)}
      ${this.renderObjectives(plan)} ${this.renderReviews(plan)} ${this.renderAward()}
      <p class="status" role="status">${this.status}</p>
    </div>`;
  }

  private renderProgress(progress: PlanProgress) {
    const { actions } = progress;
    const counted = actions.total - actions.byStatus.dropped;
    return html`<section part="progress" class="section" aria-labelledby="progress-heading">
      <h3 id="progress-heading" class="heading-m">
        ${this.localize.term('actionPlanProgressHeading', {})}
      </h3>
      ${
        actions.total === 0
          ? html`<p>${this.localize.term('actionPlanNoActions', {})}</p>`
          : html`<p id="progress-summary">
                ${
                  actions.percentDone === null
                    ? this.localize.term('actionPlanNoActions', {})
                    : this.localize.term('actionPlanProgress', {
                        done: actions.byStatus.done,
                        counted,
                        percent: round1(actions.percentDone),
                      })
                }
                ${
                  actions.byStatus.dropped > 0
                    ? this.localize.term('actionPlanDropped', { count: actions.byStatus.dropped })
                    : nothing
                }
              </p>
              <ul class="inline-list" id="status-counts">
                ${ActionStatus.options.map(
                  (s) =>
                    html`<li>
                      ${this.localize.term('actionPlanStatusCount', {
                        status: this.localize.term(STATUS_KEYS[s], {}),
                        count: actions.byStatus[s],
                      })}
                    </li>`,
                )}
              </ul>`
      }
      <h4 class="heading-s">${this.localize.term('actionPlanOverdueHeading', {})}</h4>
      ${
        actions.overdue.length === 0
          ? html`<p>${this.localize.term('actionPlanOverdueNone', {})}</p>`
          : html`<ul part="overdue" class="overdue" id="overdue">
              ${actions.overdue.map(
                (a) =>
                  html`<li>
                    <strong part="tag" class="tag tag--overdue"
                      >${this.localize.term('actionPlanOverdueTag', {})}</strong
                    >
                    ${this.localize.term('actionPlanOverdueItem', {
                      description: a.description,
                      owner: this.localize.term(OWNER_KEYS[a.ownerRole], {}),
                      deadline: this.date(a.deadline),
                    })}
                    <span class="days"
                      >${this.localize.term('actionPlanDaysOverdue', { count: a.daysOverdue })}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
      <p id="review-status" class=${progress.reviewDue ? 'flag' : ''}>
        ${progress.reviewDue ? this.localize.term('actionPlanReviewDue', {}) : nothing}
        ${
          progress.lastReview
            ? this.localize.term('actionPlanLastReview', { date: this.date(progress.lastReview) })
            : this.localize.term('actionPlanNeverReviewed', {})
        }
      </p>
    </section>`;
  }

  private renderPriorities(plan: ActionPlan, progress: PlanProgress) {
    const uncovered = new Set(progress.prioritiesWithoutObjective);
    return html`<section part="priorities" class="section" aria-labelledby="priorities-heading">
      <h3 id="priorities-heading" class="heading-m" tabindex="-1">
        ${this.localize.term('actionPlanPrioritiesHeading', {})}
      </h3>
      ${
        plan.priorities.length === 0
          ? this.seedAudit
            ? html`<p>
                <button type="button" part="button" class="button" @click=${this.seedPriorities}>
                  ${this.localize.term('actionPlanPrioritiesSeed', {})}
                </button>
              </p>`
            : html`<p>${this.localize.term('actionPlanPrioritiesNone', {})}</p>`
          : html`<p class="hint">${this.localize.term('actionPlanPrioritiesIntro', {})}</p>
              <table class="table" id="priorities">
                <thead>
                  <tr>
                    <th scope="col">${this.localize.term('actionPlanPriorityStatement', {})}</th>
                    <th scope="col">${this.localize.term('actionPlanPriorityRating', {})}</th>
                    <th scope="col">${this.localize.term('actionPlanPriorityObjective', {})}</th>
                  </tr>
                </thead>
                <tbody>
                  ${plan.priorities.map(
                    (p) =>
                      html`<tr data-statement=${p.statement}>
                        <th scope="row">
                          ${this.statementText(p.statement)}
                          ${
                            p.groups.length > 0
                              ? html`<span class="groups"
                                  >${p.groups
                                    .map((g) => this.localize.term(GROUP_KEYS[g], {}))
                                    .join(', ')}</span
                                >`
                              : nothing
                          }
                        </th>
                        <td>${this.localize.term(RATING_KEYS[p.rating], {})}</td>
                        <td>
                          ${
                            uncovered.has(p.statement)
                              ? html`<button
                                  type="button"
                                  class="link"
                                  @click=${() => this.startObjectiveFor(p.statement)}
                                >
                                  ${this.localize.term('actionPlanPriorityAdd', {
                                    statement: p.statement,
                                  })}
                                </button>`
                              : this.localize.term('actionPlanPriorityCovered', {})
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>`;
  }

  private renderErrors(form: FormId): TemplateResult | typeof nothing {
    const errors = this.errors[form] ?? [];
    if (errors.length === 0) return nothing;
    const id = this.fieldId(form, 'error-summary');
    return html`<div
      id=${id}
      part="error-summary"
      class="error-summary"
      tabindex="-1"
      aria-labelledby="${id}-title"
    >
      <div role="alert">
        <h4 id="${id}-title" class="heading-m">
          ${this.localize.term('actionPlanErrorSummaryTitle', {})}
        </h4>
        <ul class="error-summary__list">
          ${errors.map(
            (e) =>
              html`<li>
                <a
                  href="#${this.fieldId(form, e.field)}"
                  @click=${(ev: Event) => {
                    ev.preventDefault();
                    this.renderRoot
                      .querySelector<HTMLElement>(`#${this.fieldId(form, e.field)}`)
                      ?.focus();
                  }}
                  >${e.message}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  /** One labelled field with hint and inline error; `control` renders the input itself. */
  private field(
    form: FormId,
    name: string,
    label: TranslationKey,
    control: (id: string, describedBy: string, invalid: boolean) => TemplateResult,
    hint?: TranslationKey,
  ) {
    const id = this.fieldId(form, name);
    const error = (this.errors[form] ?? []).find((e) => e.field === name);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label class="label" for=${id}>${this.localize.term(label, {})}</label>
      ${hint ? html`<div class="hint" id="${id}-hint">${this.localize.term(hint, {})}</div>` : nothing}
      ${
        error
          ? html`<p class="error-message" id="${id}-error">
              <span class="visually-hidden"
                >${this.localize.term('actionPlanErrorPrefix', {})}</span
              >
              ${error.message}
            </p>`
          : nothing
      }
      ${control(id, describedBy, Boolean(error))}
    </div>`;
  }

  private text(form: FormId, name: string, label: TranslationKey, hint?: TranslationKey, rows = 0) {
    const value = this.values(form)[name] ?? '';
    const onInput = (e: Event) =>
      this.type(form, name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    return this.field(
      form,
      name,
      label,
      (id, describedBy, invalid) =>
        rows > 0
          ? html`<textarea
              id=${id}
              class="textarea"
              rows=${rows}
              aria-describedby=${describedBy || nothing}
              aria-invalid=${invalid ? 'true' : 'false'}
              .value=${live(value)}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${id}
              class="input"
              type="text"
              aria-describedby=${describedBy || nothing}
              aria-invalid=${invalid ? 'true' : 'false'}
              .value=${live(value)}
              @input=${onInput}
            />`,
      hint,
    );
  }

  private dateField(form: FormId, name: string, label: TranslationKey) {
    const value = this.values(form)[name] ?? '';
    return this.field(
      form,
      name,
      label,
      (id, describedBy, invalid) =>
        html`<input
          id=${id}
          class="input input--date"
          type="date"
          aria-describedby=${describedBy || nothing}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${live(value)}
          @input=${(e: Event) => this.type(form, name, (e.target as HTMLInputElement).value)}
        />`,
    );
  }

  private select(
    form: FormId,
    name: string,
    label: TranslationKey,
    options: readonly [string, string][],
    hint?: TranslationKey,
    emptyLabel?: TranslationKey,
  ) {
    const value = this.values(form)[name] ?? '';
    return this.field(
      form,
      name,
      label,
      (id, describedBy, invalid) =>
        html`<select
          id=${id}
          class="select"
          aria-describedby=${describedBy || nothing}
          aria-invalid=${invalid ? 'true' : 'false'}
          @change=${(e: Event) => this.type(form, name, (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${value === ''}>
            ${emptyLabel ? this.localize.term(emptyLabel, {}) : nothing}
          </option>
          ${options.map(
            ([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`,
          )}
        </select>`,
      hint,
    );
  }

  private renderObjectives(plan: ActionPlan) {
    const owners = OwnerRole.options.map(
      (o) => [o, this.localize.term(OWNER_KEYS[o], {})] as [string, string],
    );
    const statuses = ActionStatus.options.map(
      (s) => [s, this.localize.term(STATUS_KEYS[s], {})] as [string, string],
    );
    return html`<section class="section" aria-labelledby="objectives-heading">
      <h3 id="objectives-heading" class="heading-m" tabindex="-1">
        ${this.localize.term('actionPlanObjectivesHeading', {})}
      </h3>
      ${
        plan.objectives.length === 0
          ? html`<p>${this.localize.term('actionPlanObjectivesNone', {})}</p>`
          : nothing
      }
      ${plan.objectives.map((o) => {
        const actions = plan.actions.filter((a) => a.objective === o.id);
        const form: FormId = `action:${o.id}`;
        const editing = this.editing?.kind === 'objective' && this.editing.id === o.id;
        return html`<article part="objective" class="objective" aria-labelledby="objective-${o.id}">
          <h4 id="objective-${o.id}" class="heading-s" tabindex="-1">${o.title}</h4>
          ${this.renderRecordButtons(
            { kind: 'objective', id: o.id },
            this.localize.term('actionPlanChangeObjective', { title: o.title }),
          )}
          ${
            this.confirming?.kind === 'objective' && this.confirming.id === o.id
              ? this.renderConfirm(
                  this.localize.term('actionPlanDeleteObjective', { title: o.title }),
                  actions.length > 0
                    ? this.localize.term('actionPlanDeleteObjectiveActions', {
                        count: actions.length,
                      })
                    : '',
                )
              : nothing
          }
          ${
            editing
              ? html`<div class="edit" part="edit">
                  ${this.renderObjectiveForm(plan, `edit-objective:${o.id}`, o)}
                </div>`
              : this.renderObjectiveSummary(o)
          }
          ${
            actions.length === 0
              ? html`<p>${this.localize.term('actionPlanActionsNone', {})}</p>`
              : html`<div class="table-wrap">
                  <table class="table actions-table">
                    <caption class="visually-hidden">
                      ${this.localize.term('actionPlanActionsCaption', {})}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          ${this.localize.term('actionPlanActionDescription', {})}
                        </th>
                        <th scope="col">${this.localize.term('actionPlanActionOwner', {})}</th>
                        <th scope="col">${this.localize.term('actionPlanActionStart', {})}</th>
                        <th scope="col">${this.localize.term('actionPlanActionDeadline', {})}</th>
                        <th scope="col">${this.localize.term('actionPlanActionStatus', {})}</th>
                        <th scope="col">
                          <span class="visually-hidden"
                            >${this.localize.term('actionPlanActionsColumn', {})}</span
                          >
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      ${actions.map((a) => this.renderAction(a, statuses, owners))}
                    </tbody>
                  </table>
                </div>`
          }
          <details
            class="details"
            id="add-action-${o.id}"
            ?open=${
              Object.keys(this.values(form)).length > 0 || (this.errors[form] ?? []).length > 0
            }
          >
            <summary class="details__summary">
              <span>${this.localize.term('actionPlanActionAdd', {})}</span>
            </summary>
            <form class="details__text" novalidate @submit=${(e: Event) => this.addAction(e, o.id)}>
              ${this.renderErrors(form)}
              ${this.text(form, 'description', 'actionPlanActionDescription', undefined, 2)}
              ${this.select(form, 'owner', 'actionPlanActionOwner', owners, 'actionPlanOwnerHint')}
              ${this.dateField(form, 'start', 'actionPlanActionStart')}
              ${this.dateField(form, 'deadline', 'actionPlanActionDeadline')}
              ${this.select(form, 'status', 'actionPlanActionStatus', statuses)}
              ${this.text(form, 'resources', 'actionPlanActionResources')}
              ${this.text(form, 'evidence-note', 'actionPlanActionEvidenceNote')}
              ${this.text(form, 'evidence-url', 'actionPlanActionEvidenceUrl')}
              <button type="submit" part="button" class="button">
                ${this.localize.term('actionPlanActionAdd', {})}
              </button>
            </form>
          </details>
        </article>`;
      })}
      ${this.renderAddObjective(plan)}
    </section>`;
  }

  private renderObjectiveSummary(o: Objective) {
    return html`<dl class="summary-list">
      <div>
        <dt>${this.localize.term('actionPlanObjectiveStatements', {})}</dt>
        <dd>
          ${o.statements.map((s) => html`<span class="block">${this.statementText(s)}</span>`)}
        </dd>
      </div>
      <div>
        <dt>${this.localize.term('actionPlanObjectiveSpecific', {})}</dt>
        <dd>${o.success.specific}</dd>
      </div>
      <div>
        <dt>${this.localize.term('actionPlanObjectiveMeasurable', {})}</dt>
        <dd>${o.success.measurable}</dd>
      </div>
      ${
        o.success.achievable
          ? html`<div>
              <dt>${this.localize.term('actionPlanObjectiveAchievable', {})}</dt>
              <dd>${o.success.achievable}</dd>
            </div>`
          : nothing
      }
      ${
        o.success.relevant
          ? html`<div>
              <dt>${this.localize.term('actionPlanObjectiveRelevant', {})}</dt>
              <dd>${o.success.relevant}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${this.localize.term('actionPlanObjectiveTimeBound', {})}</dt>
        <dd>${this.date(o.success.timeBound)}</dd>
      </div>
      ${
        o.measure
          ? html`<div>
              <dt>${this.localize.term('actionPlanObjectiveMeasure', {})}</dt>
              <dd>
                ${this.measureLabel(o.measure.definition, o.measure.indicator)}${
                  o.measure.target ? html` — ${o.measure.target}` : nothing
                }
              </dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderAction(
    a: Action,
    statuses: readonly [string, string][],
    owners: readonly [string, string][],
  ) {
    const form: FormId = `notes:${a.id}`;
    const notes = this.values(form);
    const target: Target = { kind: 'action', id: a.id };
    const editing = this.editing?.kind === 'action' && this.editing.id === a.id;
    const confirming = this.confirming?.kind === 'action' && this.confirming.id === a.id;
    const edit: FormId = `edit-action:${a.id}`;
    return html`<tr data-action=${a.id}>
        <td>${a.description}</td>
        <td>${this.localize.term(OWNER_KEYS[a.ownerRole], {})}</td>
        <td>${this.date(a.startDate)}</td>
        <td>${this.date(a.deadline)}</td>
        <td>
          <select
            class="select"
            aria-label=${this.localize.term('actionPlanActionStatusOf', { action: a.description })}
            @change=${(e: Event) => this.setStatus(a.id, (e.target as HTMLSelectElement).value)}
          >
            ${statuses.map(
              ([v, text]) =>
                html`<option
                  value=${v}
                  ?selected=${a.status === v}
                  .selected=${live(a.status === v)}
                >
                  ${text}
                </option>`,
            )}
          </select>
        </td>
        <td>
          ${this.renderRecordButtons(
            target,
            this.localize.term('actionPlanChangeAction', { description: a.description }),
          )}
        </td>
      </tr>
      <tr class="action-details">
        <td colspan="6">
          ${
            confirming
              ? this.renderConfirm(
                  this.localize.term('actionPlanDeleteAction', { description: a.description }),
                  '',
                )
              : nothing
          }
          ${
            editing
              ? html`<div class="edit" part="edit">
                  <form novalidate @submit=${(e: Event) => this.addAction(e, a.objective, edit, a)}>
                    ${this.renderErrors(edit)}
                    ${this.text(edit, 'description', 'actionPlanActionDescription', undefined, 2)}
                    ${this.select(edit, 'owner', 'actionPlanActionOwner', owners, 'actionPlanOwnerHint')}
                    ${this.dateField(edit, 'start', 'actionPlanActionStart')}
                    ${this.dateField(edit, 'deadline', 'actionPlanActionDeadline')}
                    ${this.select(edit, 'status', 'actionPlanActionStatus', statuses)}
                    ${this.text(edit, 'resources', 'actionPlanActionResources')}
                    ${this.renderFormButtons(undefined)}
                  </form>
                </div>`
              : nothing
          }
          <details class="details">
            <summary class="details__summary">
              <span
                >${this.localize.term('actionPlanActionEvidenceSummary', {
                  count: a.evidence.length,
                })}</span
              >
            </summary>
            <div class="details__text">
              ${
                a.evidence.length > 0
                  ? html`<ul>
                      ${a.evidence.map(
                        (e) =>
                          html`<li>
                            <span class="block">${e.note}</span
                            >${e.url ? html`<span class="block hint">${e.url}</span>` : nothing}
                          </li>`,
                      )}
                    </ul>`
                  : nothing
              }
              <form novalidate @submit=${(e: Event) => this.addEvidence(e, a.id)}>
                ${this.renderErrors(form)}
                ${this.text(form, 'evidence-note', 'actionPlanActionEvidenceNote')}
                ${this.text(form, 'evidence-url', 'actionPlanActionEvidenceUrl')}
                <button type="submit" part="button" class="button button--secondary">
                  ${this.localize.term('actionPlanActionAddEvidence', {})}
                </button>
              </form>
              ${this.field(
                form,
                'review-notes',
                'actionPlanActionReviewNotes',
                (id, describedBy, invalid) =>
                  html`<textarea
                    id=${id}
                    class="textarea"
                    rows="2"
                    aria-describedby=${describedBy || nothing}
                    aria-invalid=${invalid ? 'true' : 'false'}
                    .value=${live(notes['review-notes'] ?? a.reviewNotes)}
                    @input=${(e: Event) =>
                      this.type(form, 'review-notes', (e.target as HTMLTextAreaElement).value)}
                  ></textarea>`,
              )}
              <button
                type="button"
                part="button"
                class="button button--secondary"
                @click=${() => this.saveNotes(a.id)}
              >
                ${this.localize.term('actionPlanActionSaveNotes', {})}
              </button>
            </div>
          </details>
        </td>
      </tr>`;
  }

  /** A measure's label from `measures`, else "questionnaire: indicator". */
  private measureLabel(definition: string, indicator: string): string {
    const known = this.parsedMeasures?.find(
      (m) => m.questionnaire === definition && m.indicator === indicator,
    );
    return known ? known.label : `${definition}: ${indicator}`;
  }

  private renderAddObjective(plan: ActionPlan) {
    const form: FormId = 'objective';
    const open = Object.keys(this.values(form)).length > 0 || (this.errors[form] ?? []).length > 0;
    return html`<details class="details" id="add-objective" ?open=${open}>
      <summary class="details__summary">
        <span>${this.localize.term('actionPlanObjectiveAdd', {})}</span>
      </summary>
      <div class="details__text">${this.renderObjectiveForm(plan, form)}</div>
    </details>`;
  }

  /** The objective form: adding one (`objective`) or changing one (`edit-objective:<id>`). */
  private renderObjectiveForm(plan: ActionPlan, form: FormId, existing?: Objective) {
    const chosen = new Set((this.values(form)['statements'] ?? '').split(' ').filter(Boolean));
    const error = (this.errors[form] ?? []).find((e) => e.field === 'statements');
    const toggle = (id: string, on: boolean) => {
      const next = new Set(chosen);
      if (on) next.add(id);
      else next.delete(id);
      this.type(form, 'statements', [...next].join(' '));
    };
    const statementsId = this.fieldId(form, 'statements');
    const hintId = this.fieldId(form, 'measure-hint');
    const list = this.parsedMeasures;
    const current = this.values(form)['measure'] ?? '';
    const options: [string, string][] = (list ?? []).map((m) => [
      `${m.questionnaire} ${m.indicator}`,
      m.label,
    ]);
    // A saved measure that the list no longer offers stays selectable, so a Change keeps it.
    if (current && !options.some(([v]) => v === current)) {
      const [d = '', i = ''] = current.split(' ');
      options.push([current, this.measureLabel(d, i)]);
    }
    return html`<form novalidate @submit=${(e: Event) => this.addObjective(e, form, existing)}>
      ${this.renderErrors(form)} ${this.text(form, 'title', 'actionPlanObjectiveTitle')}
      ${
        plan.priorities.length > 0
          ? html`<fieldset
              class="fieldset field ${error ? 'field--error' : ''}"
              aria-describedby=${error ? `${statementsId}-error` : nothing}
            >
              <legend class="label">
                ${this.localize.term('actionPlanObjectiveStatements', {})}
              </legend>
              ${
                error
                  ? html`<p class="error-message" id="${statementsId}-error">
                      <span class="visually-hidden"
                        >${this.localize.term('actionPlanErrorPrefix', {})}</span
                      >
                      ${error.message}
                    </p>`
                  : nothing
              }
              ${plan.priorities.map((p, i) => {
                const id = i === 0 ? statementsId : `${statementsId}-${i}`;
                return html`<div class="checkbox">
                  <input
                    type="checkbox"
                    id=${id}
                    .checked=${live(chosen.has(p.statement))}
                    @change=${(e: Event) =>
                      toggle(p.statement, (e.target as HTMLInputElement).checked)}
                  />
                  <label for=${id}>${this.statementText(p.statement)}</label>
                </div>`;
              })}
            </fieldset>`
          : nothing
      }
      ${this.text(
        form,
        'other',
        'actionPlanObjectiveOtherStatements',
        'actionPlanObjectiveOtherStatementsHint',
      )}
      ${this.text(form, 'specific', 'actionPlanObjectiveSpecific', undefined, 2)}
      ${this.text(form, 'measurable', 'actionPlanObjectiveMeasurable', undefined, 2)}
      ${this.text(form, 'achievable', 'actionPlanObjectiveAchievable')}
      ${this.text(form, 'relevant', 'actionPlanObjectiveRelevant')}
      ${this.dateField(form, 'time-bound', 'actionPlanObjectiveTimeBound')}
      <fieldset class="fieldset" aria-describedby=${hintId}>
        <legend class="label">${this.localize.term('actionPlanMeasureLegend', {})}</legend>
        ${
          list
            ? html`<div class="hint" id=${hintId}>
                  ${this.localize.term('actionPlanMeasureChooseHint', {})}
                </div>
                ${this.select(form, 'measure', 'actionPlanMeasureChoose', options, undefined, 'actionPlanMeasureNone')}`
            : html`<div class="hint" id=${hintId}>
                  ${this.localize.term('actionPlanMeasureHint', {})}
                </div>
                ${this.text(form, 'measure-definition', 'actionPlanMeasureDefinition')}
                ${this.text(form, 'measure-indicator', 'actionPlanMeasureIndicator')}`
        }
        ${this.text(form, 'measure-target', 'actionPlanMeasureTarget')}
      </fieldset>
      ${this.renderFormButtons(existing ? undefined : 'actionPlanObjectiveAdd')}
    </form>`;
  }

  /** Submit (Add … or Save changes) and, on a Change form, Cancel. */
  private renderFormButtons(add: TranslationKey | undefined) {
    return html`<div class="actions">
      <button type="submit" part="button" class="button">
        ${this.localize.term(add ?? 'actionPlanEditSave', {})}
      </button>
      ${
        add
          ? nothing
          : html`<button
              type="button"
              part="button"
              class="button button--secondary"
              @click=${this.cancelEdit}
            >
              ${this.localize.term('actionPlanEditCancel', {})}
            </button>`
      }
    </div>`;
  }

  /** Change and Delete for one record; the visually hidden text says which record. */
  private renderRecordButtons(target: Target, which: string) {
    return html`<div class="record-actions">
      <button
        type="button"
        class="link"
        id="change-${target.kind}-${target.id}"
        @click=${() => this.startEdit(target)}
      >
        ${this.localize.term('actionPlanChange', {})}<span class="visually-hidden">${which}</span>
      </button>
      <button
        type="button"
        class="link"
        id="delete-${target.kind}-${target.id}"
        @click=${() => this.askDelete(target)}
      >
        ${this.localize.term('actionPlanDelete', {})}<span class="visually-hidden">${which}</span>
      </button>
    </div>`;
  }

  /** The in-page question before a deletion. */
  private renderConfirm(question: string, detail: string) {
    return html`<div
      class="confirm"
      part="confirm"
      role="group"
      aria-labelledby="confirm-delete-title"
      id="confirm-delete"
    >
      <h5 id="confirm-delete-title" class="heading-s" tabindex="-1">${question}</h5>
      <p>
        ${detail ? html`${detail} ` : nothing}${this.localize.term('actionPlanDeleteCannotUndo', {})}
      </p>
      <div class="actions">
        <button
          type="button"
          part="button"
          class="button button--warning"
          id="confirm-delete-yes"
          @click=${this.confirmDelete}
        >
          ${this.localize.term('actionPlanDeleteConfirmYes', {})}
        </button>
        <button
          type="button"
          part="button"
          class="button button--secondary"
          id="confirm-delete-no"
          @click=${this.cancelDelete}
        >
          ${this.localize.term('actionPlanDeleteCancel', {})}
        </button>
      </div>
    </div>`;
  }

  private renderReviews(plan: ActionPlan) {
    const form: FormId = 'review';
    const owners = OwnerRole.options.map(
      (o) => [o, this.localize.term(OWNER_KEYS[o], {})] as [string, string],
    );
    const reviews = [...plan.reviews].sort((a, b) => (a.date < b.date ? 1 : -1));
    return html`<section part="reviews" class="section" aria-labelledby="reviews-heading">
      <h3 id="reviews-heading" class="heading-m" tabindex="-1">
        ${this.localize.term('actionPlanReviewsHeading', {})}
      </h3>
      ${
        reviews.length === 0
          ? html`<p>${this.localize.term('actionPlanReviewsNone', {})}</p>`
          : html`<ol class="reviews" id="reviews">
              ${reviews.map((r) => {
                const target: Target = { kind: 'review', id: r.id };
                const edit: FormId = `edit-review:${r.id}`;
                const editing = this.editing?.kind === 'review' && this.editing.id === r.id;
                const confirming =
                  this.confirming?.kind === 'review' && this.confirming.id === r.id;
                const when = this.date(r.date);
                return html`<li>
                  <strong
                    >${this.localize.term('actionPlanReviewItem', {
                      date: when,
                      reviewer: this.localize.term(OWNER_KEYS[r.reviewerRole], {}),
                    })}</strong
                  >
                  ${
                    editing
                      ? html`<div class="edit" part="edit">
                          <form novalidate @submit=${(e: Event) => this.addReview(e, edit, r)}>
                            ${this.renderErrors(edit)}
                            ${this.dateField(edit, 'date', 'actionPlanReviewDate')}
                            ${this.select(edit, 'reviewer', 'actionPlanReviewer', owners)}
                            ${this.text(edit, 'summary', 'actionPlanReviewSummary', undefined, 3)}
                            ${this.renderFormButtons(undefined)}
                          </form>
                        </div>`
                      : html`<span class="block">${r.summary}</span>`
                  }
                  ${this.renderRecordButtons(
                    target,
                    this.localize.term('actionPlanChangeReview', { date: when }),
                  )}
                  ${
                    confirming
                      ? this.renderConfirm(
                          this.localize.term('actionPlanDeleteReview', { date: when }),
                          '',
                        )
                      : nothing
                  }
                </li>`;
              })}
            </ol>`
      }
      <details class="details" ?open=${(this.errors[form] ?? []).length > 0}>
        <summary class="details__summary">
          <span>${this.localize.term('actionPlanReviewAdd', {})}</span>
        </summary>
        <form class="details__text" novalidate @submit=${(e: Event) => this.addReview(e)}>
          ${this.renderErrors(form)} ${this.dateField(form, 'date', 'actionPlanReviewDate')}
          ${this.select(form, 'reviewer', 'actionPlanReviewer', owners)}
          ${this.text(form, 'summary', 'actionPlanReviewSummary', undefined, 3)}
          <button type="submit" part="button" class="button">
            ${this.localize.term('actionPlanReviewAdd', {})}
          </button>
        </form>
      </details>
    </section>`;
  }

  private renderAward() {
    const award = this.award;
    return html`<section part="award" class="section award" aria-labelledby="award-heading">
      <h3 id="award-heading" class="heading-m">
        ${this.localize.term('actionPlanAwardHeading', {})}
      </h3>
      ${
        this.awardInvalid
          ? html`<p class="notice">${this.localize.term('actionPlanInvalidAward', {})}</p>`
          : nothing
      }
      <p class="hint">${this.localize.term('actionPlanAwardIntro', {})}</p>
      ${
        award
          ? html`<p id="award-level">
                ${this.localize.term('actionPlanAwardResult', {})}:
                <strong>${this.localize.term(LEVEL_KEYS[award.level], {})}</strong>
              </p>
              ${(['participation', 'bronze', 'silver', 'gold'] as const).map((level) =>
                this.renderCriteria(
                  level,
                  award.criteria.filter((c) => c.level === level),
                ),
              )}`
          : nothing
      }
    </section>`;
  }

  /**
   * A criterion's reason in the element's language, from its `message` (key and params) and this
   * element's translation table; the English `reason` when there is no message or the key is new.
   */
  private reason(c: AwardCriterion): string {
    const own = <T>(table: Readonly<Record<string, T>> | undefined, k: string): T | undefined =>
      table && Object.hasOwn(table, k) ? table[k] : undefined;
    const key = c.message ? own(REASON_KEYS, c.message.key) : undefined;
    if (!c.message || !key) return c.reason;
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(c.message.params)) {
      const word = typeof value === 'string' ? own(own(REASON_WORDS, name), value) : undefined;
      params[name] = word ? this.localize.term(word, {}) : value;
    }
    return this.localize.term(key, params);
  }

  private renderCriteria(level: AwardLevel, criteria: readonly AwardCriterion[]) {
    if (criteria.length === 0) return nothing;
    const title = this.localize.term(
      level === 'participation' ? 'actionPlanLevelEligibility' : LEVEL_KEYS[level],
      {},
    );
    return html`<table class="table criteria" data-level=${level}>
      <caption class="heading-s">
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.localize.term('actionPlanAwardCriterion', {})}</th>
          <th scope="col">${this.localize.term('actionPlanAwardResultColumn', {})}</th>
          <th scope="col">${this.localize.term('actionPlanAwardWhy', {})}</th>
        </tr>
      </thead>
      <tbody>
        ${criteria.map((c) => {
          const key = CRITERION_KEYS[c.id];
          return html`<tr part="criterion" data-criterion=${c.id}>
            <th scope="row">${key ? this.localize.term(key, {}) : c.id}</th>
            <td>
              <strong part="tag" class="tag ${c.met ? 'tag--met' : 'tag--unmet'}"
                >${this.localize.term(c.met ? 'actionPlanAwardMet' : 'actionPlanAwardUnmet', {})}</strong
              >
            </td>
            <td>${this.reason(c)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}
