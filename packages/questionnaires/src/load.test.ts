import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '@all-together/model';
import { QuestionnaireFragment, parseDefinition } from './index.js';
import { DEFINITION_FILES, FRAGMENT_FILES } from './catalogue.js';

const en = (t: string) => ({ 'en-GB': t });
const audit = {
  kind: 'audit',
  id: 'tiny-audit',
  version: '0.1.0',
  title: en('Audit'),
  locales: ['en-GB'],
  defaultLocale: 'en-GB',
  areas: [
    {
      number: 1,
      title: en('Leadership'),
      statements: [
        {
          id: '1.1',
          text: en('A senior leader coordinates our approach.'),
          descriptors: {
            'fully-met': en('Yes'),
            'partially-met': en('Partly'),
            'not-yet-met': en('Not yet'),
          },
          guidance: { why: en('Someone must own it.') },
          evidencePrompts: [en('Job description')],
        },
      ],
    },
  ],
};

describe('parseDefinition', () => {
  it('parses an audit from JSON text and tells kinds apart', () => {
    const result = parseDefinition(JSON.stringify(audit), 'tiny-audit/0.1.0.json');
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.value.kind, 'audit');
  });

  it('names the file and the path of every problem', () => {
    const bad = structuredClone(audit) as Record<string, unknown>;
    bad.version = 'one';
    const result = parseDefinition(bad, 'tiny-audit/0.1.0.json');
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.problems[0]?.at, 'version');
      assert.match(
        result.problems[0]!.message,
        /^tiny-audit\/0\.1\.0\.json: A version is semantic/,
      );
    }
  });

  it('reports broken JSON instead of throwing', () => {
    const result = parseDefinition('{"kind": "audit",', 'broken.json');
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.problems[0]!.message, /^broken\.json: not valid JSON/);
  });

  it('refuses an unknown kind at the path "kind"', () => {
    const result = parseDefinition({ ...audit, kind: 'quiz' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problems[0]?.at, 'kind');
  });
});

describe('"$schema" in a definition file', () => {
  // What an author writes at the top of a file to get completion and checks in their editor.
  const withSchema = (data: unknown, schema: string) =>
    `{\n  "$schema": ${JSON.stringify(schema)},\n${JSON.stringify(data, null, 2).slice(2)}`;

  for (const file of DEFINITION_FILES) {
    it(`${file.path} still parses with a "$schema" line`, () => {
      const kind = (file.data as { kind: string }).kind;
      const text = withSchema(
        file.data,
        `../../node_modules/@all-together/model/schema/${kind}-definition.json`,
      );
      const result = parseDefinition(text, file.path);
      assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
    });
  }

  for (const file of FRAGMENT_FILES) {
    it(`${file.path} still parses with a "$schema" line`, () => {
      const result = check(QuestionnaireFragment, JSON.parse(withSchema(file.data, './x.json')));
      assert.equal(result.ok, true, result.ok ? '' : JSON.stringify(result.problems.slice(0, 3)));
    });
  }
});
