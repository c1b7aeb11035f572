import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuditDefinition, QuestionnaireDefinition, check, definitionJsonSchemas } from './index.js';
import type { Untyped } from './test-helpers/assertions.js';
import { auditInput, questionnaireInput } from './test-helpers/examples.js';

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

  // An author's editor validates a file through its "$schema" line; parsing must accept that line.
  const SCHEMA_LINE = '../node_modules/@all-together/model/schema/questionnaire-definition.json';

  it('accepts a "$schema" line in a questionnaire definition and keeps it optional', () => {
    const result = check(QuestionnaireDefinition, {
      $schema: SCHEMA_LINE,
      ...questionnaireInput(),
    });
    assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems));
    assert.equal(check(QuestionnaireDefinition, questionnaireInput()).ok, true);
  });

  it('accepts a "$schema" line in an audit definition', () => {
    const result = check(AuditDefinition, { $schema: SCHEMA_LINE, ...auditInput() });
    assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems));
  });

  it('refuses a "$schema" that is not a string', () => {
    const result = check(QuestionnaireDefinition, { $schema: 7, ...questionnaireInput() });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problems[0]?.at, '$schema');
  });

  it('lets "$schema" through the JSON Schemas too (no additional-property warning in editors)', () => {
    for (const schema of Object.values(schemas) as Untyped[]) {
      assert.deepEqual(schema.properties.$schema?.type, 'string');
      assert.ok(!schema.required.includes('$schema'));
    }
  });
});
