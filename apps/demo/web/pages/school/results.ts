/**
 * Results of one round: <at-results> with the trust as comparator, and the server's published
 * tables. An open round shows its last snapshot (D5) and says so.
 */
import { html } from 'lit';
import { call, client } from '../../api.js';
import { poolName, publishedTable } from '../../tables.js';
import { show } from '../../ui.js';
import { WAVE, stateTag } from './words.js';

const VIEWS = [
  ['headline', 'Headlines'],
  ['breakdown', 'By group'],
  ['change', 'Start and end'],
  ['comparison', 'Compared with the area'],
  ['types', 'Types of bullying'],
  ['feelings', 'Feelings about school'],
  ['audit', 'Audit'],
] as const;

export async function resultsPage(urn: string, round: string): Promise<void> {
  const r = await call(
    client.schools[':urn'].rounds[':round'].results.$get({ param: { urn, round } }),
  );
  const wanted = new URLSearchParams(location.search).get('view');
  const view = VIEWS.find(([v]) => v === wanted)?.[0] ?? 'headline';
  const open = r.round.state === 'open';
  const nothingYet = open && r.results.pools.length === 0;
  const area = r.comparator === 'trust' ? 'the trust' : 'the local authority';
  const comparatorNote = r.results.pools
    .map((p) => p.comparator[r.round.wave]?.reason)
    .find((x) => x !== undefined);
  show(
    html`<p><a href="/school" class="back-link">Back to your school</a></p>
      <h1>Results: ${r.round.id}</h1>
      <p>
        ${stateTag(r.round)} ${WAVE[r.round.wave]}.
        ${
          open
            ? `Pupils in these results: ${r.respondents.label}.`
            : `${r.respondents.label} pupils answered.`
        }
        ${comparatorNote ? `Compared with the rest of ${area}: ${comparatorNote}` : ''}
      </p>
      ${
        nothingYet
          ? ''
          : html`<p>
              <a href="/school/summary/${encodeURIComponent(round)}"
                >You and ${area}: a summary to print</a
              >
            </p>`
      }
      ${
        open
          ? html`<p class="inset">
              This round is still open. Its results change only after every further 10 answers, and
              are final when it closes, so no one can work out a single pupil's answers.
            </p>`
          : ''
      }
      ${
        nothingYet
          ? html`<p>Results appear when at least 10 pupils have answered.</p>`
          : html`<nav aria-label="Results views" class="views">
                ${VIEWS.map(
                  ([v, label]) =>
                    html`<a href="?view=${v}" aria-current=${v === view ? 'page' : 'false'}
                      >${v === 'comparison' ? `Compared with ${area}` : label}</a
                    >`,
                )}
              </nav>
              <at-results
                .results=${r.results}
                .audit=${r.audit ?? undefined}
                .definitions=${r.definitions}
                comparator-name="the rest of ${area}"
                scope="school"
                viewer-role="school"
                view=${view}
              ></at-results>
              <details>
                <summary>The headline figures as the server publishes them</summary>
                ${r.results.pools.map(
                  (p) =>
                    html`<h2>${poolName(p.comparableAs)}</h2>
                      ${(p[r.round.wave]?.binary ?? [])
                        .filter(
                          (t) => t.dimension === 'all' && t.indicator.startsWith('victimisation'),
                        )
                        .map((t) => publishedTable(t, r.results, p.indicators[t.indicator]))}`,
                )}
              </details>`
      }`,
    `Results: ${round}`,
  );
}
