/**
 * Moderation's programme rules that are not the award's computation (docs/decisions/0045): which
 * rounds a submission locks, how portfolio items reach the award's evidence count, an award's
 * expiry, and the awarding body's name. The award itself is scoring's `recommendAward`, always.
 */
import type {
  ActionPlan,
  AuditDefinition,
  AuditResponse,
  AwardLevel,
  EvidenceNote,
} from '@all-together/model';
import type { Role } from '../context.js';
import type { Repos } from '../repo/index.js';
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

/** An award's level in words. */
export const LEVEL_WORDS: Record<AwardLevel, string> = {
  participation: 'Certificate of participation',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

/**
 * Queues a renewal reminder to the leads of every school whose award expires within
 * `RENEWAL_NOTICE_DAYS` of `today` and has not been reminded, marks each award reminded and logs
 * it: run by the scheduled maintenance (no one, `by` null) and by an LA's or trust's button (only
 * its own schools, by row-level security). Each award is reminded once, whoever runs it first.
 * The message belongs to the school's LA and trust, so both see it in their outbox.
 */
export async function queueRenewalReminders(
  tx: Repos,
  today: string,
  by: { id: string; role: Role } | null,
): Promise<number> {
  const due = await tx.moderation.dueForRenewal(addDays(today, RENEWAL_NOTICE_DAYS));
  const leads = await tx.accounts.leads(due.map((w) => w.school_urn));
  let n = 0;
  for (const w of due) {
    for (const lead of leads.filter((l) => l.school_urn === w.school_urn)) {
      await tx.accounts.queue({
        by: by?.id ?? null,
        kind: 'reminder',
        to: lead.email,
        subject: `${w.school_name}: the ${LEVEL_WORDS[w.level]} award expires on ${w.expires_on}`,
        body: [
          `Dear ${lead.display_name},`,
          '',
          `${w.school_name}'s All Together ${LEVEL_WORDS[w.level]} award (${w.awarding_body}) expires on ${w.expires_on}.`,
          'To renew it, run a new programme year: a baseline audit and survey, an action plan,',
          'an end audit and survey, and the evidence portfolio, then submit it for moderation.',
        ].join('\n'),
        laCode: w.local_authority,
        trustId: w.trust_id,
        schoolUrn: w.school_urn,
      });
      n++;
    }
    await tx.moderation.reminded(w.id, today);
    await tx.log.append({
      actor: by,
      trustId: w.trust_id,
      laCode: w.local_authority,
      schoolUrn: w.school_urn,
      roundId: null,
      kind: 'award.renewal-reminder',
      detail: { expiresOn: w.expires_on, level: w.level },
    });
  }
  return n;
}

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
