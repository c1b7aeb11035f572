/**
 * Incidents (issue 20), for a school's safeguarding and anti-bullying staff: the log with its
 * trend per term, the record form (allegation → decision → incident, saved as you go), the termly
 * return (review and submit), a safeguarding system's export imported, and the governors' termly
 * report. And for LA and trust staff: every school's return status, the area's trend, the CSV.
 * People are a role and a reference such as P-0042; the form says never to write names.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import {
  IncidentAction,
  IncidentOutcome,
  IncidentSetting,
  IncidentType,
  PrejudiceCharacteristic,
  type Shown,
} from '@all-together/model';
import { planProgress, scoreAudit } from '@all-together/scoring';
import { ApiError, call, client, type Me } from '../api.js';
import { errorView, focusOn, longDate, notice, show } from '../ui.js';
import { recordPage } from './incident-record.js';

const school = client.schools[':urn'];
type Return = InferResponseType<(typeof school)['incident-returns'][':term']['$get'], 200>;
type AreaReturns = InferResponseType<(typeof client.area)['incident-returns']['$get'], 200>;

const words = (id: string): string => {
  const s = id.replace(/-/g, ' ');
  return s[0]!.toUpperCase() + s.slice(1);
};
const SPECIAL: Record<string, string> = {
  'disability-send': 'Disability or SEND',
  relational: 'Relational (leaving out, rumours)',
  'damage-or-theft': 'Damage to or theft of belongings',
  journey: 'Journey to or from school',
  'pupil-witness': 'A pupil who saw it',
  senco: 'SENCo',
  'designated-safeguarding-lead': 'Designated safeguarding lead',
  allegation: 'Not yet decided',
  substantiated: 'Bullying incident',
  'not-substantiated': 'Not bullying',
};
const label = (id: string) => SPECIAL[id] ?? words(id);
const figure = (s: Shown<number> | undefined) =>
  s === undefined ? '' : 'value' in s ? String(s.value) : s.symbol;
const NOTE = html`<p class="hint">
  [c] — hidden: fewer than 10, or hidden so that a small number cannot be worked out. Figures for
  the local authority are rounded to the nearest 5.
</p>`;

// ─────────────────────────────────────────── the log ───────────────────────────────────────────

export async function incidentsPage(me: Me, path: string): Promise<void> {
  const urn = me.user.school ?? '';
  try {
    if (path === '/incidents/new') return recordPage(urn, null, false);
    if (path === '/incidents/report') return await governorsReport(urn);
    const ret = /^\/incidents\/return\/([0-9]{4}-[0-9]{2}-[a-z]+)$/.exec(path);
    if (ret) return await returnPage(urn, ret[1]!);
    const one = /^\/incidents\/([0-9a-f-]{36})$/.exec(path);
    if (one) {
      const r = await call(school.incidents[':id'].$get({ param: { urn, id: one[1]! } }));
      return recordPage(urn, r.record, r.locked);
    }
    return await logPage(urn);
  } catch (e) {
    show(
      html`<h1>Incidents</h1>
        ${errorView(e)}`,
      'Incidents',
      { error: true },
    );
  }
}

async function logPage(urn: string, message: TemplateResult | typeof nothing = nothing) {
  const data = await call(school.incidents.$get({ param: { urn }, query: {} }));
  const importCsv = async (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>(
      '#import-file',
    )!;
    const file = input.files?.[0];
    if (!file) return void (await logPage(urn, errorList(['Choose a CSV file.'])));
    try {
      const r = await call(
        school.incidents.import.$post({ param: { urn }, json: { csv: await file.text() } }),
      );
      await logPage(urn, notice(`${r.imported} records imported.`));
    } catch (e) {
      await logPage(
        urn,
        errorList(
          e instanceof ApiError && e.problems.length
            ? e.problems.map((p) => p.message)
            : [String((e as Error).message)],
        ),
      );
    }
    focusOn('#notice, .error-summary');
  };
  // The log is the SDK's <at-incident-log>: the records are exactly the model's IncidentRecord.
  show(
    html`${message}
      <h1>Incidents</h1>
      <p>
        Allegations and bullying incidents at ${data.school.name}. Records are kept for
        ${data.retentionYears} years.
      </p>
      <div class="button-group">
        <a class="button" href="/incidents/new">Record an allegation</a>
        <a class="button button--secondary" href="/incidents/return/${data.currentTerm}"
          >Termly return</a
        >
        <a class="button button--secondary" href="/incidents/report">Governors' report</a>
      </div>
      <at-incident-log
        heading-level="2"
        href-template="/incidents/{id}"
        .incidents=${data.incidents}
      ></at-incident-log>
      <h2>Import from your safeguarding system</h2>
      <form class="no-print" @submit=${importCsv}>
        <div class="form-group">
          <label for="import-file">CSV export</label>
          <p class="hint" id="import-hint">
            Columns Date, Time, Location, Categories, Student Reference and Status. Every row is
            imported, or none: a problem is named with its row and column. Notes are not imported.
          </p>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-hint"
          />
        </div>
        <button class="button button--secondary" type="submit">Import</button>
      </form>`,
    'Incidents',
  );
}

const errorList = (messages: string[]) =>
  html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
      <ul class="error-summary__list">
        ${messages.map((m) => html`<li>${m}</li>`)}
      </ul>
    </div>
  </div>`;

// ───────────────────────────────────────── the return ─────────────────────────────────────────

const RETURN_ROWS: [string, string][] = [
  ['allegations', 'Allegations'],
  ['status.substantiated', 'Bullying incidents'],
  ['status.not-substantiated', 'Not bullying'],
  ['status.allegation', 'Not yet decided'],
  ...IncidentType.options.map((o): [string, string] => [`types.${o}`, `Type: ${label(o)}`]),
  ...IncidentSetting.options.map((o): [string, string] => [`setting.${o}`, `Setting: ${label(o)}`]),
  ['prejudiceRelated', 'Prejudice-related'],
  ...PrejudiceCharacteristic.options.map((o): [string, string] => [
    `characteristics.${o}`,
    `Prejudice: ${label(o)}`,
  ]),
  ['safeguarding', 'Safeguarding concern'],
  ...IncidentAction.options.map((o): [string, string] => [`actions.${o}`, `Action: ${label(o)}`]),
  ...IncidentOutcome.options.map((o): [string, string] => [
    `outcomes.${o}`,
    `Outcome: ${label(o)}`,
  ]),
];

type Figures = Return['figures'];
const at = (f: Figures, id: string): Shown<number> | undefined => {
  const [group, key] = id.split('.');
  const g = (f as unknown as Record<string, unknown>)[group!];
  return (key ? (g as Record<string, Shown<number>>)[key] : g) as Shown<number> | undefined;
};

function figuresTable(caption: string, columns: { head: string; figures: Figures | null }[]) {
  return html`<div class="table-wrap">
    <table class="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          ${columns.map((c) => html`<th scope="col" class="num">${c.head}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${RETURN_ROWS.map(
          ([id, text]) =>
            html`<tr>
              <th scope="row">${text}</th>
              ${columns.map((c) => html`<td class="num">${c.figures ? figure(at(c.figures, id)) : '—'}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

async function returnPage(
  urn: string,
  term: string,
  message: TemplateResult | typeof nothing = nothing,
) {
  const r = await call(school['incident-returns'][':term'].$get({ param: { urn, term } }));
  let confirming = false;
  const render = () =>
    show(
      html`${message}
        <h1>Termly return: ${r.label}</h1>
        ${
          r.state === 'submitted'
            ? html`<p>
                <strong class="tag tag--locked">Submitted</strong> on ${longDate(r.submittedOn)}. It
                is locked and cannot change.
              </p>`
            : html`<p>
                Check the figures your local authority will receive. They are counted from your
                records of this term, with small numbers hidden and the rest rounded to 5.
              </p>`
        }
        ${NOTE}
        ${figuresTable(`Return for ${r.label}`, [{ head: 'Figure sent', figures: r.figures }])}
        ${
          r.state === 'draft'
            ? confirming
              ? html`<div
                  class="notice"
                  role="alertdialog"
                  aria-labelledby="confirm-title"
                  tabindex="-1"
                  id="confirm"
                >
                  <h2 id="confirm-title">Submit the return?</h2>
                  <p>
                    Once submitted it is locked: neither the return nor this term's records can
                    change.
                  </p>
                  <div class="button-group">
                    <button class="button button--warning" type="button" @click=${submit}>
                      Yes, submit the return
                    </button>
                    <button
                      class="button button--secondary"
                      type="button"
                      @click=${() => {
                        confirming = false;
                        render();
                      }}
                    >
                      Cancel
                    </button>
                  </div>
                </div>`
              : html`<button
                  class="button"
                  type="button"
                  @click=${() => {
                    confirming = true;
                    render();
                    focusOn('#confirm');
                  }}
                >
                  Submit the return
                </button>`
            : nothing
        }
        <p><a href="/incidents">Back to the log</a></p>`,
      `Termly return ${r.label}`,
    );
  const submit = async () => {
    try {
      await call(school['incident-returns'][':term'].$post({ param: { urn, term } }));
      await returnPage(
        urn,
        term,
        notice('The return is submitted. Your local authority can see it now.'),
      );
      focusOn('#notice');
    } catch (e) {
      show(
        html`<h1>Termly return</h1>
          ${errorView(e)}`,
        'Termly return',
        { error: true },
      );
    }
  };
  render();
}

// ─────────────────────────────────────── governors' report ───────────────────────────────────────

/** The programme this year, for the report: audit, plan and pupil survey, each from scoring's one function. */
async function programmeSection(urn: string): Promise<TemplateResult> {
  try {
    const { rounds } = await call(school.rounds.$get({ param: { urn } }));
    const latest = [...rounds].sort((x, y) => (x.opensOn < y.opensOn ? -1 : 1)).at(-1);
    if (!latest)
      return html`<p>
        The school has not started a survey round yet: no audit or plan to report.
      </p>`;
    const param = { urn, round: latest.id };
    const [audit, plan] = await Promise.all([
      call(school.rounds[':round'].audit.$get({ param })),
      call(school.rounds[':round'].plan.$get({ param })),
    ]);
    const scores =
      audit.response && audit.definition ? scoreAudit(audit.definition, audit.response) : null;
    const progress = plan.plan
      ? planProgress(plan.plan, { today: new Date().toISOString().slice(0, 10) })
      : null;
    return html`<table class="table">
      <caption>
        The programme: ${latest.id} (${latest.wave === 'baseline' ? 'Time 1' : 'Time 2'})
      </caption>
      <tbody>
        <tr>
          <th scope="row">Audit</th>
          <td>
            ${
              scores && scores.overall !== null
                ? `${Math.round(scores.overall)}% overall; ${scores.counts['fully-met']} statements fully met, ${scores.counts['partially-met']} partially, ${scores.counts['not-yet-met']} not yet`
                : 'Not yet rated'
            }
          </td>
        </tr>
        <tr>
          <th scope="row">Action plan</th>
          <td>
            ${
              progress
                ? `${progress.actions.byStatus.done} of ${progress.actions.total} actions done${progress.actions.overdue.length ? `; ${progress.actions.overdue.length} overdue` : ''}${progress.reviewDue ? '; a review is due' : ''}`
                : 'No plan yet'
            }
          </td>
        </tr>
        <tr>
          <th scope="row">Pupil survey</th>
          <td>
            ${latest.responses.label} pupils answered (${latest.state}); the results are on the
            school's Results page, with small groups hidden.
          </td>
        </tr>
      </tbody>
    </table>`;
  } catch (e) {
    return errorView(e);
  }
}

