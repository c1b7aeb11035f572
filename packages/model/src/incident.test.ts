import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod';
import {
  Allegation,
  IncidentDetails,
  IncidentRecord,
  IncidentUpdate,
  PersonReference,
  TermlyReturn,
  termDates,
  termOf,
  termsOf,
} from './incident.js';

/** Every property name anywhere in a JSON Schema. */
function keys(schema: unknown, out: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((s) => keys(s, out));
  else if (schema && typeof schema === 'object') {
    const props = (schema as { properties?: Record<string, unknown> }).properties;
    if (props) out.push(...Object.keys(props));
    for (const v of Object.values(schema)) keys(v, out);
  }
  return out;
}

describe('incident records hold no names', () => {
  it('no field of an incident or a return is name-shaped', () => {
    const all = [IncidentRecord, TermlyReturn, Allegation, IncidentDetails].flatMap((s) =>
      keys(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })),
    );
    assert.ok(all.includes('reference'), 'the walk sees nested fields');
    const named = all.filter((k) => /name|surname|forename|pupil_?id|upn|dob|birth/i.test(k));
    assert.deepEqual(named, []);
  });

  it('a person is a reference like P-0042, and a name is refused with the reason', () => {
    assert.equal(PersonReference.parse(' y7-113 '), 'Y7-113');
    for (const bad of ['Sam Smith', 'Sam', 'SMITH-J', 'P0042', 'P-', 'ABCDEFG-1', 'P-1234567']) {
      const r = PersonReference.safeParse(bad);
      assert.equal(r.success, false, bad);
      assert.match(r.error!.issues[0]!.message, /never a name/);
    }
  });
});

describe('terms: one definition for the return, the LA and the elements', () => {
  it('a day falls in the term whose span holds it, at every boundary', () => {
    const cases: [string, string][] = [
      ['2026-08-31', '2025-26-summer'],
      ['2026-09-01', '2026-27-autumn'],
      ['2026-12-31', '2026-27-autumn'],
      ['2027-01-01', '2026-27-spring'],
      ['2027-03-31', '2026-27-spring'],
      ['2027-04-01', '2026-27-summer'],
      ['2099-12-01', '2099-00-autumn'],
    ];
    for (const [day, term] of cases) assert.equal(termOf(day), term, day);
  });

  it("every day of a year lies in its term's dates, and the terms tile the year", () => {
    const terms = termsOf('2026-27');
    assert.deepEqual(terms, ['2026-27-autumn', '2026-27-spring', '2026-27-summer']);
    for (let t = Date.UTC(2026, 8, 1); t <= Date.UTC(2027, 7, 31); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const { startsOn, endsOn } = termDates(termOf(day));
      assert.ok(startsOn <= day && day <= endsOn, day);
    }
    assert.equal(termDates('2026-27-autumn').startsOn, '2026-09-01');
    assert.equal(termDates('2026-27-summer').endsOn, '2027-08-31');
  });
});

describe('IncidentUpdate: the rules between fields, in one place', () => {
  const allegation = {
    occurredOn: '2026-11-02',
    location: 'playground',
    reportedBy: 'target',
    alleged: 'Pushed over at break.',
  };
  const details = {
    types: ['physical'],
    setting: 'offline',
    prejudiceRelated: false,
    safeguarding: false,
    outcome: 'resolved',
  };
  const messages = (v: unknown) => {
    const r = IncidentUpdate.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('a substantiated incident needs its details', () => {
    assert.deepEqual(messages({ allegation, status: 'substantiated' }), [
      'details: Complete the incident: its type, online or offline, and the outcome.',
    ]);
    assert.deepEqual(messages({ allegation, status: 'substantiated', details }), []);
  });

  it('characteristics belong to a prejudice-related incident, which needs one', () => {
    assert.deepEqual(
      messages({
        allegation,
        status: 'substantiated',
        details: { ...details, characteristics: ['race'] },
      }),
      ['details.characteristics: Choose characteristics only for a prejudice-related incident.'],
    );
    assert.deepEqual(
      messages({
        allegation,
        status: 'substantiated',
        details: { ...details, prejudiceRelated: true },
      }),
      ['details.characteristics: Choose the characteristic it was perceived to target.'],
    );
  });

  it('details of a record not found to be bullying are not kept', () => {
    const r = IncidentUpdate.parse({ allegation, status: 'not-substantiated', details });
    assert.equal(r.details, null);
    assert.equal(IncidentUpdate.parse({ allegation, status: 'allegation' }).details, null);
  });
});
