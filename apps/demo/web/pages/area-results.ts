/**
 * The area's published results with where to target support, its activity log, and the annual
 * report that prints on A4. Every figure is the server's publication; nothing is computed here.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import { call, client } from '../api.js';
import { longDate, show } from '../ui.js';
import { HEADLINE, indicatorName, poolName, publishedTable, schoolsTable } from '../tables.js';
import { logTable } from './log-view.js';
import { endSurveySection, endSurveyView } from './area-end-survey.js';
import { header, orgWord, STAGE_WORDS, withYear, yearOf, type Area } from './area-shell.js';

// ───────────────────────────────── results and the log ─────────────────────────────────

type Targets = InferResponseType<typeof client.area.targets.$get>;

/**
 * Where to target support, in words: ranked schools first (score above 0), then the rest, then
 * those that could not be compared. Fetched on its own: while the server is still making the list
 * (202) the section says so in a live region and asks again every few seconds.
 */
async function targetsSection(year: string, into: HTMLElement): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const res = await client.area.targets.$get({ query: { year } });
    if (res.status === 202) {
      render(
        html`<p role="status">
          The list is being prepared: every figure is protected together, which takes up to a minute
          for a large area. It appears here when ready.
        </p>`,
        into,
      );
      await new Promise((resolve) => setTimeout(resolve, 4000));
      continue;
    }
    const r = (await res.json()) as Targets;
    render(targetsView(r), into);
    return;
  }
}

