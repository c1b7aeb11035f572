/**
 * The tracker's words: counts, rates, activity and dates as a person reads them, and the CSV of
 * the rows shown, in the element's language. No DOM and no state of the element's own, so the
 * wording is one place shared by the table and the CSV.
 */
import {
  stageNumber,
  type AwardLevel,
  type ProgrammeStage,
  type ProgrammeTracker,
  type ResponseRate,
  type SchoolPhase,
  type TrackerResponses,
} from '@all-together/model';
import { csvCell } from '../shared/csv.js';
import { matchLang, type TranslationKey, type TranslationParams } from '../shared/i18n.js';
import type { FlagFilter, TrackerRow } from './programme-tracker.rows.js';

/** Looks a string up in the element's language. */
export type Translate = <K extends TranslationKey>(key: K, params: TranslationParams[K]) => string;

export const STAGE_KEYS: { readonly [K in ProgrammeStage]: TranslationKey } = {
  enrolled: 'trackerStageEnrolled',
  'baseline-audit': 'trackerStageBaselineAudit',
  'time-1-survey': 'trackerStageTime1Survey',
  'action-plan': 'trackerStageActionPlan',
  'termly-reviews': 'trackerStageTermlyReviews',
  'time-2-survey': 'trackerStageTime2Survey',
  'end-audit': 'trackerStageEndAudit',
  award: 'trackerStageAward',
};
export const PHASE_KEYS: { readonly [K in SchoolPhase]: TranslationKey } = {
  primary: 'trackerPhasePrimary',
  secondary: 'trackerPhaseSecondary',
  special: 'trackerPhaseSpecial',
  'alternative-provision': 'trackerPhaseAlternativeProvision',
  'all-through': 'trackerPhaseAllThrough',
};
export const AWARD_KEYS: { readonly [K in AwardLevel]: TranslationKey } = {
  participation: 'trackerAwardParticipation',
  bronze: 'trackerAwardBronze',
  silver: 'trackerAwardSilver',
  gold: 'trackerAwardGold',
};
export const FLAG_KEYS: { readonly [K in FlagFilter]: TranslationKey } = {
  all: 'trackerFlagAll',
  stalled: 'trackerFlagStalled',
  overdue: 'trackerFlagOverdue',
  either: 'trackerFlagEither',
};
/** Words for one tracker in one language. */
export class TrackerWords {
  /**
   * @param t - The element's lookup.
   * @param lang - The strings' language, for dates (a page in `en` reads en-GB words and dates).
   * @param tracker - The programme year shown, for the local authorities' names.
   */
  constructor(
    private readonly t: Translate,
    private readonly lang: string,
    private readonly tracker: ProgrammeTracker | undefined,
  ) {}

  /** A day as the language writes it, in UTC (dates are days, not instants). */
  date(iso: string): string {
    return new Intl.DateTimeFormat(matchLang(this.lang), {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  /** A term id (`2026-27-autumn`) in words: "Autumn term 2026". */
  termName(term: string): string {
    const start = Number(term.slice(0, 4));
    const which = term.slice(8);
    if (which === 'autumn') return this.t('trackerTermAutumn', { year: String(start) });
    if (which === 'spring') return this.t('trackerTermSpring', { year: String(start + 1) });
    return this.t('trackerTermSummer', { year: String(start + 1) });
  }

  /** A school's termly incident return in words, or '' where returns are not collected. */
  returnText(r: { term: string; submittedOn: string | null } | null | undefined): string {
    if (!r) return '';
    const term = this.termName(r.term);
    return r.submittedOn
      ? this.t('trackerReturnSubmitted', { term, date: this.date(r.submittedOn) })
      : this.t('trackerReturnNotYet', { term });
  }

  /** A local authority's name, or its code in words when the data does not name it. */
  laName(code: string): string {
    const found = this.tracker?.localAuthorities.find((la) => la.code === code);
    return found ? found.name : this.t('trackerLaCode', { code });
  }

  countText(r: TrackerResponses | null): string {
    if (r === null) return this.t('trackerNoSurvey', {});
    switch (r.kind) {
      case 'exact':
        return this.t('trackerCountExact', { count: r.value });
      case 'rounded':
        return this.t('trackerCountRounded', { count: r.value });
      case 'at-least':
        return this.t('trackerCountAtLeast', { count: r.value });
      case 'fewer-than':
        return this.t('trackerCountFewer', { count: r.value });
    }
  }

  rateText(r: ResponseRate): string {
    if (r.percent === null)
      return r.reason === 'fewer-than'
        ? this.t('trackerRateFewer', {})
        : r.reason === 'no-roll'
          ? this.t('trackerRateNoRoll', {})
          : '';
    if (r.kind === 'at-least') return this.t('trackerRateAtLeast', { percent: r.percent });
    if (r.kind === 'about') return this.t('trackerRateAbout', { percent: r.percent });
    return this.t('trackerRateExact', { percent: r.percent });
  }

  activityText(row: TrackerRow): string {
    const { lastActivityOn, stages } = row.school;
    const days = row.flags.daysSinceActivity;
    if (lastActivityOn !== null) {
      const date = this.date(lastActivityOn);
      const count = days ?? 0;
      if (count === 0) return this.t('trackerActivityToday', { date });
      return count < 7
        ? this.t('trackerActivityDaysAgo', { date, count })
        : this.t('trackerActivityAgo', { date, count: Math.floor(count / 7) });
    }
    const enrolled = stages.enrolled?.completedOn ?? null;
    return enrolled
      ? this.t('trackerNoActivity', { date: this.date(enrolled) })
      : this.t('trackerNoActivityDate', {});
  }

  /** The CSV of the given rows: the header row, then one line per row (CRLF, RFC 4180). */
  csvOf(rows: readonly TrackerRow[]): string {
    const yesNo = (b: boolean) => this.t(b ? 'trackerYes' : 'trackerNo', {});
    const header: TranslationKey[] = [
      'trackerCsvUrn',
      'trackerCsvSchool',
      'trackerCsvPhase',
      'trackerCsvLa',
      'trackerCsvTrust',
      'trackerCsvRoll',
      'trackerCsvStage',
      'trackerCsvStageNumber',
      'trackerCsvDue',
      'trackerCsvActivity',
      'trackerCsvBaseline',
      'trackerCsvBaselineRate',
      'trackerCsvEnd',
      'trackerCsvEndRate',
      'trackerCsvOverdue',
      'trackerCsvStalled',
      'trackerCsvAward',
      'trackerCsvReturnTerm',
      'trackerCsvReturnSubmitted',
    ];
    const lines = [header.map((k) => this.t(k, {}))];
    for (const { school: s, flags } of rows) {
      lines.push([
        s.urn,
        s.name,
        this.t(PHASE_KEYS[s.phase], {}),
        this.laName(s.localAuthority),
        s.trust ?? '',
        s.numberOnRoll === null ? '' : String(s.numberOnRoll),
        this.t(STAGE_KEYS[s.stage], {}),
        String(stageNumber(s.stage)),
        s.stages[s.stage]?.dueOn ?? '',
        s.lastActivityOn ?? '',
        this.countText(s.responses.baseline),
        this.rateText(flags.responseRate.baseline),
        this.countText(s.responses.end),
        this.rateText(flags.responseRate.end),
        yesNo(flags.overdue),
        yesNo(flags.stalled),
        s.award === null ? '' : this.t(AWARD_KEYS[s.award], {}),
        s.incidentReturn ? this.termName(s.incidentReturn.term) : '',
        s.incidentReturn?.submittedOn ?? '',
      ]);
    }
    return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}
