/**
 * UI strings of `<at-results>`: the keys, their parameters, and the British English text.
 * `shared/i18n.ts` merges every element's strings into one typed table. Prefix keys with
 * `results` so they cannot clash with another element's.
 *
 * Sentences that state a figure take it as a placeholder, so a translation can reorder them; counts
 * go through plural messages.
 *
 * @module
 */
import type { PluralMessage } from '../shared/i18n.js';

type None = Record<string, never>;

/** The UI strings of `<at-results>`. */
export interface ResultsStrings {
  /** Heading of each view. */
  readonly resultsViewHeadline: string;
  readonly resultsViewBreakdown: string;
  readonly resultsViewChange: string;
  readonly resultsViewTypes: string;
  readonly resultsViewFeelings: string;
  readonly resultsViewAudit: string;
  readonly resultsViewCpd: string;
  /** Who the figures are for: `{scope}` is one of the scope names below. */
  readonly resultsScopeLine: string;
  readonly resultsScopeSchool: string;
  readonly resultsScopeTrust: string;
  readonly resultsScopeLa: string;
  /** A view without the data it needs. */
  readonly resultsEmptySummary: string;
  readonly resultsEmptyChange: string;
  readonly resultsEmptyComparison: string;
  readonly resultsEmptyTypes: string;
  readonly resultsEmptyFeelings: string;
  readonly resultsEmptyAudit: string;
  readonly resultsEmptyCpd: string;
  readonly resultsEmptyScope: string;
  /** Invalid input, shown kindly; the exact problem goes to the console. */
  readonly resultsInvalid: string;
  /** Indicator names (chart titles, cards). */
  /** Indicator phrases for sentences: "… said they {phrase}". */
  /** Card details. */
  readonly resultsCardBase: PluralMessage;
  readonly resultsCardAtStart: string;
  /** The breakdown switch. */
  readonly resultsBreakdownLegend: string;
  /** A chart's title with its breakdown: "Frequently bullied, by SEND". */
  readonly resultsTitleBySex: string;
  readonly resultsTitleBySen: string;
  readonly resultsTitleByFsm: string;
  readonly resultsTitleByYearGroup: string;
  readonly resultsDimensionAll: string;
  readonly resultsDimensionSex: string;
  readonly resultsDimensionSen: string;
  readonly resultsDimensionFsm: string;
  readonly resultsDimensionYearGroup: string;
  /** Group names for tables and axes. */
  readonly resultsGroupAll: string;
  readonly resultsGroupFemale: string;
  readonly resultsGroupMale: string;
  readonly resultsGroupUnknown: string;
  readonly resultsGroupPreferNotToSay: string;
  readonly resultsGroupSenE: string;
  readonly resultsGroupSenK: string;
  readonly resultsGroupSenN: string;
  readonly resultsGroupAnySen: string;
  readonly resultsGroupFsmYes: string;
  readonly resultsGroupFsmNo: string;
  readonly resultsGroupReception: string;
  readonly resultsGroupYear: string;
  /** Group phrases for sentences ("Fewer {group} said …"). */
  readonly resultsPeopleAll: string;
  readonly resultsPeopleFemale: string;
  readonly resultsPeopleMale: string;
  readonly resultsPeopleUnknown: string;
  readonly resultsPeoplePreferNotToSay: string;
  readonly resultsPeopleSenE: string;
  readonly resultsPeopleSenK: string;
  readonly resultsPeopleSenN: string;
  readonly resultsPeopleAnySen: string;
  readonly resultsPeopleFsmYes: string;
  readonly resultsPeopleFsmNo: string;
  readonly resultsPeopleReception: string;
  readonly resultsPeopleYear: string;
  /** Series and axes. */
  readonly resultsSeriesStart: string;
  readonly resultsSeriesEnd: string;
  readonly resultsSeriesSchool: string;
  readonly resultsSeriesTrust: string;
  readonly resultsSeriesPercent: string;
  readonly resultsAxisPercent: string;
  readonly resultsAxisAuditPercent: string;
  readonly resultsPercent: string;
  readonly resultsPoints: PluralMessage;
  readonly resultsColDifference: string;
  readonly resultsAxisStaffPercent: string;
  readonly resultsNotCompared: string;
  readonly resultsInterval: string;
  readonly resultsAuditArea: string;
  readonly resultsAuditOverall: string;
  /** Table headings. */
  readonly resultsColGroup: string;
  readonly resultsColPupils: string;
  readonly resultsColCount: string;
  readonly resultsColPercent: string;
  readonly resultsColInterval: string;
  readonly resultsColChange: string;
  readonly resultsColSignificance: string;
  readonly resultsColMissing: string;
  readonly resultsColItem: string;
  readonly resultsColMean: string;
  readonly resultsColArea: string;
  readonly resultsColIndicator: string;
  /** Significance and comparison words (always words or symbols, never colour alone). */
  readonly resultsImproved: string;
  readonly resultsWorse: string;
  readonly resultsNoChange: string;
  readonly resultsRagGreen: string;
  readonly resultsRagAmber: string;
  readonly resultsRagRed: string;
  readonly resultsRagNone: string;
  /** The data table toggle and CSV. */
  readonly resultsShowTable: string;
  readonly resultsHideTable: string;
  readonly resultsDownloadCsv: string;
  readonly resultsCsvFileName: string;
  /** Notes about hidden figures; `{k}` and `{minBase}` are the disclosure thresholds. */
  readonly resultsNotesHeading: string;
  readonly resultsNoteTotal: PluralMessage;
  readonly resultsNoteBase: PluralMessage;
  readonly resultsNoteComplementary: string;
  readonly resultsNoteSmallBase: PluralMessage;
  readonly resultsNoteRoundsToZero: string;
  readonly resultsNoteNoPupils: string;
  readonly resultsNoteNotBothWaves: string;
  readonly resultsNoteRounded: string;
  /** The same notes for figures that count adults (training delegates), never "pupils". */
  readonly resultsNoteTotalPeople: PluralMessage;
  readonly resultsNoteBasePeople: PluralMessage;
  readonly resultsNoteSmallBasePeople: PluralMessage;
  readonly resultsNoteNoPeople: string;
  readonly resultsNoteRoundedPeople: string;
  readonly resultsNoteNoScore: string;
  /** Interpretation sentences. */
  /** One-sentence chart summaries. */
  readonly resultsSummaryRange: string;
  readonly resultsSummaryOne: string;
  readonly resultsSummaryNone: string;
  readonly resultsSummaryChange: PluralMessage;
  readonly resultsSummaryAudit: string;
  readonly resultsSummaryCpd: PluralMessage;
  readonly resultsAuditStatements: PluralMessage;
  readonly resultsHiddenLabel: string;
  /** A hidden figure in a table cell with the number of its note. `{symbol}`, `{note}`. */
  readonly resultsHiddenRef: string;
  /** A note with its number. `{note}`, `{text}`. */
  readonly resultsNoteNumbered: string;
  /** Column and axis: percentages of the pupils who were asked (types of bullying). */
  /** The types view: whom its percentages are of. */
  readonly resultsTypesOfWhom: string;
  /** Comparison: the view's title and column. `{comparator}` is "the rest of the trust" or similar. */
  readonly resultsViewComparison: string;
  readonly resultsColComparison: string;
  readonly resultsSummaryCompare: PluralMessage;
  /** Who the comparison is with when the host does not say. */
  readonly resultsComparatorDefault: string;
  /** Of whom each percentage is, from the indicator's declared population. */
  readonly resultsOfWhomAll: string;
  readonly resultsOfWhomBullied: string;
  readonly resultsOfWhomBulliedTold: string;
  readonly resultsCardBaseBullied: PluralMessage;
  readonly resultsCardBaseBulliedTold: PluralMessage;
  readonly resultsHigherIsBetter: string;
  readonly resultsLowerIsBetter: string;
  /** A significant change of an indicator that is neither better nor worse. */
  readonly resultsHigher: string;
  readonly resultsLower: string;
  readonly resultsCompareHigher: string;
  readonly resultsCompareLower: string;
  /** Verdicts inside sentences. */
  readonly resultsVerdictImproved: string;
  readonly resultsVerdictWorse: string;
  readonly resultsVerdictHigher: string;
  readonly resultsVerdictLower: string;
  readonly resultsVerdictNone: string;
  readonly resultsVerdictBetter: string;
  readonly resultsVerdictSimilar: string;
  /** Interpretation sentences. */
  readonly resultsLineHeadline: string;
  readonly resultsLineChange: string;
  readonly resultsLineCompare: string;
  /** A focus group's hidden figure, in words nobody can read as "none". */
  readonly resultsFocusHidden: string;
  readonly resultsFocusComparator: string;
  readonly resultsFocusAsk: string;
  readonly resultsNoteNoComparator: PluralMessage;
  readonly resultsEmptyIndicator: string;
  readonly resultsTitleByEal: string;
  readonly resultsDimensionEal: string;
  readonly resultsGroupEalYes: string;
  readonly resultsGroupEalNo: string;
  readonly resultsPeopleEalYes: string;
  readonly resultsPeopleEalNo: string;
  /** Breakdowns by what a school's records say (linked mode): looked-after, young carer, ethnic group. */
  readonly resultsTitleByLookedAfter: string;
  readonly resultsTitleByYoungCarer: string;
  readonly resultsTitleByEthnicity: string;
  readonly resultsDimensionLookedAfter: string;
  readonly resultsDimensionYoungCarer: string;
  readonly resultsDimensionEthnicity: string;
  readonly resultsGroupLookedAfterYes: string;
  readonly resultsGroupLookedAfterNo: string;
  readonly resultsGroupYoungCarerYes: string;
  readonly resultsGroupYoungCarerNo: string;
  readonly resultsGroupEthnicityAsian: string;
  readonly resultsGroupEthnicityBlack: string;
  readonly resultsGroupEthnicityMixed: string;
  readonly resultsGroupEthnicityWhite: string;
  readonly resultsGroupEthnicityOther: string;
  readonly resultsPeopleLookedAfterYes: string;
  readonly resultsPeopleLookedAfterNo: string;
  readonly resultsPeopleYoungCarerYes: string;
  readonly resultsPeopleYoungCarerNo: string;
  readonly resultsPeopleEthnicityAsian: string;
  readonly resultsPeopleEthnicityBlack: string;
  readonly resultsPeopleEthnicityMixed: string;
  readonly resultsPeopleEthnicityWhite: string;
  readonly resultsPeopleEthnicityOther: string;
  /** The pool switch: results of year groups asked different questions, never added together. */
  readonly resultsPoolLegend: string;
  readonly resultsPoolKs1: string;
  readonly resultsPoolOlder: string;
  readonly resultsPoolYears: string;
  readonly resultsPoolLine: string;
}

