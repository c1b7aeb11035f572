/**
 * LA and trust staff: the programme year of every school in their area. The tracker (stage per
 * school, who is behind), enrolling schools (one, or a CSV), opening a survey window for a cohort,
 * the area's published results with where to target support, the activity log, and an annual
 * report that prints on A4. Every figure is the server's publication; nothing is computed here.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InferResponseType } from 'hono/client';
import { ApiError, call, client, type Me } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  hasErrors,
  noErrors,
  valuesOf,
  type Field,
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, navigate, notice, show } from '../ui.js';
import { HEADLINE, indicatorName, poolName, publishedTable, schoolsTable } from '../tables.js';
import { logTable } from './log-view.js';
import { codesPage, outboxPage, usersPage } from './area-people.js';

type Area = InferResponseType<typeof client.area.$get, 200>;

const STAGE_WORDS: Record<string, string> = {
  enrolled: 'Enrolled',
  'baseline-audit': 'Baseline audit',
  'time-1-survey': 'Time 1 survey',
  'action-plan': 'Action plan',
  'termly-reviews': 'Termly reviews',
  'time-2-survey': 'Time 2 survey',
  'end-audit': 'End audit',
  award: 'Award',
};

const yearOf = (a: Area): string =>
  new URLSearchParams(location.search).get('year') ?? a.currentYear;
const withYear = (path: string, year: string) => `${path}?${new URLSearchParams({ year })}`;
const orgWord = (a: Area) => (a.organisation.kind === 'trust' ? 'trust' : 'local authority');

/** The pages under /area, for LA roles and trust administrators. */
export async function areaPage(me: Me, path: string): Promise<void> {
  const a = await call(client.area.$get());
  if (path === '/area/enrol') return enrolPage(a);
  if (path === '/area/windows') return windowsPage(a);
  if (path === '/area/results') return resultsPage(a);
  if (path === '/area/report') return reportPage(a);
  if (path === '/area/log') return logPage(a);
  if (path === '/area/users' && a.role.access.includes('manage-users'))
    return usersPage(a, me, header(a, yearOf(a), '/area/users'));
  if (path === '/area/outbox') return outboxPage(a, header(a, yearOf(a), '/area/outbox'));
  if (path === '/area/codes' && a.role.access.includes('write'))
    return codesPage(a, header(a, yearOf(a), '/area/codes'));
  return trackerPage(a, me);
}

