/**
 * The end-of-programme survey across the area's schools: for each outcome, how many schools
 * somewhat or strongly agree, beside the figure the programme reported nationally. Published by
 * the server (schools counted, fewer than 10 hidden, counts rounded to 5); nothing computed here.
 */
import { html, render, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import { call, client } from '../api.js';
import { errorView } from '../ui.js';

type EndSurvey = InferResponseType<(typeof client.area)['end-survey']['$get'], 200>;
type Shown = { value: number } | { symbol: string };
const shown = (s: Shown, suffix = '') => ('value' in s ? `${s.value}${suffix}` : s.symbol);
const text = (t: Record<string, string>) => t['en-GB'] ?? Object.values(t)[0] ?? '';

/** The table, or a sentence when no outcome can be shown yet. */
export function endSurveyView(r: EndSurvey, org: string): TemplateResult {
  const p = r.published;
  // With any answers the table is shown, hidden figures as [c], so the national ones stand beside.
  const anyAnswers = !('value' in p.schools && p.schools.value === 0);
  return html`<p>
      Schools that somewhat or strongly agree that each has changed
      <strong>as a result of the programme</strong>, as the programme asked every school nationally.
      Schools that answered: ${shown(p.schools)} of ${r.schoolsInArea}. A school's own answers and
      comments are never shown here, and an outcome fewer than 10 schools answered is hidden ([c]);
      counts are rounded to the nearest 5.
    </p>
    ${
      anyAnswers
        ? html`<table class="table">
              <caption class="visually-hidden">
                End-of-programme survey ${r.year}: schools agreeing, ${org} and national
              </caption>
              <thead>
                <tr>
                  <th scope="col">As a result of the programme…</th>
                  <th scope="col" class="num">Schools answering</th>
                  <th scope="col" class="num">Agree (${org})</th>
                  <th scope="col" class="num">Agree (national, as reported)</th>
                </tr>
              </thead>
              <tbody>
                ${p.items.map(
                  (i) =>
                    html`<tr>
                      <th scope="row">
                        ${text(i.label).replace(/^Agree: As a result of the programme, /, '')}
                      </th>
                      <td class="num">${shown(i.base)}</td>
                      <td class="num">${shown(i.percent, '%')}</td>
                      <td class="num">${i.reported ? `${i.reported.percent}%` : '—'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
            ${p.notes.map((n) => html`<p class="hint">${n}</p>`)}`
        : html`<p>Too few schools have answered for ${r.year} to show any outcome yet.</p>`
    }`;
}

/** Loads the area's end-of-programme survey for `year` into `into`. */
export async function endSurveySection(year: string, org: string, into: HTMLElement) {
  try {
    const r = await call(client.area['end-survey'].$get({ query: { year } }));
    render(endSurveyView(r, org), into);
  } catch (e) {
    render(errorView(e), into);
  }
}