/** The parameters each `<at-results>` string takes. */
export interface ResultsStringParams {
  readonly resultsViewHeadline: None;
  readonly resultsViewBreakdown: None;
  readonly resultsViewChange: None;
  readonly resultsViewTypes: None;
  readonly resultsViewFeelings: None;
  readonly resultsViewAudit: None;
  readonly resultsViewCpd: None;
  readonly resultsScopeLine: { readonly scope: string };
  readonly resultsScopeSchool: None;
  readonly resultsScopeTrust: None;
  readonly resultsScopeLa: None;
  readonly resultsEmptySummary: None;
  readonly resultsEmptyChange: None;
  readonly resultsEmptyComparison: None;
  readonly resultsEmptyTypes: None;
  readonly resultsEmptyFeelings: None;
  readonly resultsEmptyAudit: None;
  readonly resultsEmptyCpd: None;
  readonly resultsEmptyScope: None;
  readonly resultsInvalid: None;
  readonly resultsCardBase: { readonly count: number };
  readonly resultsCardAtStart: { readonly percent: string };
  readonly resultsBreakdownLegend: None;
  readonly resultsTitleBySex: { readonly title: string };
  readonly resultsTitleBySen: { readonly title: string };
  readonly resultsTitleByFsm: { readonly title: string };
  readonly resultsTitleByYearGroup: { readonly title: string };
  readonly resultsDimensionAll: None;
  readonly resultsDimensionSex: None;
  readonly resultsDimensionSen: None;
  readonly resultsDimensionFsm: None;
  readonly resultsDimensionYearGroup: None;
  readonly resultsGroupAll: None;
  readonly resultsGroupFemale: None;
  readonly resultsGroupMale: None;
  readonly resultsGroupUnknown: None;
  readonly resultsGroupPreferNotToSay: None;
  readonly resultsGroupSenE: None;
  readonly resultsGroupSenK: None;
  readonly resultsGroupSenN: None;
  readonly resultsGroupAnySen: None;
  readonly resultsGroupFsmYes: None;
  readonly resultsGroupFsmNo: None;
  readonly resultsGroupReception: None;
  readonly resultsGroupYear: { readonly year: string };
  readonly resultsPeopleAll: None;
  readonly resultsPeopleFemale: None;
  readonly resultsPeopleMale: None;
  readonly resultsPeopleUnknown: None;
  readonly resultsPeoplePreferNotToSay: None;
  readonly resultsPeopleSenE: None;
  readonly resultsPeopleSenK: None;
  readonly resultsPeopleSenN: None;
  readonly resultsPeopleAnySen: None;
  readonly resultsPeopleFsmYes: None;
  readonly resultsPeopleFsmNo: None;
  readonly resultsPeopleReception: None;
  readonly resultsPeopleYear: { readonly year: string };
  readonly resultsSeriesStart: None;
  readonly resultsSeriesEnd: None;
  readonly resultsSeriesSchool: None;
  readonly resultsSeriesTrust: None;
  readonly resultsSeriesPercent: None;
  readonly resultsAxisPercent: None;
  readonly resultsAxisAuditPercent: None;
  readonly resultsPercent: { readonly value: number };
  readonly resultsPoints: { readonly sign: string; readonly count: number };
  readonly resultsColDifference: None;
  readonly resultsAxisStaffPercent: None;
  readonly resultsNotCompared: { readonly symbol: string };
  readonly resultsInterval: { readonly lower: number; readonly upper: number };
  readonly resultsAuditArea: { readonly area: number; readonly title: string };
  readonly resultsAuditOverall: None;
  readonly resultsColGroup: None;
  readonly resultsColPupils: None;
  readonly resultsColCount: None;
  readonly resultsColPercent: None;
  readonly resultsColInterval: None;
  readonly resultsColChange: None;
  readonly resultsColSignificance: None;
  readonly resultsColMissing: None;
  readonly resultsColItem: None;
  readonly resultsColMean: None;
  readonly resultsColArea: None;
  readonly resultsColIndicator: None;
  readonly resultsImproved: None;
  readonly resultsWorse: None;
  readonly resultsNoChange: None;
  readonly resultsRagGreen: None;
  readonly resultsRagAmber: None;
  readonly resultsRagRed: None;
  readonly resultsRagNone: None;
  readonly resultsShowTable: { readonly title: string };
  readonly resultsHideTable: { readonly title: string };
  readonly resultsDownloadCsv: None;
  readonly resultsCsvFileName: { readonly view: string };
  readonly resultsNotesHeading: None;
  readonly resultsNoteTotal: { readonly symbol: string; readonly count: number };
  readonly resultsNoteBase: { readonly symbol: string; readonly count: number };
  readonly resultsNoteComplementary: { readonly symbol: string };
  readonly resultsNoteSmallBase: { readonly symbol: string; readonly count: number };
  readonly resultsNoteRoundsToZero: {
    readonly symbol: string;
    readonly half: number;
    readonly roundTo: number;
  };
  readonly resultsNoteNoPupils: { readonly symbol: string };
  readonly resultsNoteNotBothWaves: { readonly symbol: string };
  readonly resultsNoteRounded: { readonly roundTo: number };
  readonly resultsNoteTotalPeople: { readonly symbol: string; readonly count: number };
  readonly resultsNoteBasePeople: { readonly symbol: string; readonly count: number };
  readonly resultsNoteSmallBasePeople: { readonly symbol: string; readonly count: number };
  readonly resultsNoteNoPeople: { readonly symbol: string };
  readonly resultsNoteRoundedPeople: { readonly roundTo: number };
  readonly resultsNoteNoScore: { readonly symbol: string };
  readonly resultsSummaryRange: {
    readonly title: string;
    readonly high: string;
    readonly highValue: number;
    readonly low: string;
    readonly lowValue: number;
  };
  readonly resultsSummaryOne: {
    readonly title: string;
    readonly group: string;
    readonly value: number;
  };
  readonly resultsSummaryNone: { readonly title: string };
  readonly resultsSummaryChange: {
    readonly title: string;
    readonly count: number;
    readonly improved: number;
    readonly worse: number;
  };
  readonly resultsSummaryAudit: { readonly start: string; readonly end: string };
  readonly resultsSummaryCpd: {
    readonly title: string;
    readonly count: number;
    readonly rose: number;
    readonly fell: number;
  };
  readonly resultsAuditStatements: {
    readonly count: number;
    readonly improved: number;
    readonly worse: number;
  };
  readonly resultsHiddenLabel: { readonly symbol: string; readonly note: number };
  readonly resultsHiddenRef: { readonly symbol: string; readonly note: number };
  readonly resultsNoteNumbered: { readonly note: number; readonly text: string };
  readonly resultsTypesOfWhom: None;
  readonly resultsViewComparison: { readonly comparator: string };
  readonly resultsColComparison: { readonly comparator: string };
  readonly resultsSummaryCompare: {
    readonly title: string;
    readonly count: number;
    readonly better: number;
    readonly worse: number;
    readonly comparator: string;
  };
  readonly resultsComparatorDefault: None;
  readonly resultsOfWhomAll: None;
  readonly resultsOfWhomBullied: None;
  readonly resultsOfWhomBulliedTold: None;
  readonly resultsCardBaseBullied: { readonly count: number };
  readonly resultsCardBaseBulliedTold: { readonly count: number };
  readonly resultsHigherIsBetter: None;
  readonly resultsLowerIsBetter: None;
  readonly resultsHigher: None;
  readonly resultsLower: None;
  readonly resultsCompareHigher: None;
  readonly resultsCompareLower: None;
  readonly resultsVerdictImproved: None;
  readonly resultsVerdictWorse: None;
  readonly resultsVerdictHigher: None;
  readonly resultsVerdictLower: None;
  readonly resultsVerdictNone: None;
  readonly resultsVerdictBetter: None;
  readonly resultsVerdictSimilar: None;
  readonly resultsLineHeadline: {
    readonly label: string;
    readonly percent: number;
    readonly group: string;
  };
  readonly resultsLineChange: {
    readonly label: string;
    readonly group: string;
    readonly start: number;
    readonly end: number;
    readonly verdict: string;
  };
  readonly resultsLineCompare: {
    readonly group: string;
    readonly school: number;
    readonly area: number;
    readonly comparator: string;
    readonly verdict: string;
  };
  readonly resultsFocusHidden: {
    readonly people: string;
    readonly symbol: string;
    readonly label: string;
  };
  readonly resultsFocusComparator: {
    readonly people: string;
    readonly comparator: string;
    readonly percent: number;
  };
  readonly resultsFocusAsk: { readonly people: string };
  readonly resultsNoteNoComparator: {
    readonly symbol: string;
    readonly schools: number;
    readonly count: number;
  };
  readonly resultsEmptyIndicator: None;
  readonly resultsTitleByEal: { readonly title: string };
  readonly resultsDimensionEal: None;
  readonly resultsGroupEalYes: None;
  readonly resultsGroupEalNo: None;
  readonly resultsPeopleEalYes: None;
  readonly resultsPeopleEalNo: None;
  readonly resultsTitleByLookedAfter: { readonly title: string };
  readonly resultsTitleByYoungCarer: { readonly title: string };
  readonly resultsTitleByEthnicity: { readonly title: string };
  readonly resultsDimensionLookedAfter: None;
  readonly resultsDimensionYoungCarer: None;
  readonly resultsDimensionEthnicity: None;
  readonly resultsGroupLookedAfterYes: None;
  readonly resultsGroupLookedAfterNo: None;
  readonly resultsGroupYoungCarerYes: None;
  readonly resultsGroupYoungCarerNo: None;
  readonly resultsGroupEthnicityAsian: None;
  readonly resultsGroupEthnicityBlack: None;
  readonly resultsGroupEthnicityMixed: None;
  readonly resultsGroupEthnicityWhite: None;
  readonly resultsGroupEthnicityOther: None;
  readonly resultsPeopleLookedAfterYes: None;
  readonly resultsPeopleLookedAfterNo: None;
  readonly resultsPeopleYoungCarerYes: None;
  readonly resultsPeopleYoungCarerNo: None;
  readonly resultsPeopleEthnicityAsian: None;
  readonly resultsPeopleEthnicityBlack: None;
  readonly resultsPeopleEthnicityMixed: None;
  readonly resultsPeopleEthnicityWhite: None;
  readonly resultsPeopleEthnicityOther: None;
  readonly resultsPoolLegend: None;
  readonly resultsPoolKs1: None;
  readonly resultsPoolOlder: None;
  readonly resultsPoolYears: { readonly from: string; readonly to: string };
  readonly resultsPoolLine: { readonly pool: string };
}

