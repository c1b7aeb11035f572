/** Trust administrator: suppressed aggregates only (D8), per school and for the trust, and the CSV. */
import { html } from 'lit';
import { api, type Me } from '../api.js';
import { indicatorName, publishedTable, show as showCell, type Published } from '../tables.js';
import { show } from '../ui.js';

interface Overview {
  wave: 'baseline' | 'end';
  trust: { id: string; schools: number; published: Published[] };
  schools: { urn: string; name: string; phase: string; published: Published[] }[];
}

export async function trustPage(_me: Me): Promise<void> {
  const wave = new URLSearchParams(location.search).get('wave') === 'end' ? 'end' : 'baseline';
  const o = await api<Overview>('GET', `/api/trust/overview?wave=${wave}`);
  const headline = o.trust.published.filter((t) => t.dimension === 'all').map((t) => t.indicator);
  show(
    html`<h1>Your trust</h1>
      <p>
        ${o.trust.schools} schools with results at
        ${wave === 'end' ? 'Time 2 (end)' : 'Time 1 (baseline)'}. Figures are rounded to the nearest
        5 and small groups are hidden to protect pupils.
      </p>
      <p>
        <a href="/trust?wave=baseline" aria-current=${wave === 'baseline' ? 'page' : 'false'}
          >Time 1</a
        >
        · <a href="/trust?wave=end" aria-current=${wave === 'end' ? 'page' : 'false'}>Time 2</a> ·
        <a href="/api/trust/export.csv" download>Download the figures (CSV)</a>
      </p>
      <h2>Schools</h2>
      <table>
        <caption>
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
      <h2>The whole trust</h2>
      ${o.trust.published.filter((t) => t.dimension === 'all' || t.dimension === 'sen').map((t) => publishedTable(t))}`,
    'Your trust',
  );
}
