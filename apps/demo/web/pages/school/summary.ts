/**
 * "You and your trust" (or local authority): a one-round summary a lead can print or save as a PDF
 * for governors — the school's headline figures beside the rest of its area at the same wave, with
 * the difference and whether it is significant, in words. The same publication as the results
 * page (the same request), so the summary matches what is on screen.
 */
import { html, nothing } from 'lit';
import type { PublishedComparison, PublishedPool } from '@all-together/model';
import { call, client } from '../../api.js';
import { HEADLINE, indicatorName, poolName, show as shown } from '../../tables.js';
import { longDate, show } from '../../ui.js';
import { WAVE } from './words.js';

const DIRECTION: Record<string, string> = {
  improved: 'better than the rest',
  worse: 'worse than the rest',
  higher: 'higher than the rest',
  lower: 'lower than the rest',
  'no-significant-change': 'no significant difference',
  'not-comparable': 'cannot be compared',
};

/** In words: how far and whether it is significant ("5 points higher, significant"). */
function difference(g: PublishedComparison | undefined): string {
  if (!g) return 'not compared';
  if (!('value' in g.difference)) return `${g.difference.symbol} (hidden)`;
  const d = g.difference.value;
  const size = d === 0 ? 'the same' : `${Math.abs(d)} points ${d > 0 ? 'higher' : 'lower'}`;
  const meaning = g.direction ? DIRECTION[g.direction] : null;
  return meaning ? `${size}: ${meaning}` : size;
}

export async function summaryPage(urn: string, round: string): Promise<void> {
  const r = await call(
    client.schools[':urn'].rounds[':round'].results.$get({ param: { urn, round } }),
  );
  const area = r.comparator === 'trust' ? 'trust' : 'local authority';
  const wave = r.round.wave;
  const rows = (pool: PublishedPool) =>
    HEADLINE.flatMap((indicator) => {
      const table = pool[wave]?.binary.find(
        (t) => t.indicator === indicator && t.dimension === 'all',
      );
      if (!table) return [];
      const compared = pool.comparisons.find(
        (c) => c.wave === wave && c.indicator === indicator && c.dimension === 'all',
      );
      const g = compared?.groups.find((x) => x.key === 'all') ?? compared?.groups[0];
      return [{ indicator, info: pool.indicators[indicator], mine: table.total, g }];
    });
  show(
    html`<div class="report">
      <p class="no-print">
        <a href="/school/results/${encodeURIComponent(round)}" class="back-link"
          >Back to the results</a
        >
      </p>
      <p class="no-print">
        <button type="button" class="button" @click=${() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <header class="report__header">
        <p class="caption">${r.school.name}</p>
        <h1>You and your ${area}</h1>
        <p>
          ${WAVE[wave]}, round ${r.round.id} (programme year ${r.round.programmeYear}) · produced
          ${longDate(new Date().toISOString())}
        </p>
      </header>
      <p>
        Your pupils' answers beside the rest of the ${area}'s schools at the same survey, from the
        figures published to you. The rest of the ${area} is rounded to the nearest 5; a figure
        about too few pupils is hidden, so that no one can work out a child's answers.
      </p>
      ${r.results.pools.map((pool) => {
        const list = rows(pool);
        const note = pool.comparator[wave];
        return html`<h2>${poolName(pool.comparableAs)}</h2>
          ${note && !note.allowed ? html`<p class="inset">${note.reason}</p>` : nothing}
          <table>
            <caption class="visually-hidden">
              ${poolName(pool.comparableAs)}: your school and the rest of the ${area}
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" class="num">Your school</th>
                <th scope="col" class="num">Rest of the ${area}</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              ${list.map(
                (x) =>
                  html`<tr>
                    <th scope="row">${indicatorName(x.info, x.indicator)}</th>
                    <td class="num">${shown(x.mine.percent, '%')}</td>
                    <td class="num">${x.g ? shown(x.g.comparator.percent, '%') : '[x]'}</td>
                    <td>${difference(x.g)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            list[0]
              ? html`<p class="notes">
                  Your school: based on ${shown(list[0].mine.base)} pupils' answers.
                </p>`
              : nothing
          }`;
      })}
      <p class="report__footer">
        "Significant" means the difference is unlikely to be chance alone (95% confidence).
        Differences are worked out before the percentages are rounded, so one may be a point away
        from the two figures beside it.
      </p>
    </div>`,
    `You and your ${area}: ${r.school.name}`,
  );
}
