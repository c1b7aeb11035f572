/**
 * Synthetic incident records for tests, stories and the CSP scenario: no pupil is in them (people
 * are by role and a made-up reference, as the model requires).
 */
import type { IncidentRecord, IncidentType } from '@all-together/model';

const details = (
  types: IncidentType[],
  prejudice = false,
): NonNullable<IncidentRecord['details']> => ({
  types,
  setting: 'offline',
  prejudiceRelated: prejudice,
  characteristics: prejudice ? ['disability-send'] : [],
  safeguarding: false,
  whatHappened: '',
  impact: '',
  targetWishes: '',
  actions: [],
  outcome: 'resolved',
});

const record = (
  n: number,
  occurredOn: string,
  status: IncidentRecord['status'],
  types: IncidentType[] | null,
  location: IncidentRecord['allegation']['location'] = 'playground',
  prejudice = false,
): IncidentRecord => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  school: '100001',
  status,
  allegation: {
    occurredOn,
    occurredAt: '12:40',
    location,
    reportedBy: 'staff',
    alleged: 'Pushed in the lunch queue on several days.',
    people: [
      { involvement: 'target', role: 'pupil', reference: `P-${String(n).padStart(4, '0')}` },
    ],
  },
  details: types ? details(types, prejudice) : null,
  decidedOn: status === 'allegation' ? null : occurredOn,
  recordedOn: occurredOn,
  updatedOn: occurredOn,
});

/** Seven records over three terms of 2026-27: autumn 3 (one prejudice-related), spring 3, summer 1. */
export const incidents: IncidentRecord[] = [
  record(1, '2026-09-15', 'substantiated', ['verbal']),
  record(2, '2026-10-02', 'not-substantiated', null, 'classroom'),
  record(3, '2026-11-19', 'substantiated', ['physical', 'verbal'], 'corridor', true),
  record(4, '2027-01-12', 'substantiated', ['online'], 'online'),
  record(5, '2027-02-03', 'allegation', null, 'toilets'),
  record(6, '2027-03-31', 'substantiated', ['relational']),
  record(7, '2027-04-01', 'allegation', null, 'dining-hall'),
];

/** Records with problems: a name where a reference goes, and a status the model does not know. */
export const invalidIncidents: unknown[] = [
  { ...incidents[0], status: 'maybe' },
  {
    ...incidents[1],
    allegation: {
      ...incidents[1]!.allegation,
      people: [{ involvement: 'target', role: 'pupil', reference: 'Jane Smith' }],
    },
  },
];
