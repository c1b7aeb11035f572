/**
 * The pages of `<at-audit>` as Lit templates: the task-list overview, one statement (rating,
 * baseline, what other groups say, guidance, evidence) and the summary with scores and change.
 * Pure functions of an {@link AuditScreen}; every figure comes from `@all-together/scoring`.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  type Audience,
  type AuditDefinition,
  type AuditResponse,
  type AuditStatement,
  type LocalisedText,
  type Rating,
  type RatingLevel,
} from '@all-together/model';
import {
  type PublishedGap,
  type AuditScores,
  type PublishedPerception,
} from '@all-together/scoring';
import { errorSummary, type FieldProblem } from '../shared/form-kit.js';
import type { TranslationKey, TranslationParams } from '../shared/i18n.js';

/** Which page the audit shows. */
export type View =
  | { readonly page: 'overview' }
  | { readonly page: 'statement'; readonly id: string }
  | { readonly page: 'summary' };

/** What is typed into the evidence fields and not yet added, per statement. */
export type Pending = Record<string, { note: string; url: string; kind?: string }>;

/** A field-level error on the statement or summary page. */
export interface FieldError extends FieldProblem {
  readonly field: 'evidence-kind' | 'evidence-note' | 'evidence-url' | 'complete';
}

/** What the pages show and the actions they offer. */
export interface AuditScreen {
  readonly definition: AuditDefinition;
  readonly draft: AuditResponse;
  readonly baseline: AuditResponse | undefined;
  readonly perception: PublishedPerception | undefined;
  /** Words an evidence description needs for the award. */
  readonly evidenceWords: number;
  /** People a perception group needs before its answers are shown. */
  readonly minPeople: number;
  readonly wave: 'baseline' | 'end';
  readonly pending: Pending;
  readonly errors: readonly FieldError[];
  readonly lang: string;
  readonly root: ParentNode;
  term<K extends TranslationKey>(key: K, params: TranslationParams[K]): string;
  text(text: LocalisedText): string;
  statement(id: string): { statement: AuditStatement; area: number } | undefined;
  go(view: View): void;
  rate(id: string, rating: Rating): void;
  typed(id: string, field: 'note' | 'url' | 'kind', value: string): void;
  addEvidence(event: Event, id: string): void;
  removeEvidence(id: string, index: number): void;
  complete(): void;
  toFirstUnrated(): void;
}

export const LEVELS: readonly RatingLevel[] = ['fully-met', 'partially-met', 'not-yet-met'];

export const LEVEL_KEYS: Readonly<Record<Rating, TranslationKey>> = {
  'fully-met': 'auditLevelFullyMet',
  'partially-met': 'auditLevelPartiallyMet',
  'not-yet-met': 'auditLevelNotYetMet',
  'dont-know': 'auditLevelDontKnow',
};

export const STAKEHOLDER_KEYS: Readonly<Record<Audience, TranslationKey>> = {
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
export const floor1 = (x: number) => Math.floor(x * 10) / 10;

export function renderErrors(s: AuditScreen): TemplateResult | typeof nothing {
  return errorSummary({
    id: 'error-summary',
    title: s.term('auditErrorSummaryTitle', {}),
    level: 2,
    problems: s.errors,
    root: s.root,
    // "Rate every statement" links to the first statement without a rating, on its own page.
    onLink: (field) => (field === 'complete' ? (s.toFirstUnrated(), true) : false),
  });
}

export function errorFor(s: AuditScreen, field: FieldError['field']): FieldError | undefined {
  return s.errors.find((e) => e.field === field);
}

export function renderOverview(s: AuditScreen, scores: AuditScores, gaps: readonly PublishedGap[]) {
  const definition = s.definition;
  const completed = scores.areas.filter((a) => a.unrated === 0).length;
  const gapCount = gaps.filter((g) => g.gap).length;
  return html`<div class="overview">
    <h2 id="page-heading" class="heading-l" tabindex="-1">${s.text(definition.title)}</h2>
    ${definition.intro ? html`<p>${s.text(definition.intro)}</p>` : nothing}
    <p>
      ${s.term('auditAreasCompleted', {
        count: completed,
        total: scores.areas.length,
      })}
    </p>
    ${
      gapCount > 0
        ? html`<p class="flag">${s.term('auditPerceptionGapCount', { count: gapCount })}</p>`
        : nothing
    }
    <ul part="task-list" class="task-list" aria-label=${s.term('auditAreasLabel', {})}>
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
        const first = area.statements.find((st) => !s.draft.ratings[st.id]) ?? area.statements[0]!;
        return html`<li part="task" class="task">
          <div class="task__name">
            <button
              type="button"
              class="link"
              aria-describedby="area-${area.number}-hint area-${area.number}-status"
              @click=${() => s.go({ page: 'statement', id: first.id })}
            >
              ${s.term('auditAreaName', {
                number: area.number,
                title: s.text(area.title),
              })}
            </button>
            <div class="hint" id="area-${area.number}-hint">
              ${s.term('auditAreaProgress', { rated, total })}
            </div>
          </div>
          <div class="task__status" id="area-${area.number}-status">
            <strong part="tag" class="tag tag--${status}">${s.term(status, {})}</strong>
          </div>
        </li>`;
      })}
    </ul>
    <p>
      <button type="button" part="button" class="button" @click=${() => s.go({ page: 'summary' })}>
        ${s.term('auditCheckLink', {})}
      </button>
    </p>
  </div>`;
}
