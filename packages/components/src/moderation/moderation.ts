// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod';
import {
  ModerationDecision,
  fromZodError,
  type AwardLevel,
  type AwardRecommendation,
  type EvidenceItem,
  type ModerationOutcome,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import {
  errorSummary,
  field,
  heading,
  headingLevel,
  selectControl,
  textControl,
  type FieldProblem,
  type HeadingLevel,
} from '../shared/form-kit.js';
import {
  defineDefaultStrings,
  matchLang,
  type TranslationKey,
  type TranslationParams,
} from '../shared/i18n.js';
import { AtModerationDecisionEvent } from './moderation.events.js';
import { moderationStrings } from './moderation.strings.js';
import { styles } from './moderation.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...moderationStrings });

type PlainKey = {
  [K in TranslationKey]: TranslationParams[K] extends Record<string, never> ? K : never;
}[TranslationKey];

const LEVEL_KEYS: Readonly<Record<AwardLevel, PlainKey>> = {
  participation: 'moderationLevelParticipation',
  bronze: 'moderationLevelBronze',
  silver: 'moderationLevelSilver',
  gold: 'moderationLevelGold',
};
const OUTCOME_KEYS: Readonly<Record<Exclude<ModerationOutcome, 'confirm'>, PlainKey>> = {
  'change-level': 'moderationOutcomeChange',
  participation: 'moderationOutcomeParticipation',
  'more-evidence': 'moderationOutcomeMoreEvidence',
};
const AWARDABLE = ['bronze', 'silver', 'gold'] as const;
const MIN_CHARS = 20;
const MIN_WORDS = 5;

const Decisions = z.array(ModerationDecision);
const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** An audit area, as `<at-evidence>` names it. */
export interface ModerationArea {
  readonly number: number;
  readonly title: string;
}

/**
 * The moderation view an LA, a trust or the programme embeds: the school's award recommendation
 * with every criterion's reason (`<at-award-readiness>`), its evidence portfolio beside it
 * (`<at-evidence>`, read-only, files as downloads), the 360° view and pupil outcomes (the host's
 * `<at-results>` in the `outcomes` slot: published figures only), the decisions so far with their
 * reasons, and — when `can-decide` is set — the decision: confirm, change the level, certificate
 * of participation, or ask for more evidence, always with written reasons, optionally for a second
 * moderator to sign off. The element decides nothing itself: it emits `at-moderation-decision`.
 *
 * @summary A moderation view: the recommendation and its reasons beside the evidence, and the decision with written reasons.
 * @tagname at-moderation
 *
 * @event {CustomEvent<{ outcome: ModerationOutcome; level: 'bronze' | 'silver' | 'gold' | null; reasons: string; secondSignOff: boolean }>} at-moderation-decision - A decision passed the checks: `detail` has the outcome, the level (when changed), the reasons, and whether a second moderator signs off.
 *
 * @slot outcomes - The 360° view and pupil outcomes, for example an `<at-results>` with the school's published results and audit comparison.
 *
 * @csspart base - The wrapper.
 * @csspart decision - One recorded decision.
 * @csspart error-summary - The error summary of the decision form.
 *
 * @cssproperty --at-moderation-max-width - The widest the content grows. Default: 60rem.
 */
export class AtModeration extends AtElement {
  static override styles = styles;

  /** The school's name, for the heading. */
  @property() school = '';

  /** The recommendation (`AwardRecommendation`), shown by `<at-award-readiness>`. */
  @property({ attribute: false }) recommendation: AwardRecommendation | undefined;

  /** The portfolio's items (`EvidenceItem[]`), shown by a read-only `<at-evidence>`. */
  @property({ attribute: false }) evidence: EvidenceItem[] = [];

  /** The audit areas, to name each item's area. */
  @property({ attribute: false }) areas: ModerationArea[] = [];

  /** Where an item's file downloads from, with `{id}` (passed to `<at-evidence>`). */
  @property({ attribute: 'file-href' }) fileHref = '';

  /** The decisions recorded so far (`ModerationDecision[]`), checked where they enter. */
  @property({ attribute: false }) decisions: ModerationDecision[] = [];

  /** Show the decision form (the school is submitted and waiting for a decision). */
  @property({ attribute: 'can-decide', type: Boolean }) canDecide = false;

  /** The level of the view's heading, 1 to 6 (default 2); the sections follow. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  @state() private problems: FieldProblem[] = [];
  @state() private values = { outcome: '', level: '', reasons: '', second: false };
  private shownDecisions: ModerationDecision[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('decisions')) return;
    const r = Decisions.safeParse(this.decisions ?? []);
    this.shownDecisions = r.success ? r.data : [];
    if (!r.success) {
      const paths = fromZodError(r.error).map((p) => `  ${p.at}: ${p.message}`);
      console.error(`<at-moderation>: decisions are not valid:\n${paths.join('\n')}`);
    }
  }

  private t<K extends TranslationKey>(key: K, params: TranslationParams[K]): string {
    return this.localize.term(key, params);
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(matchLang(this.localize.lang), {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(iso));
  }

  private level(l: AwardLevel): string {
    return this.t(LEVEL_KEYS[l], {});
  }

  private outcomeLabel(o: ModerationOutcome): string {
    return o === 'confirm'
      ? this.t('moderationOutcomeConfirm', {
          level: this.recommendation ? this.level(this.recommendation.level) : '',
        })
      : this.t(OUTCOME_KEYS[o], {});
  }

  private submit(event: Event): void {
    event.preventDefault();
    const v = this.values;
    const problems: FieldProblem[] = [];
    const outcome = v.outcome as ModerationOutcome | '';
    if (!outcome)
      problems.push({ field: 'mod-outcome', message: this.t('moderationErrorOutcome', {}) });
    if (outcome === 'change-level' && !v.level)
      problems.push({ field: 'mod-level', message: this.t('moderationErrorLevel', {}) });
    else if (outcome === 'change-level' && v.level === this.recommendation?.level)
      problems.push({ field: 'mod-level', message: this.t('moderationErrorSameLevel', {}) });
    if (v.reasons.trim().length < MIN_CHARS || words(v.reasons) < MIN_WORDS)
      problems.push({
        field: 'mod-reasons',
        message: this.t('moderationErrorReasons', { chars: MIN_CHARS, words: MIN_WORDS }),
      });
    this.problems = problems;
    if (problems.length || !outcome) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('#mod-errors')?.focus(),
      );
      return;
    }
    this.emit(
      new AtModerationDecisionEvent({
        outcome,
        level: outcome === 'change-level' ? (v.level as (typeof AWARDABLE)[number]) : null,
        reasons: v.reasons.trim(),
        secondSignOff: outcome !== 'more-evidence' && v.second,
      }),
    );
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 2);
    const sub = Math.min(6, level + 1) as HeadingLevel;
    return html`<section part="base" class="base" aria-labelledby="mod-heading">
      ${heading(
        { level, className: 'heading-l', id: 'mod-heading' },
        this.t('moderationHeading', { school: this.school }),
      )}
      <at-award-readiness
        .recommendation=${this.recommendation}
        heading-level=${sub}
      ></at-award-readiness>
      <at-evidence
        readonly
        .items=${this.evidence}
        .areas=${this.areas}
        file-href=${this.fileHref}
        heading-level=${sub}
      ></at-evidence>
      <section aria-labelledby="mod-outcomes">
        ${heading(
          { level: sub, className: 'heading-m', id: 'mod-outcomes' },
          this.t('moderationOutcomesHeading', {}),
        )}
        <p class="hint">${this.t('moderationOutcomesHint', {})}</p>
        <slot name="outcomes"></slot>
      </section>
      <section aria-labelledby="mod-decisions">
        ${heading(
          { level: sub, className: 'heading-m', id: 'mod-decisions' },
          this.t('moderationDecisionsHeading', {}),
        )}
        ${
          this.shownDecisions.length
            ? this.shownDecisions.map((d) => this.renderDecision(d))
            : html`<p>${this.t('moderationNoDecisions', {})}</p>`
        }
      </section>
      ${this.canDecide ? this.renderForm(sub) : nothing}
    </section>`;
  }

  private renderDecision(d: ModerationDecision): TemplateResult {
    return html`<div part="decision" class="decision">
      <p>
        <strong
          >${
            d.level
              ? this.t('moderationDecided', {
                  outcome: this.outcomeLabel(d.outcome === 'confirm' ? 'change-level' : d.outcome),
                  level: this.level(d.level),
                })
              : this.outcomeLabel(d.outcome)
          }</strong
        >
        ${this.t('moderationDecidedBy', { who: d.decidedBy, date: this.date(d.decidedAt) })}
      </p>
      <p class="reasons">${d.reasons}</p>
      ${
        d.signOff
          ? html`<p>
              ${
                d.signOff.by && d.signOff.at
                  ? this.t('moderationSignedOff', {
                      who: d.signOff.by,
                      date: this.date(d.signOff.at),
                    })
                  : this.t('moderationSignOffWaiting', {})
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderForm(level: HeadingLevel): TemplateResult {
    const v = this.values;
    const rec = this.recommendation;
    const prefix = this.t('moderationErrorPrefix', {});
    const outcomeError = this.problems.find((p) => p.field === 'mod-outcome')?.message;
    const outcomes: ModerationOutcome[] = [
      'confirm',
      'change-level',
      // When the figures support participation, confirming is that decision.
      ...(rec?.level === 'participation' ? [] : (['participation'] as const)),
      'more-evidence',
    ];
    const set = (patch: Partial<typeof v>) => {
      this.values = { ...this.values, ...patch };
    };
    return html`<section aria-labelledby="mod-decide">
      ${heading(
        { level, className: 'heading-m', id: 'mod-decide' },
        this.t('moderationDecideHeading', {}),
      )}
      ${
        rec
          ? html`<p class="hint">
              ${
                rec.levelIfJudged !== rec.level
                  ? this.t('moderationSupportsIfJudged', {
                      level: this.level(rec.level),
                      judged: this.level(rec.levelIfJudged),
                    })
                  : this.t('moderationSupports', { level: this.level(rec.level) })
              }
            </p>`
          : nothing
      }
      <form novalidate @submit=${this.submit}>
        ${errorSummary({
          id: 'mod-errors',
          title: this.t('moderationErrorTitle', {}),
          level: Math.min(6, level + 1) as HeadingLevel,
          problems: this.problems,
          root: this.renderRoot,
        })}
        <fieldset class="fieldset field ${outcomeError ? 'field--error' : ''}">
          <legend class="legend">${this.t('moderationOutcomeLegend', {})}</legend>
          ${
            outcomeError
              ? html`<p class="error-message" id="mod-outcome-error">
                  <span class="visually-hidden">${prefix}</span> ${outcomeError}
                </p>`
              : nothing
          }
          ${outcomes.map(
            (o, i) =>
              html`<div class="radio">
                <input
                  type="radio"
                  name="outcome"
                  id=${i === 0 ? 'mod-outcome' : `mod-outcome-${o}`}
                  value=${o}
                  .checked=${v.outcome === o}
                  aria-describedby=${outcomeError ? 'mod-outcome-error' : nothing}
                  @change=${() => set({ outcome: o })}
                />
                <label for=${i === 0 ? 'mod-outcome' : `mod-outcome-${o}`}
                  >${this.outcomeLabel(o)}</label
                >
              </div>`,
          )}
        </fieldset>
        ${field(
          {
            id: 'mod-level',
            label: this.t('moderationLevel', {}),
            hint: this.t('moderationLevelHint', {}),
            error: this.problems.find((p) => p.field === 'mod-level')?.message,
            errorPrefix: prefix,
          },
          (p) =>
            selectControl(
              p,
              v.level,
              AWARDABLE.map((l): [string, string] => [l, this.level(l)]),
              (level) => set({ level }),
              this.t('moderationChoose', {}),
            ),
        )}
        ${field(
          {
            id: 'mod-reasons',
            label: this.t('moderationReasons', {}),
            hint: this.t('moderationReasonsHint', {}),
            error: this.problems.find((p) => p.field === 'mod-reasons')?.message,
            errorPrefix: prefix,
          },
          (p) => textControl(p, v.reasons, (reasons) => set({ reasons }), 5),
        )}
        <div class="radio">
          <input
            id="mod-second"
            type="checkbox"
            .checked=${v.second}
            @change=${(e: Event) => set({ second: (e.target as HTMLInputElement).checked })}
          />
          <label for="mod-second">${this.t('moderationSecond', {})}</label>
        </div>
        <button type="submit" class="button">${this.t('moderationRecord', {})}</button>
      </form>
    </section>`;
  }
}
