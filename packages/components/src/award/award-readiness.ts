// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AwardRecommendation,
  fromZodError,
  type AwardCriterion,
  type AwardCriterionStatus,
  type AwardLevel,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/form-kit.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { AWARD_NAMES, AWARD_REASONS, awardStrings } from './award.strings.js';
import { styles } from './award-readiness.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...awardStrings });

const LEVEL_KEYS: Readonly<Record<AwardLevel, TranslationKey>> = {
  participation: 'awardLevelParticipation',
  bronze: 'awardLevelBronze',
  silver: 'awardLevelSilver',
  gold: 'awardLevelGold',
};

const STATUS_KEYS: Readonly<Record<AwardCriterionStatus, TranslationKey>> = {
  met: 'awardMet',
  'not-met': 'awardUnmet',
  'needs-judgement': 'awardJudgement',
};

/** Words that reasons take as params, translated before they are filled in. */
const REASON_WORDS: Readonly<Record<string, Readonly<Record<string, TranslationKey>>>> = {
  wave: { baseline: 'awardReasonWaveBaseline', end: 'awardReasonWaveEnd' },
  group: { all: 'awardReasonGroupAll', send: 'awardReasonGroupSend', fsm: 'awardReasonGroupFsm' },
  better: { higher: 'awardReasonHigherBetter', lower: 'awardReasonLowerBetter' },
  pool: { 'pupil-ks1': 'awardReasonPoolKs1', 'pupil-ks2-secondary': 'awardReasonPoolOlder' },
};

const own = <T>(table: Readonly<Record<string, T>> | undefined, k: string): T | undefined =>
  table && Object.hasOwn(table, k) ? table[k] : undefined;

/**
 * Award readiness: the level an `AwardRecommendation` supports (a recommendation for moderation,
 * never a final award), the level it would support if the moderator judges the open criteria met,
 * and every criterion, grouped by level, marked in words — Met, Not met, or Needs the moderator's
 * judgement (never by colour alone) — with its reason. Names come from each criterion's `id` and
 * reasons from its `message` (key and params) through this element's translation table, so a
 * translated page says them in its language. The element computes nothing: pass the
 * recommendation your server (or scoring's `awardInputs` and `recommendAward`) made.
 *
 * @summary The award recommendation for moderation: the level and every criterion, met, not met or for judgement, and why.
 * @tagname at-award-readiness
 *
 * @csspart base - The wrapper.
 * @csspart criterion - One criterion's row.
 * @csspart tag - A Met, Not met or Needs the moderator's judgement tag.
 *
 * @cssproperty --at-award-readiness-max-width - The widest the content grows. Default: 60rem.
 */
export class AtAwardReadiness extends AtElement {
  static override styles = styles;

  /**
   * The recommendation to show (`AwardRecommendation` from `@all-together/model`), checked with
   * that schema where it enters; an invalid one shows a kind message and logs every path.
   */
  @property({ attribute: false }) recommendation: AwardRecommendation | undefined;

  /** The level of the section's heading, 1 to 6 (default 2); the level tables' captions follow. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;

  private shown: AwardRecommendation | undefined;
  private invalid = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('recommendation')) return;
    this.shown = undefined;
    this.invalid = false;
    if (this.recommendation === undefined || this.recommendation === null) return;
    const result = AwardRecommendation.safeParse(this.recommendation);
    if (result.success) this.shown = result.data;
    else {
      this.invalid = true;
      const paths = fromZodError(result.error).map((p) => `  ${p.at}: ${p.message}`);
      console.error(`<at-award-readiness>: recommendation is not valid:\n${paths.join('\n')}`);
    }
  }

  /** A criterion's name in the element's language. */
  private name(c: AwardCriterion): string {
    return this.localize.term(AWARD_NAMES[c.id], {});
  }

  /** A criterion's reason in the element's language, from its message. */
  private reason(c: AwardCriterion): string {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(c.message.params)) {
      const word = typeof value === 'string' ? own(own(REASON_WORDS, name), value) : undefined;
      params[name] = word
        ? this.localize.term(word, {})
        : value === ''
          ? this.localize.term('awardReasonNone', {})
          : (value as string | number);
    }
    return this.localize.term(AWARD_REASONS[c.message.key], params);
  }

  protected override render(): TemplateResult {
    const level = headingLevel(this.headingLevel, 2);
    const award = this.shown;
    return html`<section part="base" class="base" aria-labelledby="award-heading">
      ${heading(
        { level, className: 'heading-m', id: 'award-heading' },
        this.localize.term('awardHeading', {}),
      )}
      ${
        this.invalid
          ? html`<p class="notice" role="alert">${this.localize.term('awardInvalidTitle', {})}</p>`
          : nothing
      }
      <p class="hint">${this.localize.term('awardIntro', {})}</p>
      ${
        award
          ? html`<p id="award-level">
                ${this.localize.term('awardResult', {})}:
                <strong>${this.localize.term(LEVEL_KEYS[award.level], {})}</strong>${
                  award.levelIfJudged !== award.level
                    ? html`,
                      ${this.localize.term('awardIfJudged', {
                        level: this.localize.term(LEVEL_KEYS[award.levelIfJudged], {}),
                        count: award.needsJudgement.length,
                      })}`
                    : nothing
                }.
              </p>
              ${
                award.levelIfJudged === award.level && award.needsJudgement.length > 0
                  ? html`<p id="award-judgement">
                      ${this.localize.term('awardNeedsJudgement', {
                        count: award.needsJudgement.length,
                      })}
                    </p>`
                  : nothing
              }
              ${(['participation', 'bronze', 'silver', 'gold'] as const).map((l) =>
                this.renderCriteria(
                  l,
                  award.criteria.filter((c) => c.level === l),
                ),
              )}`
          : nothing
      }
    </section>`;
  }

  private renderCriteria(level: AwardLevel, criteria: readonly AwardCriterion[]) {
    if (criteria.length === 0) return nothing;
    const title = this.localize.term(
      level === 'participation' ? 'awardLevelEligibility' : LEVEL_KEYS[level],
      {},
    );
    return html`<table class="table criteria" data-level=${level}>
      <caption class="heading-s">
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">${this.localize.term('awardCriterion', {})}</th>
          <th scope="col">${this.localize.term('awardResultColumn', {})}</th>
          <th scope="col">${this.localize.term('awardWhy', {})}</th>
        </tr>
      </thead>
      <tbody>
        ${criteria.map(
          (c) =>
            html`<tr part="criterion" data-criterion=${c.id}>
              <th scope="row">${this.name(c)}</th>
              <td>
                <strong part="tag" class="tag tag--${c.status}"
                  >${this.localize.term(STATUS_KEYS[c.status], {})}</strong
                >
              </td>
              <td>${this.reason(c)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