function header(a: Area, year: string, here: string): TemplateResult {
  const links = [
    ['/area', 'Tracker'],
    ['/area/results', 'Results and targeting'],
    ['/area/enrol', 'Enrol schools'],
    ['/area/windows', 'Open a survey window'],
    ['/area/codes', 'Class codes'],
    ['/area/outbox', 'Messages'],
    ['/area/users', 'Staff accounts'],
    ['/area/log', 'Activity log'],
    ['/area/report', 'Annual report'],
  ] as const;
  const canWrite = a.role.access.includes('write');
  const canManage = a.role.access.includes('manage-users');
  return html`<p class="caption">${a.organisation.name} · ${a.role.label}</p>
    <nav aria-label="Programme" class="views">
      ${links
        .filter(([p]) => canWrite || !['/area/enrol', '/area/windows', '/area/codes'].includes(p))
        .filter(([p]) => canManage || p !== '/area/users')
        .map(
          ([p, label]) =>
            html`<a href=${withYear(p, year)} aria-current=${p === here ? 'page' : 'false'}
              >${label}</a
            >`,
        )}
    </nav>
    ${
      a.years.length > 1
        ? html`<nav aria-label="Programme years" class="views views--years">
            ${a.years.map(
              (y) =>
                html`<a
                  href=${withYear(here, y.id)}
                  aria-current=${y.id === year ? 'page' : 'false'}
                  >${y.id}</a
                >`,
            )}
          </nav>`
        : nothing
    }`;
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

// ───────────────────────────────── enrolling ─────────────────────────────────

const ENROL_FIELDS = [
  { name: 'urn', id: 'urn' },
  { name: 'name', id: 'school-name' },
  { name: 'phase', id: 'phase' },
  { name: 'localAuthority', id: 'la-code' },
  { name: 'numberOnRoll', id: 'nor' },
  { name: 'sendPercent', id: 'send' },
  { name: 'fsmPercent', id: 'fsm' },
] as const satisfies readonly Field[];

/** The API names problems of the one school `school.urn`; the form's fields are `urn`. */
const unprefixed = (e: unknown): unknown =>
  e instanceof ApiError
    ? new ApiError(
        e.status,
        e.message,
        e.problems.map((p) => ({ ...p, path: p.path.replace(/^school\./, '') })),
      )
    : e;

const PHASES = [
  ['primary', 'Primary'],
  ['secondary', 'Secondary'],
  ['special', 'Special'],
  ['alternative-provision', 'Alternative provision'],
  ['all-through', 'All-through'],
] as const;

function enrolPage(
  a: Area,
  state: {
    errors?: FormErrors;
    values?: Record<string, string>;
    csvErrors?: string[];
    done?: string;
  } = {},
): void {
  const year = yearOf(a);
  const errors = state.errors ?? noErrors();
  const v = state.values ?? {};
  const isTrust = a.organisation.kind === 'trust';
  const num = (s: string | undefined) =>
    s === undefined || s.trim() === '' ? undefined : Number(s);
  const submitOne = async (event: Event) => {
    event.preventDefault();
    const values = valuesOf(event.target as HTMLFormElement);
    try {
      const r = await call(
        client.area.schools.$post({
          json: {
            year,
            school: {
              urn: values.urn ?? '',
              name: values.name ?? '',
              phase: (values.phase ?? '') as 'primary',
              ...(isTrust && values.localAuthority
                ? { localAuthority: values.localAuthority }
                : {}),
              numberOnRoll: num(values.numberOnRoll) as number,
              sendPercent: num(values.sendPercent) ?? null,
              fsmPercent: num(values.fsmPercent) ?? null,
            },
          },
        }),
      );
      enrolPage(a, {
        done: r.enrolled
          ? `${values.name} is enrolled in ${year}.`
          : `${values.name} was already enrolled in ${year}; its figures are updated.`,
      });
      focusOn('#notice');
    } catch (e) {
      enrolPage(a, { errors: errorsFrom(unprefixed(e), ENROL_FIELDS), values });
      focusOn('.error-summary');
    }
  };
  const submitCsv = async (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#csv-file')!;
    const file = input.files?.[0];
    if (!file) {
      enrolPage(a, { csvErrors: ['Choose a CSV file with a header row and one school per row.'] });
      focusOn('.error-summary');
      return;
    }
    if (file.size > 60_000) {
      enrolPage(a, {
        csvErrors: [
          'The file is larger than 60 KB. Split it into files of about 800 schools each.',
        ],
      });
      focusOn('.error-summary');
      return;
    }
    try {
      const r = await call(
        client.area.schools.import.$post({ json: { year, csv: await file.text() } }),
      );
      enrolPage(a, {
        done: `${r.schools} schools in the file: ${r.created} registered, ${r.enrolled} newly enrolled in ${year}, ${r.updated} updated.`,
      });
      focusOn('#notice');
    } catch (e) {
      const problems =
        e instanceof ApiError && e.problems.length
          ? e.problems.map((p) => p.message)
          : [e instanceof ApiError ? e.message : 'Something went wrong. Please try again.'];
      enrolPage(a, { csvErrors: problems });
      focusOn('.error-summary');
    }
  };
  const field = (
    f: (typeof ENROL_FIELDS)[number],
    label: string,
    input: TemplateResult,
    hint?: string,
  ) =>
    html`<div class=${groupClass(errors, f)}>
      <label for=${f.id}>${label}</label>
      ${hint ? html`<p class="hint" id="${f.id}-hint">${hint}</p>` : nothing}
      ${fieldError(errors, f)} ${input}
    </div>`;
  const text = (
    f: (typeof ENROL_FIELDS)[number],
    extra: Partial<{ inputmode: string; width: string }> = {},
    hint = false,
  ) =>
    html`<input
      id=${f.id}
      name=${f.name}
      type="text"
      class=${extra.width ?? ''}
      inputmode=${extra.inputmode ?? nothing}
      spellcheck="false"
      .value=${live(v[f.name] ?? '')}
      aria-describedby=${describedBy(errors, f, hint)}
    />`;
  const [urn, name, phase, la, nor, send, fsm] = ENROL_FIELDS;
  show(
    html`${
        state.csvErrors?.length
          ? html`<div class="error-summary" tabindex="-1" aria-labelledby="csv-errors-title">
              <div role="alert">
                <h2 class="error-summary__title" id="csv-errors-title">
                  There is a problem with the file: nothing was enrolled
                </h2>
                <ul class="error-summary__list">
                  ${state.csvErrors.map((m) => html`<li><a href="#csv-file">${m}</a></li>`)}
                </ul>
              </div>
            </div>`
          : errorSummary(errors, ENROL_FIELDS)
      }
      ${header(a, year, '/area/enrol')}
      <h1>Enrol schools in ${year}</h1>
      ${state.done ? notice(state.done) : nothing}
      <p>
        Enrolling a school registers it with the ${orgWord(a)} (if it is new to the portal) and
        enrols it in the programme year ${year}. Only public information about the school is asked
        for: nothing about any pupil.
      </p>
      <h2>One school</h2>
      <form @submit=${submitOne} novalidate>
        ${field(urn, 'URN', text(urn, { inputmode: 'numeric', width: 'input--width-10' }, true), 'The unique reference number, 6 or 7 digits, from Get Information about Schools.')}
        ${field(name, 'School name', text(name))}
        <div class=${groupClass(errors, phase)}>
          <label for="phase">Phase</label>
          ${fieldError(errors, phase)}
          <select id="phase" name="phase" aria-describedby=${describedBy(errors, phase)}>
            <option value="">Choose a phase</option>
            ${PHASES.map(
              ([value, label]) =>
                html`<option value=${value} ?selected=${v.phase === value}>${label}</option>`,
            )}
          </select>
        </div>
        ${
          isTrust
            ? field(
                la,
                'Local authority code',
                text(la, { inputmode: 'numeric', width: 'input--width-4' }, true),
                'The three-digit code of the LA the school sits in, like 873.',
              )
            : nothing
        }
        ${field(nor, 'Number on roll', text(nor, { inputmode: 'numeric', width: 'input--width-4' }))}
        ${field(send, 'Pupils with SEND (per cent, optional)', text(send, { inputmode: 'decimal', width: 'input--width-4' }, true), 'From the school census: used to weigh where to target support.')}
        ${field(fsm, 'Pupils eligible for free school meals (per cent, optional)', text(fsm, { inputmode: 'decimal', width: 'input--width-4' }))}
        <button type="submit" class="button">Enrol the school</button>
      </form>
      <h2>Several schools from a CSV file</h2>
      <p id="csv-file-hint">
        A header row, then one school per row. Columns: <code>urn</code>, <code>name</code>,
        <code>phase</code> (primary, secondary, special, alternative provision or all-through),
        <code>number_on_roll</code>, and optionally <code>la_code</code>, <code>send_percent</code>,
        <code>fsm_percent</code>. If any row has a problem, every problem is listed with its row and
        column and no school is enrolled; the same file sent twice changes nothing.
      </p>
      <form @submit=${submitCsv} novalidate>
        <div class=${state.csvErrors?.length ? 'form-group form-group--error' : 'form-group'}>
          <label for="csv-file">CSV file</label>
          ${
            state.csvErrors?.length
              ? html`<p class="error-message" id="csv-file-error">
                  <span class="visually-hidden">Error:</span> The file has
                  ${state.csvErrors.length === 1 ? 'a problem' : `${state.csvErrors.length} problems`}.
                </p>`
              : nothing
          }
          <input
            id="csv-file"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-file-hint${state.csvErrors?.length ? ' csv-file-error' : ''}"
          />
        </div>
        <button type="submit" class="button button--secondary">
          Enrol the schools in the file
        </button>
      </form>`,
    `Enrol schools`,
    { error: hasErrors(errors) || Boolean(state.csvErrors?.length) },
  );
}

// ───────────────────────────────── survey windows ─────────────────────────────────

const WINDOW_FIELDS = [
  { name: 'schools', id: 'schools' },
  { name: 'wave', id: 'wave' },
  { name: 'opensOn', id: 'opens-on' },
  { name: 'closesOn', id: 'closes-on' },
] as const satisfies readonly Field[];

async function windowsPage(
  a: Area,
  state: {
    errors?: FormErrors;
    values?: Record<string, string>;
    chosen?: Set<string>;
    done?: string;
  } = {},
): Promise<void> {
  const year = yearOf(a);
  const tracker = await call(client.area.tracker.$get({ query: { year } }));
  const errors = state.errors ?? noErrors();
  const v = state.values ?? {};
  const chosen = state.chosen ?? new Set<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = valuesOf(form);
    const urns = new FormData(form).getAll('schools').map(String);
    try {
      const r = await call(
        client.area.windows.$post({
          json: {
            schools: urns,
            wave: (values.wave ?? '') as 'baseline',
            opensOn: values.opensOn ?? '',
            closesOn: values.closesOn ?? '',
          },
        }),
      );
      await windowsPage(a, {
        done: `Opened "${r.id}" for ${r.opened.length} ${r.opened.length === 1 ? 'school' : 'schools'}${
          r.skipped.length ? `; ${r.skipped.length} already had it and were left as they were` : ''
        }. Their leads can now issue class codes.`,
      });
      focusOn('#notice');
    } catch (e) {
      await windowsPage(a, { errors: errorsFrom(e, WINDOW_FIELDS), values, chosen: new Set(urns) });
      focusOn('.error-summary');
    }
  };
  const [schools, wave, opensOn, closesOn] = WINDOW_FIELDS;
  show(
    html`${errorSummary(errors, WINDOW_FIELDS)} ${header(a, year, '/area/windows')}
      <h1>Open a survey window</h1>
      ${state.done ? notice(state.done) : nothing}
      <p>
        Opens the pupil survey for every school you choose at once: each gets a round for the wave
        between the two dates, and its lead issues class codes as usual. A school that already has
        that round keeps it unchanged.
      </p>
      <form @submit=${submit} novalidate>
        <div class=${groupClass(errors, schools)}>
          <fieldset class="fieldset" aria-describedby=${describedBy(errors, schools, true)}>
            <legend id="schools">Schools</legend>
            <p class="hint" id="schools-hint">Enrolled in ${year}, with the stage each is at.</p>
            ${fieldError(errors, schools)}
            <div class="checkboxes checkboxes--columns">
              ${tracker.schools.map(
                (s) =>
                  html`<div class="checkbox">
                    <input
                      type="checkbox"
                      id="school-${s.urn}"
                      name="schools"
                      value=${s.urn}
                      ?checked=${chosen.has(s.urn)}
                    />
                    <label for="school-${s.urn}"
                      >${s.name}
                      <span class="hint">(${STAGE_WORDS[s.stage] ?? s.stage})</span></label
                    >
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <div class=${groupClass(errors, wave)}>
          <fieldset class="fieldset" aria-describedby=${describedBy(errors, wave)}>
            <legend id="wave">Which survey</legend>
            ${fieldError(errors, wave)}
            ${[
              ['baseline', 'Time 1 (baseline), at the start of the year'],
              ['end', 'Time 2 (end), after a year of work'],
            ].map(
              ([value, label]) =>
                html`<div class="radio">
                  <input
                    type="radio"
                    id="wave-${value}"
                    name="wave"
                    value=${value!}
                    ?checked=${v.wave === value}
                  />
                  <label for="wave-${value}">${label}</label>
                </div>`,
            )}
          </fieldset>
        </div>
        ${[
          [opensOn, 'Opens on', 'Today or later, like 2027-01-11.'],
          [closesOn, 'Closes on', 'After it opens; most schools need 2 to 4 weeks.'],
        ].map(
          ([f, label, hint]) =>
            html`<div class=${groupClass(errors, f as Field)}>
              <label for=${(f as Field).id}>${label}</label>
              <p class="hint" id="${(f as Field).id}-hint">${hint}</p>
              ${fieldError(errors, f as Field)}
              <input
                id=${(f as Field).id}
                name=${(f as Field).name}
                type="date"
                .value=${live(v[(f as Field).name] ?? '')}
                aria-describedby=${describedBy(errors, f as Field, true)}
              />
            </div>`,
        )}
        <button type="submit" class="button">Open the survey window</button>
      </form>`,
    'Open a survey window',
    { error: hasErrors(errors) },
  );
}

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

async function resultsPage(a: Area): Promise<void> {
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
      }`,
    `Results ${year}`,
  );
  const region = document.querySelector<HTMLElement>('[data-targets]');
  if (region) await targetsSection(r.year ?? year, region);
}

async function logPage(a: Area): Promise<void> {
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

async function reportPage(a: Area): Promise<void> {
  const year = yearOf(a);
  const [tracker, results] = await Promise.all([
    call(client.area.tracker.$get({ query: { year } })),
    call(client.area.results.$get({ query: { year } })),
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
