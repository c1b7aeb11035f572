/**
 * One fixture set for `<at-evidence>` and `<at-moderation>` (empty, partial, complete, invalid),
 * shared by their stories, tests and the strict-CSP scenario. Synthetic: no pupil appears in any
 * of it.
 */
import type { EvidenceItem, ModerationDecision } from '@all-together/model';
import { audit } from '../../test-helpers/audit-data.js';

/** The audit's areas, as a host passes them (number and title in English). */
export const areas = audit.areas.map((a) => ({
  number: a.number,
  title: typeof a.title === 'string' ? a.title : (a.title['en-GB'] ?? ''),
}));

export const actions = [
  {
    id: '6f1c2a3e-0000-4000-8000-00000000a001',
    title: 'Train lunchtime staff in restorative talks',
  },
];

const id = (n: number) =>
  `6f1c2a3e-0000-4000-8000-${String(n).padStart(12, '0')}` as EvidenceItem['id'];
const SHA = 'a'.repeat(64);

/** One item in each area, a file on the first, a link on the second, one for an action. */
export const completeItems: EvidenceItem[] = [
  ...areas.map((a, i): EvidenceItem => ({
    id: id(i + 1),
    area: String(a.number),
    action: null,
    kind: (['document', 'minutes', 'observation', 'survey', 'other'] as const)[i % 5]!,
    description: `Synthetic evidence for area ${a.number}: minutes and notes of the working group`,
    date: `2026-0${(i % 6) + 3}-14`,
    url: i === 1 ? 'https://example.org/newsletter' : null,
    file:
      i === 0
        ? { name: 'policy-review.pdf', type: 'application/pdf', size: 184_320, sha256: SHA }
        : null,
  })),
  {
    id: id(99),
    area: null,
    action: actions[0]!.id,
    kind: 'document',
    description: 'Register of the lunchtime staff training session held in the spring term',
    date: '2026-04-20',
    url: null,
    file: null,
  },
];

export const partialItems = completeItems.slice(0, 2);

/** Not items: an item for both an area and an action, and one with no description. */
export const invalidItems = [
  { ...completeItems[0], action: actions[0]!.id },
  { ...completeItems[1], description: '' },
];

export const decisions: ModerationDecision[] = [
  {
    id: id(500) as ModerationDecision['id'],
    outcome: 'more-evidence',
    level: null,
    reasons: 'Please add the minutes of the school council meeting about the playground charter.',
    decidedBy: 'A. Moderator (synthetic)',
    decidedAt: '2026-11-20T10:00:00Z',
    signOff: null,
  },
  {
    id: id(501) as ModerationDecision['id'],
    outcome: 'change-level',
    level: 'bronze',
    reasons: 'The work seen on the visit meets Bronze; the SEND figures need another year.',
    decidedBy: 'A. Moderator (synthetic)',
    decidedAt: '2026-12-01T10:00:00Z',
    signOff: { by: null, at: null, reasons: null },
  },
];
