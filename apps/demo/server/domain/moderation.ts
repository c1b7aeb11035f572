/**
 * Moderation's programme rules that are not the award's computation (docs/decisions/0045): which
 * rounds a submission locks, how portfolio items reach the award's evidence count, an award's
 * expiry, and the awarding body's name. The award itself is scoring's `recommendAward`, always.
 */
import type { ActionPlan, AuditDefinition, AuditResponse, EvidenceNote } from '@all-together/model';
import type { EvidenceRow } from '../repo/moderation.js';

/** An award lasts this many years by default, then the school renews it. */
export const AWARD_YEARS = 2;
/** Renewal reminders go to the outbox this many days before an award expires. */
export const RENEWAL_NOTICE_DAYS = 90;

/** The day an award made on `on` expires: two years on by default. */
export function expiryOf(on: string, years = AWARD_YEARS): string {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  // 29 February → 28 February of a non-leap year (Date would roll it into March).
  const day = Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate());
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A day `n` days after (or before, negative) an ISO day. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const note = (item: EvidenceRow): EvidenceNote => ({
  id: item.id as EvidenceNote['id'],
  kind: item.kind,
  note: item.description,
  ...(item.url ? { url: item.url as EvidenceNote['url'] } : {}),
});

/**
 * The end audit and the plan with the portfolio's items added where they were entered (an item of
 * an area on that area's first statement, an item of an action on the action), each with its own id
 * so that scoring's `awardInputs` counts it once. Nothing is counted here: that is the award's rule.
 */
export function withPortfolio(
  definition: AuditDefinition,
  endAudit: AuditResponse | null,
  plan: ActionPlan | null,
  items: readonly EvidenceRow[],
): { endAudit: AuditResponse | null; plan: ActionPlan | null } {
  if (!items.length) return { endAudit, plan };
  const firstOf = new Map(
    definition.areas.map((a) => [String(a.number), a.statements[0]?.id as string | undefined]),
  );
  let audit = endAudit;
  if (audit) {
    const evidence: Record<string, EvidenceNote[]> = Object.fromEntries(
      Object.entries(audit.evidence).map(([k, v]) => [k, [...v]]),
    );
    for (const item of items) {
      const statement = item.area ? firstOf.get(item.area) : undefined;
      if (statement) (evidence[statement] ??= []).push(note(item));
    }
    audit = { ...audit, evidence: evidence as AuditResponse['evidence'] };
  }
  const withActions = plan
    ? {
        ...plan,
        actions: plan.actions.map((a) => ({
          ...a,
          evidence: [...a.evidence, ...items.filter((i) => i.action_id === a.id).map(note)],
        })),
      }
    : null;
  return { endAudit: audit, plan: withActions };
}
