/**
 * CPD confidence in the portal (issue "Every instrument live", item 2; docs/decisions/0048): who
 * owns a course, the words for a session's trainer, audience and a delegate's setting, and the
 * published results of sessions, courses and the whole organisation. Every figure comes from
 * scoring's `summariseCpd`, `mergeCpdSummaries` and `publishCpd`; nothing is counted twice here.
 */
import * as z from 'zod';
import {
  protectCounts,
  publishCpd,
  publishProportion,
  mergeCpdSummaries,
  summariseCpd,
  type CpdSummary,
  type PublishedCpd,
  type Shown,
} from '@all-together/scoring';
import {
  DEFAULT_DISCLOSURE_CONTROL,
  type DisclosureControl,
  type SuppressionReason,
  type QuestionnaireDefinition,
  type QuestionnaireResponse,
  type ViewerLevel,
} from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';
import type { Scope } from '../db.js';
import type { StaffScope } from './scope.js';

/** Who led a session. */
export const TrainerRole = z.enum([
  'programme-trainer',
  'la-adviser',
  'trust-lead',
  'school-lead',
  'cascade-trainer',
]);
export type TrainerRole = z.infer<typeof TrainerRole>;
export const TRAINER_ROLE_WORDS: Readonly<Record<TrainerRole, string>> = {
  'programme-trainer': 'Programme trainer',
  'la-adviser': 'Local authority adviser',
  'trust-lead': 'Trust lead',
  'school-lead': "School's anti-bullying lead",
  'cascade-trainer': 'A trainer trained on this course',
};

/** Who a session was for. */
export const Audience = z.enum([
  'whole-school-staff',
  'teaching-staff',
  'support-and-lunchtime-staff',
  'senior-leaders',
  'governors',
  'childrens-workforce',
  'mixed',
]);
export type Audience = z.infer<typeof Audience>;
export const AUDIENCE_WORDS: Readonly<Record<Audience, string>> = {
  'whole-school-staff': 'All staff of a school',
  'teaching-staff': 'Teaching staff',
  'support-and-lunchtime-staff': 'Support and lunchtime staff',
  'senior-leaders': 'Senior leaders',
  governors: 'Governors',
  'childrens-workforce': "The wider children's workforce",
  mixed: 'A mixed group',
};

/**
 * Where a delegate works: optional, coded, and never a school's name. A delegate from outside any
 * school (youth work, health, social care, early years) answers just the same.
 */
export const DelegateSetting = z.enum([
  'school-teaching',
  'school-support',
  'school-leadership',
  'early-years',
  'youth-or-community',
  'health',
  'social-care',
  'other',
]);
export type DelegateSetting = z.infer<typeof DelegateSetting>;
export const SETTING_WORDS: Readonly<Record<DelegateSetting, string>> = {
  'school-teaching': 'Teaching in a school or college',
  'school-support': 'Support, pastoral or lunchtime staff in a school',
  'school-leadership': 'School leadership or governance',
  'early-years': 'Early years',
  'youth-or-community': 'Youth or community work',
  health: 'Health',
  'social-care': "Social care or children's services",
  other: 'Somewhere else',
};

/**
 * A delegate belongs to no school, but a questionnaire response (and the element that makes one)
 * carries a URN. This one stands in for "no school": the server puts it in place of whatever a
 * delegate's browser sent and stores only the answers, never a school.
 */
export const NO_SCHOOL = '999999';

/** The organisation that owns a course (exactly one), as the database columns say it. */
export interface CpdOwner {
  la: string | null;
  trust: string | null;
  school: string | null;
}

/** The owner a member of staff records courses for: their LA, their trust or their school. */
export function ownerOf(scope: StaffScope): CpdOwner {
  switch (scope.kind) {
    case 'local-authority':
      return { la: scope.la, trust: null, school: null };
    case 'trust':
      return { la: null, trust: scope.trust, school: null };
    case 'school':
      return { la: null, trust: null, school: scope.school };
  }
}

/** The row-level security scope of an owner: a delegate's answer is written in it. */
export function scopeOfOwner(o: CpdOwner): Scope {
  if (o.la) return { kind: 'local-authority', la: o.la };
  if (o.trust) return { kind: 'trust', trust: o.trust };
  return { kind: 'school', trust: '', school: o.school ?? '' };
}

/** How the owner is shown figures: rounded outside a school's own view. */
export function viewerOf(scope: StaffScope): ViewerLevel {
  return scope.kind === 'school' ? 'school' : scope.kind;
}

/** The CPD confidence survey delegates answer now. */
export const currentCpd = (): QuestionnaireDefinition => getQuestionnaire('cpd-confidence');

