/**
 * Progress through a school's action plan (domain.md §3): actions by status, what is overdue, which
 * audit priorities no objective addresses yet, and whether the termly review is due. Pure: "today"
 * is passed in, dates are ISO `YYYY-MM-DD` strings counted as UTC calendar days.
 */
import { ActionStatus, type ActionPlan, type OwnerRole, type RecordId } from '@all-together/model';

/** Options for {@link planProgress}. */
export interface PlanProgressOptions {
  /** Today's date, `YYYY-MM-DD` (no clock is read). */
  today: string;
  /** A review is due when the last one is at least this many days old; default 120 (about a term). */
  reviewEveryDays?: number;
}

/** An action past its deadline that is neither done nor dropped. */
export interface OverdueAction {
  id: RecordId;
  description: string;
  ownerRole: OwnerRole;
  deadline: string;
  /** Whole days from the deadline to today (1 the day after the deadline). */
  daysOverdue: number;
}

/** One objective's actions: how many count (dropped ones do not) and how many are done. */
export interface ObjectiveProgress {
  id: RecordId;
  title: string;
  /** The objective's actions that are not dropped. */
  actions: number;
  done: number;
}

/** Where a school's action plan stands on a given day. */
export interface PlanProgress {
  actions: {
    total: number;
    byStatus: Record<ActionStatus, number>;
    /** done ÷ (total − dropped) × 100; null when no action counts. */
    percentDone: number | null;
    /** Most overdue first, then plan order. */
    overdue: OverdueAction[];
  };
  /** In plan order. */
  objectives: ObjectiveProgress[];
  /** Statements linked by objectives, each once, in audit order (1.2 before 2.9 before 2.10). */
  statementsCovered: string[];
  /** The plan's priorities that no objective links to, in priority order. */
  prioritiesWithoutObjective: string[];
  /** The latest review's date, or null when the plan has never been reviewed. */
  lastReview: string | null;
  /** True when the last review (or, before any review, the earliest action start) is at least `reviewEveryDays` old. */
  reviewDue: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Days since 1970-01-01 of a proleptic Gregorian `YYYY-MM-DD` date (Hinnant's days-from-civil):
 * exact integer arithmetic, no Date object, so no time zone and no two-digit-year surprises.
 */
function dayNumber(date: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (!m || month < 1 || month > 12 || day < 1 || day > monthDays) {
    throw new RangeError(`planProgress: ${what} must be a date written YYYY-MM-DD, got "${date}".`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Orders statement ids as the audit does: by area, then by statement number. */
function byStatement(a: string, b: string): number {
  const [aa = 0, as = 0] = a.split('.').map(Number);
  const [ba = 0, bs = 0] = b.split('.').map(Number);
  return aa - ba || as - bs;
}

/** How many actions count, and how many of those are done. */
export interface ActionCount {
  done: number;
  dropped: number;
  /** Actions that count: all but the dropped ones. */
  counted: number;
  /** done ÷ counted × 100, or null when no action counts. */
  percentDone: number | null;
}

/**
 * The programme's rule for "actions done", shared by plan progress and the award: dropped actions
 * do not count against the school, so percent done = done ÷ (total − dropped) × 100.
 *
 * @example
 * countActions({ actions: [done, done, inProgress, dropped] }); // { done: 2, dropped: 1, counted: 3, percentDone: 66.67 }
 */
export function countActions(plan: Pick<ActionPlan, 'actions'>): ActionCount {
  let done = 0;
  let dropped = 0;
  for (const a of plan.actions) {
    if (a.status === 'done') done++;
    else if (a.status === 'dropped') dropped++;
  }
  const counted = plan.actions.length - dropped;
  return { done, dropped, counted, percentDone: counted === 0 ? null : (done / counted) * 100 };
}

/**
 * Where an action plan stands on `today`: actions by status and the share done (dropped actions do
 * not count against the school: done ÷ (total − dropped) × 100), overdue actions (not done, not
 * dropped, deadline before today) most overdue first, each objective's actions, the statements the
 * objectives cover, the priorities no objective covers yet, and whether a review is due.
 *
 * A review is due when `today` is at least `reviewEveryDays` (default 120) after the latest review;
 * before the first review, after the earliest action's start date; a plan with neither has nothing
 * to review yet. Dates are compared as UTC calendar days; nothing reads the clock.
 *
 * @throws RangeError when `today` or a date in the plan is not a real `YYYY-MM-DD` date, or
 *   `reviewEveryDays` is not above 0.
 * @example
 * const progress = planProgress(plan, { today: '2027-02-10' });
 * progress.actions.percentDone; // 40: 2 done of 6 actions, 1 dropped → 2 ÷ 5 × 100
 * progress.actions.overdue[0]; // { id, description, ownerRole: 'sendco', deadline: '2026-12-20', daysOverdue: 52 }
 * progress.prioritiesWithoutObjective; // ['4.6', '5.1']
 * progress.reviewDue; // false: the last review, 2026-11-20, was 82 days ago
 */
export function planProgress(plan: ActionPlan, options: PlanProgressOptions): PlanProgress {
  const today = dayNumber(options.today, 'today');
  const every = options.reviewEveryDays ?? 120;
  if (!(Number.isFinite(every) && every > 0)) {
    throw new RangeError(`planProgress: reviewEveryDays must be above 0, got ${every}.`);
  }

  const byStatus = Object.fromEntries(ActionStatus.options.map((s) => [s, 0])) as Record<
    ActionStatus,
    number
  >;
  for (const a of plan.actions) byStatus[a.status]++;
  const total = plan.actions.length;

  const overdue = plan.actions
    .filter((a) => a.status !== 'done' && a.status !== 'dropped')
    .map((a): OverdueAction => ({
      id: a.id,
      description: a.description,
      ownerRole: a.ownerRole,
      deadline: a.deadline,
      daysOverdue: today - dayNumber(a.deadline, `the deadline of action ${a.id}`),
    }))
    .filter((a) => a.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue);

  const objectives = plan.objectives.map((o): ObjectiveProgress => {
    const own = plan.actions.filter((a) => a.objective === o.id && a.status !== 'dropped');
    return {
      id: o.id,
      title: o.title,
      actions: own.length,
      done: own.filter((a) => a.status === 'done').length,
    };
  });

  const covered = new Set<string>(plan.objectives.flatMap((o) => o.statements));
  const statementsCovered = [...covered].sort(byStatement);
  const prioritiesWithoutObjective = plan.priorities
    .map((p) => p.statement as string)
    .filter((s) => !covered.has(s));

  let lastReview: string | null = null;
  let since: number | null = null;
  for (const r of plan.reviews) {
    const day = dayNumber(r.date, `the date of review ${r.id}`);
    if (since === null || day > since) {
      since = day;
      lastReview = r.date;
    }
  }
  if (since === null) {
    for (const a of plan.actions) {
      const start = dayNumber(a.startDate, `the start date of action ${a.id}`);
      if (since === null || start < since) since = start;
    }
  }

  return {
    actions: {
      total,
      byStatus,
      percentDone: countActions(plan).percentDone,
      overdue,
    },
    objectives,
    statementsCovered,
    prioritiesWithoutObjective,
    lastReview,
    reviewDue: since !== null && today - since >= every,
  };
}
