// How often the figure for pupils with SEND ("any SEND") is hidden although at least k pupils with
// SEND answered (issue 14's report): for the demo's synthetic trust and for random schools of 100–400
// pupils, before (one table at a time, the first release's rule) and after (everything published
// together, focus groups hidden last). Prints, asserts nothing. Run with `pnpm bench`.
import { DEFAULT_DISCLOSURE_CONTROL } from '@all-together/model';
import { generateCohort, getQuestionnaire } from '@all-together/questionnaires';
import { breakdown, publishResults, suppressionPattern, summariseEach } from '../src/index.js';

const k = DEFAULT_DISCLOSURE_CONTROL.minCellSize;
const definitions = {
  'pupil-ks1': getQuestionnaire('pupil-ks1'),
  'pupil-ks2': getQuestionnaire('pupil-ks2'),
  'pupil-secondary': getQuestionnaire('pupil-secondary'),
};
const INDICATOR = 'victimisation.frequent';

function measure(label: string, seed: number, schools: number, sizes: [number, number]) {
  const cohort = generateCohort({
    seed,
    schools,
    pupilsPerSchool: sizes,
    waves: ['baseline'],
    definitions,
  });
  let eligible = 0;
  let hiddenBefore = 0;
  let hiddenAfter = 0;
  let percentBefore = 0;
  let percentAfter = 0;
  for (const school of cohort.schools) {
    const summaries = summariseEach(
      cohort.responses.filter((r) => r.school === school.urn),
      { wave: 'baseline', definitions: Object.values(definitions), schools: cohort.schools },
    );
    const published = publishResults({ baseline: summaries }, { viewer: 'school' });
    for (const summary of summaries) {
      if (!summary.binary[INDICATOR]) continue;
      const b = breakdown(summary, INDICATOR, 'sen');
      const anySen = b.derived.find((d) => d.key === 'any-sen')!.value;
      if (anySen.base < k) continue;
      eligible++;
      // Before: the first release's pattern, one table at a time.
      const table = {
        total: b.total.base,
        groups: b.groups.map((g) => ({ key: g.key, base: g.value.base })),
        derived: b.derived.map((d) => ({ key: d.key, of: d.of })),
      };
      const old = suppressionPattern(table);
      const oldCounts = suppressionPattern(table, {
        ...DEFAULT_DISCLOSURE_CONTROL,
        minCellSize: 20,
      });
      if (!old.groups['any-sen']!.shown) hiddenBefore++;
      if (
        anySen.base >= 20 &&
        !(old.groups['any-sen']!.shown && oldCounts.groups['any-sen']!.shown)
      )
        percentBefore++;
      // After: the same school's own published results.
      const pool = published.pools.find((p) => p.comparableAs === summary.comparableAs)!;
      const t = pool.baseline!.binary.find(
        (x) => x.indicator === INDICATOR && x.dimension === 'sen',
      )!;
      const cell = t.derived.find((d) => d.key === 'any-sen')!;
      if (!('value' in cell.base)) hiddenAfter++;
      if (anySen.base >= 20 && !('value' in cell.percent)) percentAfter++;
    }
  }
  const pct = (n: number, of: number) => (of === 0 ? '–' : `${((n * 100) / of).toFixed(1)}%`);
  console.log(
    `  ${label}: ${eligible} school tables with at least ${k} pupils with SEND; "any SEND" hidden ${hiddenBefore} (${pct(hiddenBefore, eligible)}) before, ${hiddenAfter} (${pct(hiddenAfter, eligible)}) after; its percentage hidden on a base of 20+ ${percentBefore} before, ${percentAfter} after`,
  );
}

console.log("SEND visibility (frequent victimisation by SEND, the school's own view):");
measure('the demo trust (8 schools, seed 2026)', 2026, 8, [60, 180]);
measure('200 random schools of 100–400 pupils', 99, 200, [100, 400]);