/** The item whose answer says the administration (declared by its scoring, never by id). */
export function timepointItem(def: QuestionnaireDefinition) {
  const item = def.sections
    .flatMap((s) => s.items)
    .find((i) => i.scoring.kind === 'category' && i.scoring.indicator === 'cpd-timepoint');
  if (!item || item.type === 'free-text')
    throw new Error(`${def.id}@${def.version} declares no item saying when it is answered.`);
  return item;
}

/** One stored answer as the results read it. */
export interface CpdAnswerRow {
  id: string;
  session_id: string;
  delegate_hash: string;
  timepoint: string;
  setting: string | null;
  definition_id: string;
  definition_version: string;
  answers: Record<string, string | string[]>;
  submitted_on: string;
}

/** Stored answers as responses for scoring (no school, no round: a delegate has neither). */
function responsesOf(def: QuestionnaireDefinition, rows: readonly CpdAnswerRow[]) {
  return rows
    .filter((r) => r.definition_id === def.id && r.definition_version === def.version)
    .map(
      (r): QuestionnaireResponse =>
        ({
          id: r.id,
          definition: { id: def.id, version: def.version },
          wave: r.timepoint === 'before' ? 'baseline' : 'end',
          school: NO_SCHOOL,
          mode: 'anonymous',
          characteristics: { source: 'self-report' },
          answers: r.answers,
          startedAt: `${r.submitted_on}T00:00:00Z`,
          submittedAt: `${r.submitted_on}T00:00:00Z`,
        }) as QuestionnaireResponse,
    );
}

/** Counts behind "the number linked": delegates who answered before, and of them, later too. */
export interface LinkCounts {
  before: number;
  beforeAndAfter: number;
  allThree: number;
}

