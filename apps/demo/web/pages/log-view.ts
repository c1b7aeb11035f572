/** The audit log as staff read it: newest first, each entry in words. */
import { html, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import type { client } from '../api.js';
import { longDate } from '../ui.js';

type Entry = InferResponseType<typeof client.trust.log.$get, 200>['entries'][number];

const WAVE: Record<string, string> = { baseline: 'Time 1', end: 'Time 2' };
const ROLE: Record<string, string> = {
  'school-lead': 'school lead',
  'trust-admin': 'trust administrator',
  'la-admin': 'LA administrator',
  'la-adviser': 'LA adviser',
  moderator: 'moderator',
};
const LEVEL: Record<string, string> = {
  participation: 'a certificate of participation',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '';

/** What happened, in words. Unknown kinds fall back to their name. */
export function describe(e: Entry): string {
  const d = e.detail;
  switch (e.kind) {
    case 'round.created':
      return `Created the round (${WAVE[str(d.wave)] ?? str(d.wave)}, ${longDate(str(d.opensOn))} to ${longDate(str(d.closesOn))})`;
    case 'round.closed':
      return 'Closed the round';
    case 'round.locked':
      return 'Submitted the round for the award (locked)';
    case 'code.issued':
      return `Issued a class code for ${str(d.classLabel)} (${str(d.classSize)} pupils)`;
    case 'code.revoked':
      return `Revoked the class code for ${str(d.classLabel)}`;
    case 'audit.saved':
      return `Saved the audit (${str(d.rated)} of ${str(d.statements)} statements rated)`;
    case 'plan.saved':
      return `Saved the action plan (${str(d.objectives)} objectives, ${str(d.actions)} actions)`;
    case 'school.enrolled':
      return `Enrolled the school in the programme year ${str(d.year)}`;
    case 'window.opened':
      return `Opened a survey window (${WAVE[str(d.wave)] ?? str(d.wave)}, ${longDate(str(d.opensOn))} to ${longDate(str(d.closesOn))})`;
    case 'end-survey.sent':
      return `Sent the end-of-programme survey for ${str(d.year)}`;
    case 'evidence.added':
      return `Added ${str(d.file) ? 'a file' : 'an item'} to the evidence portfolio`;
    case 'evidence.removed':
      return 'Removed an item from the evidence portfolio';
    case 'moderation.submitted':
      return `Submitted the school for moderation (${str(d.year)})`;
    case 'moderation.decided':
      return d.outcome === 'more-evidence'
        ? 'Asked the school for more evidence'
        : `Decided on ${LEVEL[str(d.level)] ?? str(d.level)}${d.secondSignOff ? ', for a second moderator to sign off' : ''}`;
    case 'moderation.signed-off':
      return `Signed off the decision on ${LEVEL[str(d.level)] ?? str(d.level)}`;
    case 'moderation.interest':
      return 'Declared they lead or work at the school, so will not moderate it';
    case 'moderation.note':
      return `Wrote a visit note (${longDate(str(d.visitedOn))})`;
    case 'award.renewal-reminder':
      return `Sent a renewal reminder: the award expires on ${longDate(str(d.expiresOn))}`;
    case 'cpd.course-recorded':
      return 'Recorded a training course';
    case 'cpd.session-recorded':
      return 'Recorded a training session and issued its code';
    case 'cpd.code-renewed':
      return 'Gave a training session a new code (the old one stopped working)';
    case 'records.imported':
      return `Imported a class list from the school's records (${str(d.pupils)} pupils, ${str(d.classes)} classes)`;
    case 'tokens.issued':
      return `Printed pupils' own codes for ${str(d.classLabel)} (${str(d.pupils)} pupils)`;
    case 'retention.records-removed':
      return `Deleted the round's class list and pupils' codes (${str(d.pupils)} pupils), as retention requires`;
    case 'pupil.staff-browser':
      return `Started a pupil session for ${str(d.classLabel)} in a browser signed in as staff`;
    case 'perception.link-issued':
      return `Made a 360° survey link for ${str(d.audience) === 'parent-carer' ? 'parents and carers' : str(d.audience)} (${str(d.invited)} people)`;
    default:
      return e.kind;
  }
}

const when = (at: string) =>
  `${longDate(at)}, ${new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;

export function logTable(entries: Entry[], o: { school: boolean }): TemplateResult {
  if (!entries.length) return html`<p>Nothing has been recorded yet.</p>`;
  return html`<ol class="log">
    ${entries.map(
      (e) =>
        html`<li class="log__entry">
          <p class="log__what">${describe(e)}</p>
          <p class="log__meta">
            <time datetime=${e.at}>${when(e.at)}</time> ·
            ${e.actor ? `${e.actor.name} (${ROLE[e.actor.role] ?? e.actor.role})` : 'The portal'}
            ${o.school && e.school ? html` · ${e.school.name}` : ''}
            ${e.round ? html` · round ${e.round}` : ''}
          </p>
        </li>`,
    )}
  </ol>`;
}
