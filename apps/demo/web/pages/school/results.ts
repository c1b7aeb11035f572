/**
 * Results of one round: <at-results> with the trust as comparator, and the server's published
 * tables. An open round shows its last snapshot (D5) and says so.
 */
import { html } from 'lit';
import { call, client } from '../../api.js';
import { publishedTable } from '../../tables.js';
import { show } from '../../ui.js';
import { WAVE, stateTag } from './words.js';

const VIEWS = [
  ['headline', 'Headlines'],
  ['breakdown', 'By group'],
  ['change', 'Start and end'],
  ['comparison', 'Compared with the trust'],
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
  const nothingYet = open && r.respondents.value === null && r.summary.respondents.all === 0;
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
        Compared with the trust: ${r.comparatorNote}
      </p>
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
                      >${label}</a
                    >`,
                )}
              </nav>
              <at-results
                .summary=${r.summary}
                .baseline=${r.baseline ?? undefined}
                .comparator=${r.comparator ?? undefined}
                .audit=${r.audit ?? undefined}
                .definitions=${r.definitions}
                scope="school"
                viewer-role="school"
                view=${view}
              ></at-results>
              <details>
                <summary>The headline figures as the server publishes them</summary>
                ${r.published.filter((t) => t.dimension === 'all').map((t) => publishedTable(t))}
              </details>`
      }`,
    `Results: ${round}`,
  );
}
