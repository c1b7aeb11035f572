// Benchmark (prints, asserts nothing): how many responses per second validateResponse checks, the
// cost a server pays per submission. Run with `pnpm bench`.
import { performance } from 'node:perf_hooks';
import { QuestionnaireDefinition, validateResponse } from '@all-together/model';
import { questionnaireInput, responseInput } from '../src/test-helpers/examples.js';

const definition = QuestionnaireDefinition.parse(questionnaireInput());
const inputs = Array.from({ length: 2000 }, (_, i) => {
  const r = responseInput();
  r.answers['feel-safe'] = i % 2 ? 'agree' : 'disagree';
  return r;
});

// Warm up, then take the best of five rounds: the machine is shared and noisy.
for (const input of inputs.slice(0, 500)) validateResponse(definition, input);
const rounds: number[] = [];
for (let round = 0; round < 5; round++) {
  const start = performance.now();
  for (const input of inputs)
    if (!validateResponse(definition, input).ok) throw new Error('invalid');
  rounds.push(performance.now() - start);
}
const best = Math.min(...rounds);
const median = [...rounds].sort((a, b) => a - b)[2]!;
console.log(
  `validateResponse: ${Math.round((inputs.length / best) * 1000).toLocaleString('en-GB')} responses/s best, ` +
    `${Math.round((inputs.length / median) * 1000).toLocaleString('en-GB')} median ` +
    `(${inputs.length} responses × 5 rounds, ${((best / inputs.length) * 1000).toFixed(1)} µs each)`,
);
