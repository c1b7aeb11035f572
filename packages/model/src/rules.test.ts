import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { build } from 'esbuild';
import {
  QuestionnaireDefinition,
  QuestionnaireResponse,
  RoundId,
  Urn,
  Wave,
  validateResponse,
} from './index.js';
import { isRoundId, isUrn, isWave, responseProblems } from './rules.js';
import { questionnaireInput, responseInput } from './test-helpers/examples.js';
import type { Untyped } from './test-helpers/assertions.js';

const here = dirname(fileURLToPath(import.meta.url));
const definition = QuestionnaireDefinition.parse(questionnaireInput());

describe('the zod-free rules (@all-together/model/rules.js)', () => {
  it('bring no zod with them: a browser that trusts a definition loads no schema library', async () => {
    const result = await build({
      entryPoints: [join(here, 'rules.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(
      inputs.filter((p) => /node_modules\/.*zod\//.test(p)),
      [],
      `rules.ts pulls in: ${inputs.join(', ')}`,
    );
  });

  it('isUrn, isWave and isRoundId accept exactly what the schemas accept', () => {
    const samples = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9]{5,7}$/),
      fc.stringMatching(/^[a-z0-9._-]{0,90}$/),
      fc.constantFrom('baseline', 'end', 'Baseline', '', '2026-27-baseline', 'a--b', '012345'),
      fc.anything(),
    );
    fc.assert(
      fc.property(samples, (v) => {
        assert.equal(isUrn(v), Urn.safeParse(v).success, `Urn ${JSON.stringify(v)}`);
        assert.equal(isWave(v), Wave.safeParse(v).success, `Wave ${JSON.stringify(v)}`);
        assert.equal(isRoundId(v), RoundId.safeParse(v).success, `RoundId ${JSON.stringify(v)}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('responseProblems gives the same problems as validateResponse for a response of the right shape', () => {
    const mutations: ((r: Untyped) => void)[] = [
      () => {},
      (r) => (r.answers['feel-safe'] = 'agree-totally'),
      (r) => (r.answers['no-such-item'] = 'agree'),
      (r) => (r.definition.version = '9.9.9'),
      (r) => delete r.answers['feel-safe'],
    ];
    for (const mutate of mutations) {
      const input = responseInput() as Untyped;
      mutate(input);
      const parsed = QuestionnaireResponse.safeParse(input);
      if (!parsed.success) continue;
      const full = validateResponse(definition, input);
      const rules = responseProblems(definition, parsed.data);
      assert.deepEqual(rules, full.ok ? [] : full.problems);
    }
  });
});