async function governorsReport(urn: string) {
  const [a, programme] = await Promise.all([
    call(school['incident-analysis'].$get({ param: { urn }, query: {} })),
    programmeSection(urn),
  ]);
  show(
    html`<article class="report">
      <h1>Bullying incidents: termly report to governors</h1>
      <p class="caption">
        ${a.school.name} · programme year ${a.year} · printed ${longDate(new Date().toISOString())}
      </p>
      <p>
        This analysis counts the allegations and bullying incidents the school recorded in each
        term. It is evidence for the audit's data statements (recording, analysing at least termly
        for leaders and governors). Small numbers are hidden to protect pupils' privacy.
      </p>
      <h2>The programme</h2>
      ${programme}
      <h2>Incident trends</h2>
      ${NOTE}
      ${figuresTable(
        'Allegations and incidents per term',
        a.terms.map((t) => ({ head: t.label, figures: t.figures })),
      )}
      <p class="no-print">
        <button class="button" type="button" @click=${() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <p class="report__footer">All Together · synthetic demo data</p>
    </article>`,
    "Governors' report",
  );
}

// ─────────────────────────────────────────── the LA ───────────────────────────────────────────

export async function areaReturnsPage(
  message: TemplateResult | typeof nothing = nothing,
): Promise<void> {
  let data: AreaReturns;
  const year = new URLSearchParams(location.search).get('year') ?? undefined;
  try {
    data = await call(client.area['incident-returns'].$get({ query: year ? { year } : {} }));
  } catch (e) {
    return show(
      html`<h1>Incident returns</h1>
        ${errorView(e)}`,
      'Incident returns',
      { error: true },
    );
  }
  const latest = data.area.at(-1);
  const remind = async () => {
    try {
      const r = await call(
        client.area['incident-returns'].reminders.$post({ json: { term: latest!.term } }),
      );
      await areaReturnsPage(
        notice(`${r.queued} reminders queued in the outbox, to the leads of ${r.schools} schools.`),
      );
      focusOn('#notice');
    } catch (e) {
      await areaReturnsPage(errorView(e));
      focusOn('.error-summary');
    }
  };
  show(
    html`${message}
      <h1>Termly incident returns</h1>
      <p>
        Programme year ${data.year}. Schools submit a return each term; you never see their records.
      </p>
      <nav aria-label="Programme years" class="no-print">
        <ul class="inline-list">
          ${[data.year, previousYear(data.year)].map(
            (y) =>
              html`<li>
                <a
                  href="/area/incident-returns?year=${y}"
                  aria-current=${y === data.year ? 'page' : nothing}
                  >${y}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <p>
        <a href="/api/area/incident-returns.csv?year=${data.year}" download
          >Download the returns (CSV)</a
        >
      </p>
      <h2>Return status</h2>
      <div class="table-wrap">
        <table class="table" id="return-status">
          <caption class="visually-hidden">
            Each school's return per term
          </caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              ${data.terms.map((t) => html`<th scope="col">${t.label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${data.schools.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.name}</th>
                  ${s.terms.map(
                    (t) =>
                      html`<td>
                        ${
                          t.state === 'submitted'
                            ? html`<span class="tag tag--closed">Submitted</span>
                                ${longDate(t.submittedOn)}`
                            : html`<span class="tag tag--grey">Not submitted</span>`
                        }
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        latest && latest.submitted < latest.of
          ? html`<p class="no-print">
              <button class="button button--secondary" type="button" @click=${remind}>
                Remind the ${latest.of - latest.submitted} schools that have not submitted
                (${latest.label})
              </button>
            </p>`
          : nothing
      }
      <h2>The area's trend</h2>
      ${NOTE}
      ${figuresTable(
        'Area totals per term (submitted returns)',
        data.area.map((t) => ({
          head: `${t.label} (${t.submitted} of ${t.of} schools)`,
          figures: t.submitted ? (areaFigures(t.figures) as Figures) : null,
        })),
      )}`,
    'Incident returns',
  );
}

const previousYear = (y: string) => {
  const start = Number(y.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/** The area's flat figures (by id) in the return's shape, for the one table renderer. */
function areaFigures(flat: Record<string, Shown<number>>): Record<string, unknown> {
  const out: Record<string, Record<string, Shown<number>> | Shown<number>> = {};
  for (const [id, v] of Object.entries(flat)) {
    const [g, k] = id.split('.');
    if (k) out[g!] = { ...((out[g!] as Record<string, Shown<number>>) ?? {}), [k]: v };
    else out[g!] = v;
  }
  return out;
}
