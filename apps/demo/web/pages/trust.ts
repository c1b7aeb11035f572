/**
 * Trust administrator: suppressed aggregates only (D8), per school and for the trust, the CSV, and
 * the activity log of every school.
 */
import { html } from 'lit';
import type { PublishedPool } from '@all-together/model';
import { call, client } from '../api.js';
import { HEADLINE, poolName, publishedTable, schoolsTable } from '../tables.js';
import { navigate, show } from '../ui.js';
import { logTable } from './log-view.js';

export async function trustPage(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const wave = params.get('wave') === 'end' ? 'end' : 'baseline';
  const asked = params.get('year') || undefined;
  const o = await call(client.trust.overview.$get({ query: asked ? { year: asked } : {} }));
  const at = (w: string) =>
    `/trust?${new URLSearchParams({ ...(o.year ? { year: o.year } : {}), wave: w })}`;
  const pools = o.trust.results.pools.filter((p) => p[wave]);
  const tablesOf = (pool: PublishedPool) => pool[wave]?.binary ?? [];
  show(
    html`<h1>Your trust</h1>
      <p>
        ${o.trust.schools} schools with results at
        ${wave === 'end' ? 'Time 2 (end)' : 'Time 1 (baseline)'}${
          o.year ? html` in the programme year ${o.year}` : ''
        }.
        Figures are rounded to the nearest 5 and small groups are hidden to protect pupils. Key
        stage 1 (Reception to Year 2) is asked different questions, so its figures are never added
        to the older pupils'.
      </p>
      <ul class="inline-links">
        <li>
          <a href=${at('baseline')} aria-current=${wave === 'baseline' ? 'page' : 'false'}
            >Time 1</a
          >
        </li>
        <li>
          <a href=${at('end')} aria-current=${wave === 'end' ? 'page' : 'false'}>Time 2</a>
        </li>
        <li>
          <a href="/api/trust/export.csv${o.year ? `?year=${o.year}` : ''}" download
            >Download the figures (CSV)</a
          >
        </li>
        <li><a href="/trust/log">Activity log</a></li>
      </ul>
      ${
        o.years.length > 1
          ? html`<nav aria-label="Programme years" class="views">
              ${o.years.map(
                (y) =>
                  html`<a
                    href="/trust?${new URLSearchParams({ year: y, wave })}"
                    aria-current=${y === o.year ? 'page' : 'false'}
                    >${y}</a
                  >`,
              )}
            </nav>`
          : ''
      }
      ${pools.length === 0 ? html`<p>No school has final results for this wave yet.</p>` : ''}
      ${pools.map((pool) => {
        return html`<h2>Schools: ${poolName(pool.comparableAs)}</h2>
          ${schoolsTable(pool, o.schools, wave)}
          <h2>The whole trust: ${poolName(pool.comparableAs)}</h2>
          ${tablesOf(pool)
            .filter(
              (t) =>
                HEADLINE.includes(t.indicator) && (t.dimension === 'all' || t.dimension === 'sen'),
            )
            .map((t) => publishedTable(t, o.trust.results, pool.indicators[t.indicator]))}`;
      })}`,
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
