// Benchmark (prints, asserts nothing): score and fully break down 1,000,000 synthetic responses, and
// merge 20,000 school summaries. Run with `pnpm bench`. Figures are best and median of several
// rounds, because these machines are shared and noisy.
import { performance } from 'node:perf_hooks';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import {
  DIMENSIONS,
  breakdown,
  compilePlan,
  createPacked,
  mergeSummaries,
  packResponses,
  scoreBreakdown,
  summarisePacked,
  type PackedResponses,
} from '../src/index.js';

const N = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const ROUNDS = 5;
const secondary = getQuestionnaire('pupil-secondary');
const plan = compilePlan(secondary);

// 20,000 realistic responses from the synthetic cohort, tiled into N packed responses.
const cohort = generateCohort({
  seed: 99,
  schools: 100,
  pupilsPerSchool: [200, 200],
  secondaryShare: 1,
  waves: ['baseline'],
  definitions: { 'pupil-ks2': getQuestionnaire('pupil-ks2'), 'pupil-secondary': secondary },
});
const seedRows = packResponses(
  plan,
  'baseline',
  cohort.responses.filter((r) => r.definition.id === secondary.id),
  new Map(cohort.schools.map((s) => [s.urn as string, s])),
);
const packed: PackedResponses = createPacked(plan, 'baseline', N);
for (let start = 0; start < N; start += seedRows.length) {
  const take = Math.min(seedRows.length, N - start);
  packed.columns.forEach((col, c) => col.set(seedRows.columns[c]!.subarray(0, take), start));
  for (const d of DIMENSIONS) packed.groups[d].set(seedRows.groups[d].subarray(0, take), start);
}
packed.length = N;
packed.schools = seedRows.schools;

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
};
const rate = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en-GB');

// The plain single pass: read every packed answer once and add it up; the floor for any scoring.
let checksum = 0;
const plain: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const t = performance.now();
  let sum = 0;
  for (const col of packed.columns) for (let i = 0; i < N; i++) sum += col[i]!;
  for (const d of DIMENSIONS) {
    const g = packed.groups[d];
    for (let i = 0; i < N; i++) sum += g[i]!;
  }
  plain.push(performance.now() - t);
  checksum += sum;
}

let peak = process.memoryUsage().rss;
const scoring: number[] = [];
let figures = 0;
for (let round = 0; round < ROUNDS; round++) {
  const t = performance.now();
  const summary = summarisePacked(packed);
  // "Fully break down": every indicator by every dimension.
  for (const key of Object.keys(summary.binary))
    for (const d of DIMENSIONS) figures += breakdown(summary, key, d).groups.length;
  for (const key of Object.keys(summary.scores))
    for (const d of DIMENSIONS) figures += scoreBreakdown(summary, key, d).groups.length;
  scoring.push(performance.now() - t);
  peak = Math.max(peak, process.memoryUsage().rss);
}

// Merge 20,000 school summaries (100 distinct ones, cycled) into one national summary.
const schoolSummaries = cohort.schools
  .map((s) =>
    cohort.responses.filter((r) => r.school === s.urn && r.definition.id === secondary.id),
  )
  .filter((rs) => rs.length > 0)
  .map((rs) => summarisePacked(packResponses(plan, 'baseline', rs)));
const many = Array.from({ length: 20_000 }, (_, i) => schoolSummaries[i % schoolSummaries.length]!);
const merges: number[] = [];
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  mergeSummaries(many);
  merges.push(performance.now() - t);
}

const p = stats(plain);
const s = stats(scoring);
const m = stats(merges);
console.log(
  `scoring benchmark: ${N.toLocaleString('en-GB')} packed responses to ${plan.definition}, ${plan.columns.length} scored items, ${Object.keys(plan.info).length} indicators × ${DIMENSIONS.length} dimensions (${ROUNDS} rounds)`,
);
console.log(
  `  score + full breakdown: ${rate(s.best)} responses/s best, ${rate(s.median)} median (${s.best.toFixed(0)} ms best)`,
);
console.log(`  plain single pass:      ${rate(p.best)} responses/s best (${p.best.toFixed(0)} ms)`);
console.log(
  `  ratio to the plain pass: ${(s.best / p.best).toFixed(2)}× (best), ${(s.median / p.median).toFixed(2)}× (median)`,
);
console.log(`  peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB`);
console.log(
  `  merge 20,000 school summaries: ${m.best.toFixed(0)} ms best, ${m.median.toFixed(0)} ms median`,
);
console.log(`  (checksum ${checksum % 1000}, ${figures} breakdown cells)`);
