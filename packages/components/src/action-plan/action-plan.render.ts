// Just over the 400-line aim (style.md): the form-kit glue, progress, priorities and the review
// log in one module; objectives and actions are in action-plan.objectives.ts.
/**
 * The markup of `<at-action-plan>` other than objectives: progress and overdue actions, the
 * priorities, the review log, and the small pieces every section uses (fields through the shared
 * form kit, Change and Delete, the in-page delete question). Pure functions of a {@link PlanScreen}.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  ActionStatus,
  EvidenceKind,
  OwnerRole,
  type ActionPlan,
  type ActionStatus as Status,
  type AuditDefinition,
  type EvidenceKind as Kind,
  type OwnerRole as Owner,
  type Rating,
  type VulnerableGroup,
} from '@all-together/model';
import type { PlanProgress } from '@all-together/scoring';
import {
  dateControl,
  errorSummary,
  field,
  selectControl,
  textControl,
  type FieldProblem,
} from '../shared/form-kit.js';
import type { TranslationKey, TranslationParams } from '../shared/i18n.js';
import { round1 } from '../shared/text.js';
import type { MeasureOption } from './measures.js';
import type { Target, Values } from './plan-edit.js';

/** The forms of the element, each with its own fields, values and errors. */
export type FormId =
  | 'objective'
  | 'review'
  | `action:${string}`
  | `notes:${string}`
  | `edit-objective:${string}`
  | `edit-action:${string}`
  | `edit-review:${string}`;

/** What the screens show and the actions they offer. */
export interface PlanScreen {
  readonly plan: ActionPlan;
  readonly definition: AuditDefinition;
  readonly progress: PlanProgress;
  readonly measures: readonly MeasureOption[] | undefined;
  /** Words an evidence description needs for the award (from the recommendation's rules). */
  readonly evidenceWords: number;
  readonly editing: Target | undefined;
  readonly confirming: Target | undefined;
  /** An audit is there to seed priorities from. */
  readonly canSeed: boolean;
  readonly root: ParentNode;
  /** The element's language (for definition texts). */
  readonly lang: string;
  term<K extends TranslationKey>(key: K, params: TranslationParams[K]): string;
  date(iso: string): string;
  statementText(id: string): string;
  values(form: FormId): Values;
  /** A form's problems by field name, in the form's order. */
  errors(form: FormId): readonly FieldProblem[];
  type(form: FormId, field: string, value: string): void;
  submitObjective(event: Event, form: FormId, existing?: string): void;
  submitAction(event: Event, objective: string, form: FormId, existing?: string): void;
  addEvidence(event: Event, action: string): void;
  saveNotes(action: string): void;
  submitReview(event: Event, form: FormId, existing?: string): void;
  setStatus(action: string, status: string): void;
  startEdit(target: Target): void;
  cancelEdit(): void;
  askDelete(target: Target): void;
  cancelDelete(): void;
  confirmDelete(): void;
  seedPriorities(): void;
  startObjectiveFor(statement: string): void;
}

