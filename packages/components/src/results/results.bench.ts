// Benchmark (not a test): run by `pnpm bench` through scripts/bench-results.mjs, never by `wtr`'s
// normal `*.test.ts` glob. Prints the time from a user's breakdown switch to the updated render
// for the published results of 100,000 pupils; the target is one frame (16 ms). No timed
// assertions.
import { html, render } from 'lit';
import { expect } from '@open-wc/testing';
import './at-results.js';
import type { AtResults } from './results.js';
import { RESULTS_DIMENSIONS } from './results.model.js';
import { resultsFixture } from './test-helpers/results-fixtures.js';

const SWITCHES = 50;

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (n = ${samples.length})`;
}

describe('bench: <at-results> breakdown switch', () => {
  it('100,000 pupils', async () => {
    const t0 = performance.now();
    const f = resultsFixture({ seed: 2026, schools: 100, pupilsPerSchool: [950, 1050] });
    const count = (w: readonly { respondents: { all: number } }[]) =>
      w.reduce((n, s) => n + s.respondents.all, 0);
    const pupils = count(f.raw.la.end) + count(f.raw.la.baseline);
    console.log(
      `[bench-results] cohort: ${pupils.toLocaleString('en-GB')} responses (${count(f.raw.la.end).toLocaleString('en-GB')} pupils at Time 2), summarised and published in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    for (const view of ['breakdown', 'change', 'comparison'] as const) {
      const host = document.createElement('div');
      document.body.append(host);
      const scope = view === 'comparison' ? 'trust' : 'la';
      render(
        html`<at-results
          view=${view}
          scope=${scope}
          .results=${scope === 'la' ? f.la : f.trust}
        ></at-results>`,
        host,
      );
      const el = host.querySelector('at-results') as AtResults;
      await el.updateComplete;
      for (const prepared of [false, true]) {
        const update: number[] = [];
        const frame: number[] = [];
        for (let i = 0; i < SWITCHES + 5; i++) {
          if (prepared) {
            // As a person would: a moment passes before the next switch.
            await new Promise((r) => setTimeout(r, 120));
          } else {
            // After another input changed (the indicator), as when a host sets a property.
            el.indicator =
              el.indicator === 'victimisation.frequent'
                ? 'victimisation.any'
                : 'victimisation.frequent';
            await el.updateComplete;
          }
          const next =
            RESULTS_DIMENSIONS[
              (RESULTS_DIMENSIONS.indexOf(el.dimension) + 1) % RESULTS_DIMENSIONS.length
            ]!;
          const radio = el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${next}"]`)!;
          const start = performance.now();
          radio.click(); // the user's switch: change event → property → render
          await el.updateComplete;
          const updated = performance.now();
          // Force style and layout of the new chart, so the figure includes what the browser must do.
          void el.shadowRoot!.querySelector('.base')!.getBoundingClientRect().height;
          const laidOut = performance.now();
          if (i >= 5) {
            update.push(updated - start);
            frame.push(laidOut - start);
          }
        }
        const how = prepared ? 'repeat switch' : 'after an input change';
        console.log(
          `[bench-results] ${view} (${scope}), ${how}, switch → updateComplete: ${stats(update)}`,
        );
        console.log(
          `[bench-results] ${view} (${scope}), ${how}, switch → update + layout:  ${stats(frame)}`,
        );
      }
      expect(el.dimension).to.be.oneOf([...RESULTS_DIMENSIONS]);
      host.remove();
    }
  });
});
