import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditResponse, check, validateResponse } from '@all-together/model';
import { allFixtures } from '../scripts/fixtures.js';
import { getDefinition } from './index.js';

const root = new URL('../fixtures/', import.meta.url).pathname;

describe('fixtures (one set for tests, stories and accessibility checks)', () => {
  for (const [key, fixtures] of allFixtures()) {
    const [id, version] = key.split('/') as [string, string];
    describe(key, () => {
      it('has empty, partial, complete and invalid cases', () => {
        const names = fixtures.map((f) => f.name);
        assert.ok(names.includes('empty') && names.includes('partial'));
        assert.ok(names.some((n) => n.startsWith('complete')));
        assert.ok(names.some((n) => n.startsWith('invalid-')));
      });
      for (const fixture of fixtures) {
        it(`${fixture.name}: committed, current, and ${fixture.expect === true ? 'valid' : `refused at ${fixture.expect.join(', ')}`}`, () => {
          const file = join(root, key, `${fixture.name}.json`);
          assert.ok(
            existsSync(file),
            `missing fixtures/${key}/${fixture.name}.json: run \`pnpm fixtures\``,
          );
          assert.equal(
            readFileSync(file, 'utf8'),
            JSON.stringify(fixture, null, 2) + '\n',
            'stale: run `pnpm fixtures`',
          );
          const def = getDefinition(id, version);
          const result =
            def.kind === 'audit'
              ? check(AuditResponse, fixture.response)
              : validateResponse(def, fixture.response);
          if (fixture.expect === true) {
            if (!result.ok)
              assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
          } else {
            assert.equal(result.ok, false);
            if (!result.ok)
              assert.deepEqual(
                [...new Set(result.problems.map((p) => p.at))].sort(),
                [...fixture.expect].sort(),
              );
          }
        });
      }
    });
  }
});
