import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod';
import {
  Allegation,
  IncidentDetails,
  IncidentRecord,
  PersonReference,
  TermlyReturn,
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