export const STATUS_KEYS: Readonly<Record<Status, TranslationKey>> = {
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
export const OWNER_KEYS: Readonly<Record<Owner, TranslationKey>> = {
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

export const EVIDENCE_KIND_KEYS: Readonly<Record<Kind, TranslationKey>> = {
  document: 'actionPlanEvidenceKindDocument',
  observation: 'actionPlanEvidenceKindObservation',
  survey: 'actionPlanEvidenceKindSurvey',
  minutes: 'actionPlanEvidenceKindMinutes',
  other: 'actionPlanEvidenceKindOther',
};

/**
 * A piece of evidence's fields: its kind (a labelled choice), its description (with the hint
 * that the award needs a kind and real words) and an optional link.
 */
export function evidenceFields(s: PlanScreen, form: FormId): TemplateResult {
  const kinds = EvidenceKind.options.map((k) => [k, s.term(EVIDENCE_KIND_KEYS[k], {})] as const);
  const value = (name: string) => s.values(form)[name] ?? '';
  const error = (name: string) => {
    const e = s.errors(form).find((x) => x.field === name)?.message;
    return e ? { error: e } : {};
  };
  return html`${input(s, form, 'evidence-kind', 'actionPlanEvidenceKind', kinds, undefined, 'actionPlanEvidenceKindChoose')}
  ${field(
    {
      id: fieldId(form, 'evidence-note'),
      label: s.term('actionPlanActionEvidenceNote', {}),
      hint: s.term('actionPlanEvidenceHint', { count: s.evidenceWords }),
      errorPrefix: s.term('actionPlanErrorPrefix', {}),
      ...error('evidence-note'),
    },
    (p) => textControl(p, value('evidence-note'), (v) => s.type(form, 'evidence-note', v), 2),
  )}
  ${input(s, form, 'evidence-url', 'actionPlanActionEvidenceUrl')}`;
}

/** The id of a form's field (and of its error summary: field `error-summary`). */
export const fieldId = (form: FormId, name: string): string => `${form.replace(':', '-')}-${name}`;

/** Owner roles and statuses as labelled choices: the lead picks words, never ids. */
export const owners = (s: PlanScreen): [string, string][] =>
  OwnerRole.options.map((o) => [o, s.term(OWNER_KEYS[o], {})]);
export const statuses = (s: PlanScreen): [string, string][] =>
  ActionStatus.options.map((v) => [v, s.term(STATUS_KEYS[v], {})]);

/** A form's error summary (GOV.UK): focus moves to it after a failed submit. */
export function formErrors(s: PlanScreen, form: FormId): TemplateResult | typeof nothing {
  return errorSummary({
    id: fieldId(form, 'error-summary'),
    title: s.term('actionPlanErrorSummaryTitle', {}),
    level: 4,
    problems: s.errors(form).map((e) => ({ field: fieldId(form, e.field), message: e.message })),
    root: s.root,
  });
}

type Control = 'text' | 'area' | 'area3' | 'date' | readonly (readonly [string, string])[];

/** One labelled field of a form, with its hint and inline error, through the form kit. */
export function input(
  s: PlanScreen,
  form: FormId,
  name: string,
  label: TranslationKey,
  control: Control = 'text',
  hint?: TranslationKey,
  emptyLabel?: TranslationKey,
): TemplateResult {
  const value = s.values(form)[name] ?? '';
  const set = (v: string) => s.type(form, name, v);
  return field(
    {
      id: fieldId(form, name),
      label: s.term(label, {}),
      ...(hint ? { hint: s.term(hint, {}) } : {}),
      ...(() => {
        const error = s.errors(form).find((e) => e.field === name)?.message;
        return error ? { error } : {};
      })(),
      errorPrefix: s.term('actionPlanErrorPrefix', {}),
    },
    (p) =>
      control === 'date'
        ? dateControl(p, value, set)
        : control === 'text' || control === 'area' || control === 'area3'
          ? textControl(p, value, set, control === 'area' ? 2 : control === 'area3' ? 3 : 0)
          : selectControl(p, value, control, set, emptyLabel ? s.term(emptyLabel, {}) : ''),
  );
}

/** Submit (Add … or Save changes) and, on a Change form, Cancel. */
export function formButtons(s: PlanScreen, add: TranslationKey | undefined): TemplateResult {
  return html`<div class="actions">
    <button type="submit" part="button" class="button">
      ${s.term(add ?? 'actionPlanEditSave', {})}
    </button>
    ${
      add
        ? nothing
        : html`<button
            type="button"
            part="button"
            class="button button--secondary"
            @click=${() => s.cancelEdit()}
          >
            ${s.term('actionPlanEditCancel', {})}
          </button>`
    }
  </div>`;
}

/** Change and Delete for one record; the visually hidden text says which record. */
export function recordButtons(s: PlanScreen, target: Target, which: string): TemplateResult {
  return html`<div class="record-actions">
    <button
      type="button"
      class="link"
      id="change-${target.kind}-${target.id}"
      @click=${() => s.startEdit(target)}
    >
      ${s.term('actionPlanChange', {})}<span class="visually-hidden">${which}</span>
    </button>
    <button
      type="button"
      class="link"
      id="delete-${target.kind}-${target.id}"
      @click=${() => s.askDelete(target)}
    >
      ${s.term('actionPlanDelete', {})}<span class="visually-hidden">${which}</span>
    </button>
  </div>`;
}

/** The in-page question before a deletion. */
export function confirm(s: PlanScreen, question: string, detail: string): TemplateResult {
  return html`<div
    class="confirm"
    part="confirm"
    role="group"
    aria-labelledby="confirm-delete-title"
    id="confirm-delete"
  >
    <h5 id="confirm-delete-title" class="heading-s" tabindex="-1">${question}</h5>
    <p>${detail ? html`${detail} ` : nothing}${s.term('actionPlanDeleteCannotUndo', {})}</p>
    <div class="actions">
      <button
        type="button"
        part="button"
        class="button button--warning"
        id="confirm-delete-yes"
        @click=${() => s.confirmDelete()}
      >
        ${s.term('actionPlanDeleteConfirmYes', {})}
      </button>
      <button
        type="button"
        part="button"
        class="button button--secondary"
        id="confirm-delete-no"
        @click=${() => s.cancelDelete()}
      >
        ${s.term('actionPlanDeleteCancel', {})}
      </button>
    </div>
  </div>`;
}

/** Progress, status counts, overdue actions and whether a review is due. */
export function progressSection(s: PlanScreen): TemplateResult {
  const { actions } = s.progress;
  const counted = actions.total - actions.byStatus.dropped;
  return html`<section part="progress" class="section" aria-labelledby="progress-heading">
    <h3 id="progress-heading" class="heading-m">${s.term('actionPlanProgressHeading', {})}</h3>
    ${
      actions.total === 0 || actions.percentDone === null
        ? html`<p>${s.term('actionPlanNoActions', {})}</p>`
        : html`<p id="progress-summary">
              ${s.term('actionPlanProgress', {
                done: actions.byStatus.done,
                counted,
                percent: round1(actions.percentDone),
              })}
              ${
                actions.byStatus.dropped > 0
                  ? s.term('actionPlanDropped', { count: actions.byStatus.dropped })
                  : nothing
              }
            </p>
            <ul class="inline-list" id="status-counts">
              ${ActionStatus.options.map(
                (v) =>
                  html`<li>
                    ${s.term('actionPlanStatusCount', {
                      status: s.term(STATUS_KEYS[v], {}),
                      count: actions.byStatus[v],
                    })}
                  </li>`,
              )}
            </ul>`
    }
    <h4 class="heading-s">${s.term('actionPlanOverdueHeading', {})}</h4>
    ${
      actions.overdue.length === 0
        ? html`<p>${s.term('actionPlanOverdueNone', {})}</p>`
        : html`<ul part="overdue" class="overdue" id="overdue">
            ${actions.overdue.map(
              (a) =>
                html`<li>
                  <strong part="tag" class="tag tag--overdue"
                    >${s.term('actionPlanOverdueTag', {})}</strong
                  >
                  ${s.term('actionPlanOverdueItem', {
                    description: a.description,
                    owner: s.term(OWNER_KEYS[a.ownerRole], {}),
                    deadline: s.date(a.deadline),
                  })}
                  <span class="days"
                    >${s.term('actionPlanDaysOverdue', { count: a.daysOverdue })}</span
                  >
                </li>`,
            )}
          </ul>`
    }
    <p id="review-status" class=${s.progress.reviewDue ? 'flag' : ''}>
      ${s.progress.reviewDue ? s.term('actionPlanReviewDue', {}) : nothing}
      ${
        s.progress.lastReview
          ? s.term('actionPlanLastReview', { date: s.date(s.progress.lastReview) })
          : s.term('actionPlanNeverReviewed', {})
      }
    </p>
  </section>`;
}

/** The priorities seeded from the audit, each with its objective or a way to add one. */
export function prioritiesSection(s: PlanScreen): TemplateResult {
  const uncovered = new Set(s.progress.prioritiesWithoutObjective);
  const list = s.plan.priorities;
  return html`<section part="priorities" class="section" aria-labelledby="priorities-heading">
    <h3 id="priorities-heading" class="heading-m" tabindex="-1">
      ${s.term('actionPlanPrioritiesHeading', {})}
    </h3>
    ${
      list.length === 0
        ? s.canSeed
          ? html`<p>
              <button type="button" part="button" class="button" @click=${() => s.seedPriorities()}>
                ${s.term('actionPlanPrioritiesSeed', {})}
              </button>
            </p>`
          : html`<p>${s.term('actionPlanPrioritiesNone', {})}</p>`
        : html`<p class="hint">${s.term('actionPlanPrioritiesIntro', {})}</p>
            <div class="table-wrap">
              <table class="table" id="priorities">
                <thead>
                  <tr>
                    <th scope="col">${s.term('actionPlanPriorityStatement', {})}</th>
                    <th scope="col">${s.term('actionPlanPriorityRating', {})}</th>
                    <th scope="col">${s.term('actionPlanPriorityObjective', {})}</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.map(
                    (p) =>
                      html`<tr data-statement=${p.statement}>
                        <th scope="row">
                          ${s.statementText(p.statement)}
                          ${
                            p.groups.length > 0
                              ? html`<span class="groups"
                                  >${p.groups.map((g) => s.term(GROUP_KEYS[g], {})).join(', ')}</span
                                >`
                              : nothing
                          }
                        </th>
                        <td>${s.term(RATING_KEYS[p.rating], {})}</td>
                        <td>
                          ${
                            uncovered.has(p.statement)
                              ? html`<button
                                  type="button"
                                  class="link"
                                  @click=${() => s.startObjectiveFor(p.statement)}
                                >
                                  ${s.term('actionPlanPriorityAdd', { statement: p.statement })}
                                </button>`
                              : s.term('actionPlanPriorityCovered', {})
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
    }
  </section>`;
}

/** The termly review log, newest first, with Change, Delete and the form to add one. */
export function reviewsSection(s: PlanScreen): TemplateResult {
  const form: FormId = 'review';
  const reviews = [...s.plan.reviews].sort((a, b) => (a.date < b.date ? 1 : -1));
  const is = (t: Target | undefined, id: string) => t?.kind === 'review' && t.id === id;
  return html`<section part="reviews" class="section" aria-labelledby="reviews-heading">
    <h3 id="reviews-heading" class="heading-m" tabindex="-1">
      ${s.term('actionPlanReviewsHeading', {})}
    </h3>
    ${
      reviews.length === 0
        ? html`<p>${s.term('actionPlanReviewsNone', {})}</p>`
        : html`<ol class="reviews" id="reviews">
            ${reviews.map((r) => {
              const edit: FormId = `edit-review:${r.id}`;
              const when = s.date(r.date);
              return html`<li>
                <strong
                  >${s.term('actionPlanReviewItem', {
                    date: when,
                    reviewer: s.term(OWNER_KEYS[r.reviewerRole], {}),
                  })}</strong
                >
                ${
                  is(s.editing, r.id)
                    ? html`<div class="edit" part="edit">
                        <form novalidate @submit=${(e: Event) => s.submitReview(e, edit, r.id)}>
                          ${formErrors(s, edit)}
                          ${input(s, edit, 'date', 'actionPlanReviewDate', 'date')}
                          ${input(s, edit, 'reviewer', 'actionPlanReviewer', owners(s))}
                          ${input(s, edit, 'summary', 'actionPlanReviewSummary', 'area3')}
                          ${formButtons(s, undefined)}
                        </form>
                      </div>`
                    : html`<span class="block">${r.summary}</span>`
                }
                ${recordButtons(
                  s,
                  { kind: 'review', id: r.id },
                  s.term('actionPlanChangeReview', { date: when }),
                )}
                ${
                  is(s.confirming, r.id)
                    ? confirm(s, s.term('actionPlanDeleteReview', { date: when }), '')
                    : nothing
                }
              </li>`;
            })}
          </ol>`
    }
    <details class="details" ?open=${s.errors(form).length > 0}>
      <summary class="details__summary">
        <span>${s.term('actionPlanReviewAdd', {})}</span>
      </summary>
      <form class="details__text" novalidate @submit=${(e: Event) => s.submitReview(e, form)}>
        ${formErrors(s, form)} ${input(s, form, 'date', 'actionPlanReviewDate', 'date')}
        ${input(s, form, 'reviewer', 'actionPlanReviewer', owners(s))}
        ${input(s, form, 'summary', 'actionPlanReviewSummary', 'area3')}
        <button type="submit" part="button" class="button">
          ${s.term('actionPlanReviewAdd', {})}
        </button>
      </form>
    </details>
  </section>`;
}
