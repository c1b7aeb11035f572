import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definitionJsonSchemas } from './index.js';
import type { Untyped } from './test-helpers/assertions.js';

describe('JSON Schema for definition authors', () => {
  const schemas = definitionJsonSchemas();

  it('describes a questionnaire definition with its required fields and item types', () => {
    const q = schemas['questionnaire-definition'] as Untyped;
    assert.equal(q.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(q.type, 'object');
    for (const key of [
      'kind',
      'id',
      'version',
      'title',
      'audience',
      'locales',
      'sections',
      'help',
    ]) {
      assert.ok(q.required.includes(key), `required ${key}`);
    }
    // Defaults (parameters, scales) are optional for authors: the schema describes the input shape.
    assert.ok(!q.required.includes('scales'));
    const text = JSON.stringify(q);
    for (const type of [
      'frequency',
      'agreement',
      'faces',
      'single-choice',
      'multi-select',
      'yes-no',
      'free-text',
    ]) {
      assert.ok(text.includes(`"const":"${type}"`), `item type ${type}`);
    }
    assert.equal(q.additionalProperties, false);
  });

  it('describes an audit definition', () => {
    const a = schemas['audit-definition'] as Untyped;
    assert.deepEqual(a.properties.kind, { type: 'string', const: 'audit' });
    assert.ok(a.required.includes('areas'));
  });

  it('is plain JSON (round-trips through JSON.stringify)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(schemas)), schemas);
  });
});