function linkCounts(rows: readonly CpdAnswerRow[]): LinkCounts {
  const byDelegate = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.session_id}:${r.delegate_hash}`;
    byDelegate.set(key, (byDelegate.get(key) ?? new Set()).add(r.timepoint));
  }
  const c: LinkCounts = { before: 0, beforeAndAfter: 0, allThree: 0 };
  for (const t of byDelegate.values()) {
    if (!t.has('before')) continue;
    c.before++;
    if (t.has('after')) c.beforeAndAfter++;
    if (t.has('after') && t.has('follow-up')) c.allThree++;
  }
  return c;
}

const addLinks = (a: LinkCounts, b: LinkCounts): LinkCounts => ({
  before: a.before + b.before,
  beforeAndAfter: a.beforeAndAfter + b.beforeAndAfter,
  allThree: a.allThree + b.allThree,
});

/** The linked numbers, published like every other figure (a base under k hides them all). */
export interface PublishedLinks {
  /** Delegates who answered before the training. */
  before: Shown<number>;
  /** Of them, how many answered straight after with the same code, and the percentage. */
  after: { count: Shown<number>; percent: Shown<number> };
  /** Of them, how many answered after and at follow-up with the same code. */
  followUp: { count: Shown<number>; percent: Shown<number> };
}

function publishLinks(c: LinkCounts, viewer: ViewerLevel): PublishedLinks {
  const one = (count: number) => {
    const p = publishProportion(
      { count, base: c.before },
      { shown: true },
      DEFAULT_DISCLOSURE_CONTROL,
      viewer,
    );
    const percent: Shown<number> =
      'value' in p.percent ? { value: Math.round(p.percent.value) } : p.percent;
    return { base: p.base, count: p.count, percent };
  };
  const after = one(c.beforeAndAfter);
  const followUp = one(c.allThree);
  return {
    before: after.base,
    after: { count: after.count, percent: after.percent },
    followUp: { count: followUp.count, percent: followUp.percent },
  };
}

/** The figure of delegates who did not say where they work. */
export const NOT_SAID = 'not-said';

/**
 * Delegates (people, not answers) by where they said they work, for everything the organisation
 * ran: each setting and "not said" add up to the total, and `protectCounts` hides small counts and
 * whatever else would let one be worked out. A delegate's setting is the first they gave.
 */
export function publishSettings(rows: readonly CpdAnswerRow[], viewer: ViewerLevel) {
  const order = ['before', 'after', 'follow-up'];
  const sorted = [...rows].sort((a, b) => order.indexOf(a.timepoint) - order.indexOf(b.timepoint));
  const byDelegate = new Map<string, string>();
  for (const r of sorted) {
    const key = `${r.session_id}:${r.delegate_hash}`;
    const had = byDelegate.get(key);
    if (had === undefined || (had === NOT_SAID && r.setting))
      byDelegate.set(key, r.setting ?? NOT_SAID);
  }
  const parts = [...DelegateSetting.options, NOT_SAID];
  const counts = new Map<string, number>(parts.map((p) => [p, 0]));
  for (const setting of byDelegate.values()) counts.set(setting, (counts.get(setting) ?? 0) + 1);
  const total = byDelegate.size;
  const published = protectCounts({
    figures: [
      { id: 'total', count: total },
      ...parts.map((id) => ({ id, count: counts.get(id) ?? 0 })),
    ],
    relations: [{ kind: 'sum', total: 'total', parts }],
    viewer,
  });
  return {
    total: published.figures.total!,
    settings: parts.map((id) => ({ setting: id, delegates: published.figures[id]! })),
  };
}

/** What one group of sessions publishes: confidence at each administration and the linked numbers. */
export interface CpdPublication {
  confidence: PublishedCpd;
  linked: PublishedLinks;
}

/**
 * The note for each reason a figure is hidden, in words about delegates: scoring's notes speak of
 * pupils, and these figures count adults (domain.md §7: adults' answers are suppressed too).
 */
const DELEGATE_NOTES: Partial<Record<SuppressionReason, (c: DisclosureControl) => string>> = {
  base: (c) =>
    `[c]: fewer than ${c.minCellSize} delegates answered, so the figure is hidden to protect them.`,
  'small-base': (c) =>
    `[c]: fewer than ${c.minBaseForPercentage} delegates answered, too few to show a percentage or how many safely.`,
  'rounds-to-zero': (c) =>
    `More than 0 but fewer than ${Math.ceil(c.roundTo / 2)}: figures shared outside a school are rounded to the nearest ${c.roundTo}.`,
  'no-pupils': () => '[z]: nobody has answered at this point yet.',
};

/** Every reason a hidden figure of `p` gives, as delegate notes, once each. */
function delegateNotes(values: readonly Shown<number>[], control: DisclosureControl): string[] {
  const reasons = new Set<SuppressionReason>();
  for (const v of values) if ('symbol' in v) reasons.add(v.reason);
  return [...reasons].map(
    (r) => DELEGATE_NOTES[r]?.(control) ?? 'Some figures are hidden to protect the delegates.',
  );
}

/** Counts of a group of sessions, mergeable (summaries add; link counts add). */
interface Counted {
  summary: CpdSummary;
  links: LinkCounts;
}

/**
 * The results of every session, every course and the whole organisation, published for `viewer`.
 * Only the answers to the definition delegates answer now are counted (a later version would be
 * reported beside, not added in).
 */
export function cpdResults(
  sessions: readonly { id: string; course_id: string }[],
  courses: readonly { id: string }[],
  rows: readonly CpdAnswerRow[],
  viewer: ViewerLevel,
  def: QuestionnaireDefinition = currentCpd(),
) {
  const publish = (c: Counted): CpdPublication => {
    const confidence = publishCpd(c.summary, { viewer });
    const linked = publishLinks(c.links, viewer);
    const shown = [
      ...confidence.items.flatMap((i) => i.cells.flatMap((x) => [x.base, x.count, x.percent])),
      linked.before,
      linked.after.count,
      linked.after.percent,
      linked.followUp.count,
      linked.followUp.percent,
    ];
    return {
      confidence: { ...confidence, notes: delegateNotes(shown, DEFAULT_DISCLOSURE_CONTROL) },
      linked,
    };
  };
  const counted = new Map<string, Counted>(
    sessions.map((s) => {
      const mine = rows.filter((r) => r.session_id === s.id);
      return [
        s.id,
        { summary: summariseCpd(def, responsesOf(def, mine)), links: linkCounts(mine) },
      ];
    }),
  );
  const merge = (parts: Counted[]): Counted =>
    parts.length === 0
      ? { summary: summariseCpd(def, []), links: { before: 0, beforeAndAfter: 0, allThree: 0 } }
      : {
          summary: mergeCpdSummaries(parts.map((p) => p.summary)),
          links: parts.map((p) => p.links).reduce(addLinks),
        };
  const courseCounts = new Map(
    courses.map((c) => [
      c.id,
      merge(sessions.filter((s) => s.course_id === c.id).map((s) => counted.get(s.id)!)),
    ]),
  );
  return {
    sessions: new Map([...counted].map(([id, c]) => [id, publish(c)])),
    courses: new Map([...courseCounts].map(([id, c]) => [id, publish(c)])),
    all: publish(merge([...courseCounts.values()])),
    settings: publishSettings(rows, viewer),
  };
}
