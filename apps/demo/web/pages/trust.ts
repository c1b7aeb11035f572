/**
 * Trust administrator: suppressed aggregates only (D8), per school and for the trust, the CSV, and
 * the activity log of every school.
 */
import { html } from 'lit';
import { call, client } from '../api.js';
import { indicatorName, publishedTable, show as showCell } from '../tables.js';
import { navigate, show } from '../ui.js';
import { logTable } from './log-view.js';

export async function trustPage(): Promise<void> {
  const wave = new URLSearchParams(location.search).get('wave') === 'end' ? 'end' : 'baseline';
  const o = await call(client.trust.overview.$get({ query: { wave } }));
  const headline = o.trust.published.filter((t) => t.dimension === 'all').map((t) => t.indicator);
  show(
    html`<h1>Your trust</h1>
      <p>
        ${o.trust.schools} schools with results at
        ${wave === 'end' ? 'Time 2 (end)' : 'Time 1 (baseline)'}. Figures are rounded to the nearest
        5 and small groups are hidden to protect pupils.
      </p>
      <ul class="inline-links">
        <li>
          <a href="/trust?wave=baseline" aria-current=${wave === 'baseline' ? 'page' : 'false'}
            >Time 1</a
          >
        </li>
        <li>
          <a href="/trust?wave=end" aria-current=${wave === 'end' ? 'page' : 'false'}>Time 2</a>
        </li>
        <li><a href="/api/trust/export.csv" download>Download the figures (CSV)</a></li>
        <li><a href="/trust/log">Activity log</a></li>
      </ul>
      <h2>Schools</h2>
      <div class="table-wrap" role="region" aria-labelledby="schools-caption" tabindex="0">
        <table>
          <caption id="schools-caption">
            Per cent of pupils, by school
          </caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              ${headline.map((k) => html`<th scope="col" class="num">${indicatorName(k)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${o.schools.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.name}</th>
                  ${headline.map((k) => {
                    const t = s.published.find((p) => p.indicator === k);
                    return html`<td class="num">${t ? showCell(t.total.percent, '%') : '[x]'}</td>`;
                  })}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2>The whole trust</h2>
      ${o.trust.published
        .filter((t) => t.dimension === 'all' || t.dimension === 'sen')
        .map((t) => publishedTable(t))}`,
    'Your trust',
  );
}

export async function trustLogPage(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const school = params.get('school') || undefined;
  const before = params.get('before') || undefined;
  const r = await call(
    client.trust.log.$get({
      query: { ...(school ? { school } : {}), ...(before ? { before } : {}) },
    }),
  );
  const older = new URLSearchParams({
    ...(school ? { school } : {}),
    ...(r.next ? { before: r.next } : {}),
  });
  show(
    html`<p><a href="/trust" class="back-link">Back to your trust</a></p>
      <h1>Activity log</h1>
      <p>
        Every change to a school's rounds, class codes, audits and action plans: who made it and
        when. Pupils' answers are never in it, and nothing can be changed or deleted.
      </p>
      <form method="get" action="/trust/log" class="filter" @submit=${filter}>
        <label for="log-school">School</label>
        <select id="log-school" name="school">
          <option value="">All schools</option>
          ${r.schools.map(
            (s) => html`<option value=${s.urn} ?selected=${s.urn === school}>${s.name}</option>`,
          )}
        </select>
        <button type="submit" class="button button--secondary">Show</button>
      </form>
      ${logTable(r.entries, { school: true })}
      ${r.next ? html`<p><a href="/trust/log?${older}">Older entries</a></p>` : ''}`,
    'Activity log',
  );
}

/** The filter changes the address (so Back works) and redraws through the router. */
function filter(event: Event): void {
  event.preventDefault();
  const value = String(new FormData(event.target as HTMLFormElement).get('school') ?? '');
  navigate(value ? `/trust/log?school=${encodeURIComponent(value)}` : '/trust/log');
}
