/**
 * LA and trust staff: the programme year of every school in their area. The tracker (stage per
 * school, who is behind), enrolling schools (one, or a CSV), opening a survey window for a cohort,
 * the area's published results with where to target support, the activity log, and an annual
 * report that prints on A4. Every figure is the server's publication; nothing is computed here.
 */
import { html, nothing } from 'lit';
import { call, client, type Me } from '../api.js';
import { navigate, show } from '../ui.js';
import { codesPage } from './area-codes.js';
import { outboxPage, usersPage } from './area-people.js';
import { enrolPage } from './area-enrol.js';
import { logPage, reportPage, resultsPage } from './area-results.js';
import { windowsPage } from './area-windows.js';
import { cpdPage } from './cpd.js';
import { header, orgWord, yearOf, type Area } from './area-shell.js';

/** The pages under /area, for LA roles and trust administrators. */
export async function areaPage(me: Me, path: string): Promise<void> {
  const a = await call(client.area.$get());
  if (path === '/area/enrol') return enrolPage(a);
  if (path === '/area/windows') return windowsPage(a);
  if (path === '/area/results') return resultsPage(a);
  if (path === '/area/report') return reportPage(a);
  if (path === '/area/log') return logPage(a);
  if (path === '/area/cpd') return cpdPage(() => header(a, yearOf(a), '/area/cpd'));
  if (path === '/area/users' && a.role.access.includes('manage-users'))
    return usersPage(a, me, header(a, yearOf(a), '/area/users'));
  if (path === '/area/outbox') return outboxPage(a, header(a, yearOf(a), '/area/outbox'));
  if (path === '/area/codes' && a.role.access.includes('write'))
    return codesPage(a, header(a, yearOf(a), '/area/codes'));
  return trackerPage(a, me);
}

async function trackerPage(a: Area, me: Me): Promise<void> {
  const year = yearOf(a);
  const weeks = new URLSearchParams(location.search).get('weeks');
  const data = await call(
    client.area.tracker.$get({
      query: { year, ...(weeks && /^\d{1,2}$/.test(weeks) ? { stalledAfterWeeks: weeks } : {}) },
    }),
  );
  show(
    html`${header(a, year, '/area')}
      <h1>Programme tracker ${year}</h1>
      <p>
        Where each school of the ${orgWord(a)} stands in the programme year ${year}, from what it
        has recorded in the portal. A school is <strong>overdue</strong> when its current stage is
        past its due date, and <strong>stalled</strong> when it has done nothing for
        ${data.stalledAfterWeeks} weeks. Response counts are rounded to the nearest 5, or shown as a
        band while a survey is open, to protect pupils.
      </p>
      <form
        class="filter"
        method="get"
        action="/area"
        @submit=${(event: Event) => {
          event.preventDefault();
          const form = new FormData(event.target as HTMLFormElement);
          navigate(`/area?${new URLSearchParams({ year, weeks: String(form.get('weeks') ?? 6) })}`);
        }}
      >
        <input type="hidden" name="year" value=${year} />
        <label for="stalled-weeks">Stalled after</label>
        <select id="stalled-weeks" name="weeks">
          ${[3, 4, 6, 8, 10, 12].map(
            (w) =>
              html`<option value=${w} ?selected=${w === data.stalledAfterWeeks}>
                ${w} weeks
              </option>`,
          )}
        </select>
        <button type="submit" class="button--secondary">Show</button>
      </form>
      <at-programme-tracker
        .data=${data}
        href-template="/area/results?year=${year}#school-{urn}"
      ></at-programme-tracker>
      ${
        me.user.role === 'trust-admin'
          ? html`<p><a href="/trust">The trust's results page</a></p>`
          : nothing
      }`,
    `Programme tracker ${year}`,
  );
}
