// First: zod must be jitless before the model's schemas are built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  AwardRecommendation,
  fromZodError,
  type AwardCriterion,
  type AwardLevel,
} from '@all-together/model';
import { AtElement } from '../shared/at-element.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/form-kit.js';
import { defineDefaultStrings, type TranslationKey } from '../shared/i18n.js';
import { awardStrings, type AwardReasonKey } from './award.strings.js';
import { styles } from './award-readiness.styles.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...awardStrings });

const LEVEL_KEYS: Readonly<Record<AwardLevel, TranslationKey>> = {
  participation: 'awardLevelParticipation',
  bronze: 'awardLevelBronze',
  silver: 'awardLevelSilver',
  gold: 'awardLevelGold',
};

type Params = Readonly<Record<string, string | number>>;

/**
 * A criterion's name from its message: the family of its key (`auditDone` → `audit`) and, where
 * the family covers several criteria, its `wave` or `group` param. Never from the criterion's id.
 */
const FAMILIES: readonly (readonly [string, (p: Params) => TranslationKey])[] = [
  [
    'audit',
    (p) => (p['wave'] === 'end' ? 'awardCriterionEndAudit' : 'awardCriterionBaselineAudit'),
  ],
  [
    'questionnaire',
    (p) =>
      p['wave'] === 'end'
        ? 'awardCriterionEndQuestionnaire'
        : 'awardCriterionBaselineQuestionnaire',
  ],
  ['plan', () => 'awardCriterionActionPlan'],
  ['evidence', () => 'awardCriterionEvidence'],
  ['overall', () => 'awardCriterionMinOverall'],
  ['area', () => 'awardCriterionAreas'],
  ['gain', () => 'awardCriterionMinGain'],
  ['actionsDone', () => 'awardCriterionActionsDone'],
  [
    'outcome',
    (p) =>
      p['group'] === 'send'
        ? 'awardCriterionOutcomesSend'
        : p['group'] === 'fsm'
          ? 'awardCriterionOutcomesFsm'
          : 'awardCriterionOutcomesAll',
  ],
  ['wellbeing', () => 'awardCriterionWellbeing'],
];

/** The family a message key belongs to: the known prefix followed by a capital or the end. */
const familyOf = (key: string) =>
  FAMILIES.find(([f]) => key === f || (key.startsWith(f) && /^[A-Z]/.test(key.slice(f.length))));

/** Words that reasons take as params, translated before they are filled in. */
const REASON_WORDS: Readonly<Record<string, Readonly<Record<string, TranslationKey>>>> = {
  wave: { baseline: 'awardReasonWaveBaseline', end: 'awardReasonWaveEnd' },
  group: { all: 'awardReasonGroupAll', send: 'awardReasonGroupSend', fsm: 'awardReasonGroupFsm' },
  better: { higher: 'awardReasonHigherBetter', lower: 'awardReasonLowerBetter' },
};

const own = <T>(table: Readonly<Record<string, T>> | undefined, k: string): T | undefined =>
  table && Object.hasOwn(table, k) ? table[k] : undefined;

/**
 * Award readiness: the level an `AwardRecommendation` supports (a recommendation for moderation,
 * never a final award) and every criterion, grouped by level, marked Met or Not met in words, with
 * its reason. Names and reasons are rendered from each criterion's `message` (key and params)
 * through this element's translation table, so a translated page says them in its language; a
 * criterion without a message, or with a key this version does not know, shows its English
 * `reason`. The element computes nothing: pass the recommendation your server (or scoring's
 * `recommendAward`) made.
 *
 * @summary The award recommendation for moderation: the level and every criterion, met or not, and why.
 * @tagname at-award-readiness
 *
 * @csspart base - The wrapper.
 * @csspart criterion - One criterion's row.
 * @csspart tag - A Met or Not met tag.
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
    const family = c.message ? familyOf(c.message.key) : undefined;
    const key = family ? family[1](c.message!.params) : 'awardCriterionOther';
    return this.localize.term(key, {});
  }

  /** A criterion's reason in the element's language, from its message; else its English reason. */
  private reason(c: AwardCriterion): string {
    const camel = c.message
      ? `awardReason${c.message.key[0]!.toUpperCase()}${c.message.key.slice(1)}`
      : '';
    const key = camel && camel in awardStrings ? (camel as AwardReasonKey) : undefined;
    if (!c.message || !key) return c.reason;
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(c.message.params)) {
      const word = typeof value === 'string' ? own(own(REASON_WORDS, name), value) : undefined;
      params[name] = word ? this.localize.term(word, {}) : value;
    }
    return this.localize.term(key, params);
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
                <strong>${this.localize.term(LEVEL_KEYS[award.level], {})}</strong>
              </p>
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
                <strong part="tag" class="tag ${c.met ? 'tag--met' : 'tag--unmet'}"
                  >${this.localize.term(c.met ? 'awardMet' : 'awardUnmet', {})}</strong
                >
              </td>
              <td>${this.reason(c)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