/** British English. */
export const resultsStrings: ResultsStrings = {
  resultsViewHeadline: 'Headline figures',
  resultsViewBreakdown: 'Figures by group',
  resultsViewChange: 'Start and end of the programme',
  resultsViewTypes: 'Types of bullying',
  resultsViewFeelings: 'Feelings about school',
  resultsViewAudit: 'School audit: start and end',
  resultsViewCpd: 'Staff training confidence',
  resultsScopeLine: 'Results for {scope}',
  resultsScopeSchool: 'this school',
  resultsScopeTrust: 'this trust',
  resultsScopeLa: 'this local authority',
  resultsEmptySummary: 'There are no pupil results to show yet.',
  resultsEmptyChange:
    'There are no start-of-programme results to compare with, so no change can be shown yet.',
  resultsEmptyComparison:
    'There are no results for the wider area to compare with, so no comparison can be shown.',
  resultsEmptyTypes: 'There are no answers about types of bullying to show.',
  resultsEmptyFeelings: 'There are no answers about feelings about school to show.',
  resultsEmptyAudit: 'There are no audit scores to show yet.',
  resultsEmptyCpd: 'There are no training confidence results to show yet.',
  resultsEmptyScope: 'A local authority is not compared with another area.',
  resultsInvalid:
    'These results could not be shown because the data given to this page is not in the expected form. Please tell whoever runs this site.',
  resultsCardBase: {
    one: 'Based on {count} pupil’s answers',
    other: 'Based on {count} pupils’ answers',
  },
  resultsCardAtStart: 'At the start: {percent}',
  resultsBreakdownLegend: 'Show figures by',
  resultsTitleBySex: '{title}: boys and girls',
  resultsTitleBySen: '{title}, by SEND',
  resultsTitleByFsm: '{title}, by free school meals',
  resultsTitleByYearGroup: '{title}, by year group',
  resultsDimensionAll: 'All pupils',
  resultsDimensionSex: 'Boys and girls',
  resultsDimensionSen: 'SEND',
  resultsDimensionFsm: 'Free school meals',
  resultsDimensionYearGroup: 'Year group',
  resultsGroupAll: 'All pupils',
  resultsGroupFemale: 'Girls',
  resultsGroupMale: 'Boys',
  resultsGroupUnknown: 'Not recorded',
  resultsGroupPreferNotToSay: 'Preferred not to say',
  resultsGroupSenE: 'EHC plan',
  resultsGroupSenK: 'SEN support',
  resultsGroupSenN: 'No SEND',
  resultsGroupAnySen: 'Any SEND (EHC plan or SEN support)',
  resultsGroupFsmYes: 'Free school meals',
  resultsGroupFsmNo: 'No free school meals',
  resultsGroupReception: 'Reception',
  resultsGroupYear: 'Year {year}',
  resultsPeopleAll: 'pupils',
  resultsPeopleFemale: 'girls',
  resultsPeopleMale: 'boys',
  resultsPeopleUnknown: 'pupils whose details are not recorded',
  resultsPeoplePreferNotToSay: 'pupils who preferred not to say',
  resultsPeopleSenE: 'pupils with an EHC plan',
  resultsPeopleSenK: 'pupils on SEN support',
  resultsPeopleSenN: 'pupils with no SEND',
  resultsPeopleAnySen: 'pupils with SEND',
  resultsPeopleFsmYes: 'pupils on free school meals',
  resultsPeopleFsmNo: 'pupils not on free school meals',
  resultsPeopleReception: 'pupils in Reception',
  resultsPeopleYear: 'pupils in Year {year}',
  resultsSeriesStart: 'Start',
  resultsSeriesEnd: 'End',
  resultsSeriesSchool: 'This school',
  resultsSeriesTrust: 'This trust',
  resultsSeriesPercent: 'Pupils',
  resultsAxisPercent: 'Percentage of pupils who answered',
  resultsAxisAuditPercent: 'Audit score (%)',
  resultsPercent: '{value}%',
  resultsPoints: { one: '{sign}{count} point', other: '{sign}{count} points' },
  resultsColDifference: 'Difference',
  resultsAxisStaffPercent: 'Percentage of staff who answered',
  resultsNotCompared: '{symbol} not compared',
  resultsInterval: '{lower}% to {upper}%',
  resultsAuditArea: 'Area {area}: {title}',
  resultsAuditOverall: 'Overall',
  resultsColGroup: 'Group',
  resultsColPupils: 'Pupils who answered',
  resultsColCount: 'Number',
  resultsColPercent: 'Percentage of pupils who answered',
  resultsColInterval: '95% confidence interval',
  resultsColChange: 'Change',
  resultsColSignificance: 'Is the change real?',
  resultsColMissing: 'Preferred not to say or did not know',
  resultsColItem: 'Statement',
  resultsColMean: 'Average score',
  resultsColArea: 'Area',
  resultsColIndicator: 'Measure',
  resultsImproved: '✓ Significantly better',
  resultsWorse: '! Significantly worse',
  resultsNoChange: '≈ No significant change',
  resultsRagGreen: '✓ Better (significant)',
  resultsRagAmber: '! Worse (significant)',
  resultsRagRed: '!! Worse (strongly significant)',
  resultsRagNone: '≈ Similar',
  resultsShowTable: 'Show the data table: {title}',
  resultsHideTable: 'Hide the data table: {title}',
  resultsDownloadCsv: 'Download these figures (CSV)',
  resultsCsvFileName: 'all-together-results-{view}.csv',
  resultsNotesHeading: 'About these figures',
  // The same words as scoring's suppressionNote (a test keeps them equal), so they can be translated.
  resultsNoteTotal: {
    one: '{symbol} Fewer than {count} pupil in all — every figure is hidden to protect privacy',
    other: '{symbol} Fewer than {count} pupils in all — every figure is hidden to protect privacy',
  },
  resultsNoteBase: {
    one: '{symbol} Fewer than {count} pupil — hidden to protect privacy',
    other: '{symbol} Fewer than {count} pupils — hidden to protect privacy',
  },
  resultsNoteComplementary:
    '{symbol} Hidden so that another hidden figure cannot be worked out from the ones shown',
  resultsNoteSmallBase: {
    one: '{symbol} Fewer than {count} pupil — too few to show how many, a percentage or an average safely',
    other:
      '{symbol} Fewer than {count} pupils — too few to show how many, a percentage or an average safely',
  },
  resultsNoteRoundsToZero:
    '{symbol} More than 0 but fewer than {half} — figures shared outside the school are rounded to the nearest {roundTo}',
  resultsNoteNoPupils: '{symbol} No pupils in this group',
  resultsNoteNotBothWaves:
    '{symbol} No change shown — a change needs the figure shown at both the start and the end',
  resultsNoteRounded: 'Numbers of pupils are rounded to the nearest {roundTo}.',
  resultsNoteTotalPeople: {
    one: '{symbol} Fewer than {count} person in all — every figure is hidden to protect privacy',
    other: '{symbol} Fewer than {count} people in all — every figure is hidden to protect privacy',
  },
  resultsNoteBasePeople: {
    one: '{symbol} Fewer than {count} person — hidden to protect privacy',
    other: '{symbol} Fewer than {count} people — hidden to protect privacy',
  },
  resultsNoteSmallBasePeople: {
    one: '{symbol} Fewer than {count} person — too few to show how many, a percentage or an average safely',
    other:
      '{symbol} Fewer than {count} people — too few to show how many, a percentage or an average safely',
  },
  resultsNoteNoPeople: '{symbol} No one in this group',
  resultsNoteRoundedPeople: 'Numbers of people are rounded to the nearest {roundTo}.',
  resultsNoteNoScore: '{symbol} No statement in this area was rated',
  resultsSummaryRange:
    '{title}: highest for {high} ({highValue}%), lowest for {low} ({lowValue}%).',
  resultsSummaryOne: '{title}: {value}% for {group}.',
  resultsSummaryNone: '{title}: every figure is hidden to protect privacy.',
  resultsSummaryChange: {
    one: '{title}: {count} group can be compared; {improved} improved significantly and {worse} got significantly worse.',
    other:
      '{title}: {count} groups can be compared; {improved} improved significantly and {worse} got significantly worse.',
  },
  resultsSummaryAudit: 'Overall audit score: {start} at the start, {end} at the end.',
  resultsSummaryCpd: {
    one: '{title}: of {count} statement shown before and straight after the training, confidence rose for {rose} and fell for {fell}.',
    other:
      '{title}: of {count} statements shown before and straight after the training, confidence rose for {rose} and fell for {fell}.',
  },
  resultsAuditStatements: {
    one: '{count} statement compared: {improved} improved, {worse} got worse.',
    other: '{count} statements compared: {improved} improved, {worse} got worse.',
  },
  resultsHiddenLabel: '{symbol} hidden (note {note})',
  resultsHiddenRef: '{symbol} (note {note})',
  resultsNoteNumbered: 'Note {note}: {text}',
  resultsTypesOfWhom:
    'Only pupils who said they had been bullied were asked about types, so each percentage is of those pupils, not of all pupils.',
  resultsViewComparison: 'Compared with {comparator}',
  resultsColComparison: 'Compared with {comparator}',
  resultsSummaryCompare: {
    one: '{title}: {count} group can be compared; {better} significantly better and {worse} significantly worse than {comparator}.',
    other:
      '{title}: {count} groups can be compared; {better} significantly better and {worse} significantly worse than {comparator}.',
  },
  resultsComparatorDefault: 'the rest of the area',
  resultsOfWhomAll: 'Percentage of pupils who answered',
  resultsOfWhomBullied: 'Percentage of pupils who said they were bullied',
  resultsOfWhomBulliedTold: 'Percentage of pupils who were bullied and told someone',
  resultsCardBaseBullied: {
    one: 'Based on the answers of {count} pupil who said they were bullied',
    other: 'Based on the answers of {count} pupils who said they were bullied',
  },
  resultsCardBaseBulliedTold: {
    one: 'Based on the answers of {count} pupil who was bullied and told someone',
    other: 'Based on the answers of {count} pupils who were bullied and told someone',
  },
  resultsHigherIsBetter: 'A higher average is better',
  resultsLowerIsBetter: 'A lower average is better',
  resultsHigher: '▲ Significantly higher',
  resultsLower: '▼ Significantly lower',
  resultsCompareHigher: '▲ Higher (significant)',
  resultsCompareLower: '▼ Lower (significant)',
  resultsVerdictImproved: 'a significant improvement',
  resultsVerdictWorse: 'significantly worse',
  resultsVerdictHigher: 'significantly higher (neither better nor worse in itself)',
  resultsVerdictLower: 'significantly lower (neither better nor worse in itself)',
  resultsVerdictNone: 'not a significant change, so it may be chance',
  resultsVerdictBetter: 'significantly better',
  resultsVerdictSimilar: 'not a significant difference',
  resultsLineHeadline: '{label}: {percent}% of {group}.',
  resultsLineChange: '{label} — {group}: {start}% at the start and {end}% at the end, {verdict}.',
  resultsLineCompare: '{group}: {school}% here and {area}% in {comparator}, {verdict}.',
  resultsFocusHidden:
    'The figure for {people} is hidden to protect privacy ({symbol}): too few of them answered to publish it safely, or it could be worked out from the figures beside it. This does not mean that no {people} said “{label}”.',
  resultsFocusComparator:
    'The figure for {people} in {comparator} is {percent}% (see the comparison).',
  resultsFocusAsk: 'Ask your trust or local authority for the figure for {people} across the area.',
  resultsNoteNoComparator: {
    one: '{symbol} Not available — the rest of the area needs at least {schools} schools with at least {count} pupil each',
    other:
      '{symbol} Not available — the rest of the area needs at least {schools} schools with at least {count} pupils each',
  },
  resultsEmptyIndicator: 'This measure is not in these results.',
  resultsTitleByEal: '{title}, by English as an additional language',
  resultsDimensionEal: 'English as an additional language',
  resultsGroupEalYes: 'English as an additional language',
  resultsGroupEalNo: 'English as a first language',
  resultsPeopleEalYes: 'pupils with English as an additional language',
  resultsPeopleEalNo: 'pupils with English as a first language',
  resultsTitleByLookedAfter: '{title}, by whether looked after',
  resultsTitleByYoungCarer: '{title}, by whether a young carer',
  resultsTitleByEthnicity: '{title}, by ethnic group',
  resultsDimensionLookedAfter: 'Looked after',
  resultsDimensionYoungCarer: 'Young carers',
  resultsDimensionEthnicity: 'Ethnic group',
  resultsGroupLookedAfterYes: 'Looked after',
  resultsGroupLookedAfterNo: 'Not looked after',
  resultsGroupYoungCarerYes: 'Young carer',
  resultsGroupYoungCarerNo: 'Not a young carer',
  resultsGroupEthnicityAsian: 'Asian, Asian British or Asian Welsh',
  resultsGroupEthnicityBlack: 'Black, Black British, Black Welsh, Caribbean or African',
  resultsGroupEthnicityMixed: 'Mixed or multiple ethnic groups',
  resultsGroupEthnicityWhite: 'White',
  resultsGroupEthnicityOther: 'Other ethnic group',
  resultsPeopleLookedAfterYes: 'looked-after children',
  resultsPeopleLookedAfterNo: 'pupils who are not looked after',
  resultsPeopleYoungCarerYes: 'young carers',
  resultsPeopleYoungCarerNo: 'pupils who are not young carers',
  resultsPeopleEthnicityAsian: 'Asian, Asian British or Asian Welsh pupils',
  resultsPeopleEthnicityBlack: 'Black, Black British, Black Welsh, Caribbean or African pupils',
  resultsPeopleEthnicityMixed: 'pupils of mixed or multiple ethnic groups',
  resultsPeopleEthnicityWhite: 'White pupils',
  resultsPeopleEthnicityOther: 'pupils of another ethnic group',
  resultsPoolLegend: 'Show results for',
  resultsPoolKs1: 'Reception to Year 2',
  resultsPoolOlder: 'Years 3 to 13',
  resultsPoolYears: '{from} to {to}',
  resultsPoolLine:
    'Pupils in {pool}. Younger and older pupils answer different questions, so their results are shown separately and never added together.',
};

// This element's strings join the shared table's types (declaration merging), so `shared/`
// never imports an element.
declare module '../shared/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface Translation extends ResultsStrings {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
  interface TranslationParams extends ResultsStringParams {}
}