function targetsView(r: Targets): TemplateResult {
  if (!('status' in r) || r.status !== 'ready')
    return html`<p>${'reason' in r ? r.reason : 'The list is not available.'}</p>`;
  const names = (r as { names?: Record<string, string> }).names ?? {};
  const t = r.targets;
  const ranked = t.schools.filter((s) => s.score > 0);
  const rest = t.schools.filter((s) => s.score <= 0);
  const item = (s: { id: string; reasons: string[] }, rank?: number) =>
    html`<li>
      <h4 class="target__name">
        ${rank ? html`<span class="target__rank">${rank}.</span> ` : nothing}${names[s.id] ?? s.id}
      </h4>
      <ul class="target__reasons">
        ${s.reasons.map((x) => html`<li>${x}</li>`)}
      </ul>
    </li>`;
  return html`${t.reason ? html`<p>${t.reason}</p>` : nothing}
  ${
    ranked.length
      ? html`<h3>Schools to talk to first</h3>
          <ol class="targets">
            ${ranked.map((s, i) => item(s, i + 1))}
          </ol>`
      : html`<p>No school's figures are significantly worse than the rest of the area.</p>`
  }
  ${
    rest.length
      ? html`<details>
          <summary>The other ${rest.length} schools</summary>
          <ul class="targets">
            ${rest.map((s) => item(s))}
          </ul>
        </details>`
      : nothing
  }
  ${
    t.notRanked.length
      ? html`<details>
          <summary>${t.notRanked.length} schools without enough figures to compare</summary>
          <ul class="targets">
            ${t.notRanked.map((s) => item(s))}
          </ul>
        </details>`
      : nothing
  }`;
}

const VIEWS = [
  ['headline', 'Headlines'],
  ['breakdown', 'By group'],
  ['change', 'Start and end'],
  ['types', 'Types of bullying'],
  ['feelings', 'Feelings about school'],
] as const;

export async function resultsPage(a: Area): Promise<void> {
  const year = yearOf(a);
  const params = new URLSearchParams(location.search);
  const view = VIEWS.find(([v]) => v === params.get('view'))?.[0] ?? 'headline';
  const r = await call(client.area.results.$get({ query: { year } }));
  const scope = a.organisation.kind === 'trust' ? 'trust' : 'la';
  const shownYear = r.year ?? year;
  show(
    html`${header(a, year, '/area/results')}
      <h1>Results ${shownYear}</h1>
      <p>
        The ${orgWord(a)}'s pupils: ${r.area.schools} schools with results in the programme year
        ${shownYear}. Figures are rounded to the nearest 5 and small groups are hidden to protect
        pupils; a school's hidden figure cannot be worked out from the area's.
        <a href="/api/area/export.csv?year=${shownYear}" download>Download the figures (CSV)</a>
      </p>
      ${
        r.area.schools === 0
          ? html`<p>No school has final results in this programme year yet.</p>`
          : html`<nav aria-label="Results views" class="views">
                ${VIEWS.map(
                  ([v, label]) =>
                    html`<a
                      href="/area/results?${new URLSearchParams({ year, view: v })}"
                      aria-current=${v === view ? 'page' : 'false'}
                      >${label}</a
                    >`,
                )}
              </nav>
              <at-results
                .results=${r.area.results}
                scope=${scope}
                viewer-role=${scope}
                view=${view}
              ></at-results>
              <h2 id="targeting">Where to target support</h2>
              <p>
                Schools ranked by how far, and how surely, pupils with SEND, pupils on free school
                meals and all pupils are bullied frequently more often than in the rest of the
                ${orgWord(a)}, weighted by the school's share of pupils with SEND and on free school
                meals. Only published figures are used: a figure hidden to protect pupils is never
                ranked on, and hidden does not mean there is no problem.
              </p>
              <div class="targets-region" data-targets></div>
              <h2>Each school</h2>
              <p>
                Each school's figures, published with the ${orgWord(a)}'s: a figure about fewer than
                10 pupils is hidden, and so is any figure that would let someone work one out.
              </p>
              ${r.area.results.pools.flatMap((pool, i) =>
                (['baseline', 'end'] as const)
                  .filter((w) => pool[w])
                  .map((w, j) => schoolsTable(pool, r.schools, w, i === 0 && j === 0)),
              )}`
      }
      <h2 id="end-survey">End-of-programme survey ${year}</h2>
      <div data-end-survey></div>`,
    `Results ${year}`,
  );
  const survey = document.querySelector<HTMLElement>('[data-end-survey]');
  if (survey) await endSurveySection(year, orgWord(a), survey);
  const region = document.querySelector<HTMLElement>('[data-targets]');
  if (region) await targetsSection(r.year ?? year, region);
}

export async function logPage(a: Area): Promise<void> {
  const year = yearOf(a);
  const params = new URLSearchParams(location.search);
  const before = params.get('before') || undefined;
  const r = await call(client.area.log.$get({ query: before ? { before } : {} }));
  show(
    html`${header(a, year, '/area/log')}
      <h1>Activity log</h1>
      <p>
        Everything done at the ${orgWord(a)}'s schools and by its staff: who did it and when.
        Pupils' answers are never in it, and nothing can be changed or deleted.
      </p>
      ${logTable(r.entries, { school: true })}
      ${
        r.next
          ? html`<p>
              <a href="/area/log?${new URLSearchParams({ year, before: r.next })}">Older entries</a>
            </p>`
          : nothing
      }`,
    'Activity log',
  );
}

// ───────────────────────────────── the annual report ─────────────────────────────────

export async function reportPage(a: Area): Promise<void> {
  const year = yearOf(a);
  const [tracker, results, survey] = await Promise.all([
    call(client.area.tracker.$get({ query: { year } })),
    call(client.area.results.$get({ query: { year } })),
    call(client.area['end-survey'].$get({ query: { year } })),
  ]);
  const byStage = new Map<string, number>();
  for (const s of tracker.schools) byStage.set(s.stage, (byStage.get(s.stage) ?? 0) + 1);
  const printed = longDate(tracker.today);
  show(
    html`<div class="report">
      <p class="no-print">
        <a href=${withYear('/area', year)} class="back-link">Back to the tracker</a>
      </p>
      <p class="no-print">
        <button type="button" class="button" @click=${() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <header class="report__header">
        <p class="caption">${a.organisation.name}</p>
        <h1>All Together: annual report ${year}</h1>
        <p>Programme year ${year} · produced ${printed}</p>
      </header>
      <h2>Where the schools are</h2>
      <p>
        ${tracker.schools.length} schools enrolled. Stages are worked out from what each school has
        recorded in the portal.
      </p>
      <table>
        <caption class="visually-hidden">
          Schools by stage
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" class="num">Schools</th>
          </tr>
        </thead>
        <tbody>
          ${Object.entries(STAGE_WORDS).map(
            ([k, label]) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td class="num">${byStage.get(k) ?? 0}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Schools</h2>
      <table class="report__schools">
        <caption class="visually-hidden">
          Each school's stage and last activity
        </caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Stage</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          ${tracker.schools.map(
            (s) =>
              html`<tr>
                <th scope="row">${s.name}</th>
                <td>${STAGE_WORDS[s.stage] ?? s.stage}</td>
                <td>${s.lastActivityOn ? longDate(s.lastActivityOn) : 'None yet'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <h2>Pupils' results</h2>
      ${
        results.area.schools === 0
          ? html`<p>No school has final results in this programme year yet.</p>`
          : results.area.results.pools.map(
              (pool) =>
                html`<h3>${poolName(pool.comparableAs)}</h3>
                  ${(['baseline', 'end'] as const)
                    .filter((w) => pool[w])
                    .map(
                      (w) =>
                        html`${(pool[w]?.binary ?? [])
                          .filter(
                            (t) =>
                              HEADLINE.includes(t.indicator) &&
                              (t.dimension === 'all' || t.dimension === 'sen'),
                          )
                          .map((t) =>
                            publishedTable(
                              t,
                              results.area.results,
                              pool.indicators[t.indicator],
                              `${w === 'end' ? 'Time 2' : 'Time 1'}: ${indicatorName(pool.indicators[t.indicator], t.indicator)}${t.dimension === 'sen' ? ', by SEND' : ''}`,
                            ),
                          )}
                        ${schoolsTable(pool, results.schools, w)}`,
                    )}`,
            )
      }
      <h2>Where to target support</h2>
      <div data-targets></div>
      <h2>End-of-programme survey</h2>
      ${endSurveyView(survey, orgWord(a))}
      <p class="report__footer">
        Figures are rounded to the nearest 5 and small groups are hidden to protect pupils.
        Synthetic data for demonstration.
      </p>
    </div>`,
    `Annual report ${year}: ${a.organisation.name}`,
  );
  const region = document.querySelector<HTMLElement>('[data-targets]');
  if (region) await targetsSection(results.year ?? year, region);
}
