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
  IncidentLocation,
  IncidentOutcome,
  IncidentSetting,
  IncidentType,
  PrejudiceCharacteristic,
  ReportedBy,
  StaffRole,
  type Shown,
} from '@all-together/model';
import { planProgress, scoreAudit } from '@all-together/scoring';
import { ApiError, call, client, type Me } from '../api.js';
import { errorView, focusOn, longDate, navigate, notice, show } from '../ui.js';

const school = client.schools[':urn'];
type Log = InferResponseType<typeof school.incidents.$get, 200>;
type Incident = Log['incidents'][number];
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
    if (path === '/incidents/new') return recordForm(urn, null);
    if (path === '/incidents/report') return await governorsReport(urn);
    const ret = /^\/incidents\/return\/([0-9]{4}-[0-9]{2}-[a-z]+)$/.exec(path);
    if (ret) return await returnPage(urn, ret[1]!);
    const one = /^\/incidents\/([0-9a-f-]{36})$/.exec(path);
    if (one) {
      const r = await call(school.incidents[':id'].$get({ param: { urn, id: one[1]! } }));
      return recordForm(urn, r);
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
  const params = new URLSearchParams(location.search);
  const status = params.get('status') ?? '';
  const term = params.get('term') ?? '';
  const list = data.incidents.filter(
    (i) => (!status || i.status === status) && (!term || i.term === term),
  );
  const filter = (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    const q = new URLSearchParams();
    for (const k of ['status', 'term']) if (f.get(k)) q.set(k, String(f.get(k)));
    navigate(`/incidents${q.size ? `?${q}` : ''}`);
  };
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
  show(
    html`${message}
      <h1>Incidents</h1>
      <p>
        Allegations and bullying incidents at ${data.school.name}. Only your school's safeguarding
        and anti-bullying staff can see these records. Records are kept for ${data.retentionYears}
        years.
      </p>
      <div class="button-group">
        <a class="button" href="/incidents/new">Record an allegation</a>
        <a class="button button--secondary" href="/incidents/return/${data.currentTerm}"
          >Termly return</a
        >
        <a class="button button--secondary" href="/incidents/report">Governors' report</a>
      </div>
      <h2>Trend per term</h2>
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">
            Records per term
          </caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col" class="num">Allegations</th>
              <th scope="col" class="num">Bullying incidents</th>
              <th scope="col" class="num">Prejudice-related</th>
            </tr>
          </thead>
          <tbody>
            ${data.trends.map(
              (t) =>
                html`<tr>
                  <th scope="row">${t.label}</th>
                  <td class="num">${t.allegations}</td>
                  <td class="num">${t.substantiated}</td>
                  <td class="num">${t.prejudiceRelated}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2>Records</h2>
      <form class="no-print" @submit=${filter}>
        <div class="form-group">
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status">
            <option value="">All</option>
            ${['allegation', 'substantiated', 'not-substantiated'].map(
              (s) => html`<option value=${s} ?selected=${s === status}>${label(s)}</option>`,
            )}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-term">Term</label>
          <select id="filter-term" name="term">
            <option value="">All</option>
            ${data.trends.map(
              (t) => html`<option value=${t.term} ?selected=${t.term === term}>${t.label}</option>`,
            )}
          </select>
        </div>
        <button class="button button--secondary" type="submit">Show records</button>
      </form>
      <div class="table-wrap">
        <table class="table" id="incident-log">
          <caption class="visually-hidden">
            ${list.length} records
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Where</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            ${list.map(
              (i) =>
                html`<tr>
                  <td><a href="/incidents/${i.id}">${longDate(i.allegation.occurredOn)}</a></td>
                  <td>${label(i.allegation.location)}</td>
                  <td>${label(i.status)}</td>
                  <td>${i.details?.types.map(label).join(', ') ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
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

// ─────────────────────────────────────────── the form ───────────────────────────────────────────

/** Where each problem path of the API goes on the form. */
const FIELD_OF: [RegExp, string][] = [
  [/^allegation\.occurredOn/, 'occurred-on'],
  [/^allegation\.occurredAt/, 'occurred-at'],
  [/^allegation\.location/, 'location'],
  [/^allegation\.reportedBy/, 'reported-by'],
  [/^allegation\.alleged/, 'alleged'],
  [/^allegation\.people\.0/, 'target-ref'],
  [/^allegation\.people\.1/, 'perpetrator-ref'],
  [/^status/, 'status-allegation'],
  [/^details\.types/, 'type-physical'],
  [/^details\.characteristics/, 'char-disability-send'],
  [/^details\.outcome/, 'outcome'],
  [/^details$/, 'type-physical'],
];

function recordForm(urn: string, record: Incident | null): void {
  const id = record?.id ?? crypto.randomUUID();
  let saved = record !== null;
  let errors: { field: string; message: string }[] = [];
  let status = record ? `Saved` : '';
  let timer: number | undefined;
  let current = record;

  const read = () => {
    const form = document.getElementById('incident-form') as HTMLFormElement;
    const f = new FormData(form);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const people = [
      s('targetRef') && {
        involvement: 'target',
        role: s('targetRole') || 'pupil',
        reference: s('targetRef'),
      },
      s('perpetratorRef') && {
        involvement: 'alleged-perpetrator',
        role: s('perpetratorRole') || 'pupil',
        reference: s('perpetratorRef'),
      },
    ].filter(Boolean);
    const st = s('status') || 'allegation';
    const prejudice = s('prejudice') === 'yes';
    return {
      allegation: {
        occurredOn: s('occurredOn'),
        ...(s('occurredAt') ? { occurredAt: s('occurredAt') } : {}),
        location: s('location'),
        reportedBy: s('reportedBy'),
        alleged: s('alleged'),
        people,
      },
      status: st,
      details:
        st === 'substantiated'
          ? {
              types: f.getAll('types').map(String),
              setting: s('setting') || 'offline',
              prejudiceRelated: prejudice,
              characteristics: prejudice ? f.getAll('characteristics').map(String) : [],
              safeguarding: s('safeguarding') === 'yes',
              whatHappened: s('whatHappened'),
              impact: s('impact'),
              targetWishes: s('targetWishes'),
              actions: s('action')
                ? [{ action: s('action'), by: s('actionBy') || 'anti-bullying-lead' }]
                : [],
              outcome: s('outcome'),
              ...(s('followUpOn') ? { followUpOn: s('followUpOn') } : {}),
              ...(s('reviewOn') ? { reviewOn: s('reviewOn') } : {}),
            }
          : null,
    };
  };

  const save = async (final: boolean) => {
    window.clearTimeout(timer);
    const body = read();
    try {
      if (!saved) {
        // The id is made here, so a retried first save stores one record.
        // The form's values go to the server as they are: the server's schema names what is wrong.
        current = await call(
          school.incidents.$post({
            param: { urn },
            json: { id, allegation: body.allegation } as never,
          }),
        );
        saved = true;
        history.replaceState(null, '', `/incidents/${id}`);
      }
      current = await call(
        school.incidents[':id'].$put({ param: { urn, id }, json: body as never }),
      );
      errors = [];
      status = `Saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
      render();
      if (final) navigate('/incidents');
    } catch (e) {
      if (!final) {
        // Autosave of a half-filled form: keep quiet, say it is not saved yet.
        status = 'Not saved yet: finish the fields marked as required.';
        return render();
      }
      errors =
        e instanceof ApiError && e.problems.length
          ? e.problems.map((p) => ({
              field: FIELD_OF.find(([re]) => re.test(p.path))?.[1] ?? 'occurred-on',
              message: p.message,
            }))
          : [{ field: 'occurred-on', message: e instanceof Error ? e.message : 'Could not save.' }];
      render();
      focusOn('.error-summary');
    }
  };
  const autosave = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(false), 1500);
  };
  const a = current?.allegation;
  const d = current?.details;
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const errorP = (field: string) =>
    err(field)
      ? html`<p class="error-message" id="${field}-error">
          <span class="visually-hidden">Error:</span> ${err(field)}
        </p>`
      : nothing;
  const group = (field: string) => (err(field) ? 'form-group form-group--error' : 'form-group');
  const select = (id: string, name: string, text: string, options: readonly string[], value = '') =>
    html`<div class=${group(id)}>
      <label for=${id}>${text}</label>${errorP(id)}
      <select id=${id} name=${name} aria-describedby=${err(id) ? `${id}-error` : nothing}>
        <option value="">Choose</option>
        ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${label(o)}</option>`)}
      </select>
    </div>`;
  const checkboxes = (
    name: string,
    prefix: string,
    options: readonly string[],
    chosen: readonly string[],
  ) =>
    options.map(
      (o) =>
        html`<div class="checkbox">
          <input
            type="checkbox"
            id="${prefix}-${o}"
            name=${name}
            value=${o}
            ?checked=${chosen.includes(o)}
          />
          <label for="${prefix}-${o}">${label(o)}</label>
        </div>`,
    );
  const render = () => {
    const st =
      document.querySelector<HTMLInputElement>('input[name=status]:checked')?.value ??
      current?.status ??
      'allegation';
    show(
      html`${
          errors.length
            ? html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
                <div role="alert">
                  <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
                  <ul class="error-summary__list">
                    ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
                  </ul>
                </div>
              </div>`
            : nothing
        }
        <h1>${record ? 'Incident record' : 'Record an allegation'}</h1>
        <div class="notice notice--warning">
          <p>
            <strong>Do not write anyone's name.</strong> Record people by their role and your
            school's reference (like P-0042); your MIS holds who that is.
          </p>
        </div>
        <p role="status" class="hint" id="save-status">${status}</p>
        <form
          id="incident-form"
          novalidate
          @input=${autosave}
          @change=${() => {
            autosave();
            if (
              (document.activeElement as HTMLInputElement | null)?.name === 'status' ||
              (document.activeElement as HTMLInputElement | null)?.name === 'prejudice'
            )
              render();
          }}
          @submit=${(e: Event) => {
            e.preventDefault();
            void save(true);
          }}
        >
          <h2>The allegation</h2>
          <div class=${group('occurred-on')}>
            <label for="occurred-on">Date it happened</label>${errorP('occurred-on')}
            <input
              id="occurred-on"
              name="occurredOn"
              type="date"
              class="input--width-10"
              value=${a?.occurredOn ?? ''}
            />
          </div>
          <div class=${group('occurred-at')}>
            <label for="occurred-at">Time (optional)</label>${errorP('occurred-at')}
            <input
              id="occurred-at"
              name="occurredAt"
              type="time"
              class="input--width-10"
              value=${a?.occurredAt ?? ''}
            />
          </div>
          ${select('location', 'location', 'Where', IncidentLocation.options, a?.location)}
          ${select('reported-by', 'reportedBy', 'Who reported it', ReportedBy.options, a?.reportedBy)}
          <div class=${group('alleged')}>
            <label for="alleged">What was alleged</label>
            <p class="hint" id="alleged-hint">Describe what happened without names.</p>
            ${errorP('alleged')}
            <textarea id="alleged" name="alleged" rows="4" aria-describedby="alleged-hint">
${a?.alleged ?? ''}</textarea>
          </div>
          <div class=${group('target-ref')}>
            <label for="target-ref">Reference of the pupil targeted</label>
            <p class="hint" id="target-ref-hint">
              Like P-0042: letters or digits, a dash, digits. Never a name.
            </p>
            ${errorP('target-ref')}
            <input
              id="target-ref"
              name="targetRef"
              class="input--width-10"
              autocomplete="off"
              spellcheck="false"
              aria-describedby="target-ref-hint"
              value=${a?.people.find((p) => p.involvement === 'target')?.reference ?? ''}
            />
            <input type="hidden" name="targetRole" value="pupil" />
          </div>
          <div class=${group('perpetrator-ref')}>
            <label for="perpetrator-ref"
              >Reference of the person alleged to have done it (optional)</label
            >${errorP('perpetrator-ref')}
            <input
              id="perpetrator-ref"
              name="perpetratorRef"
              class="input--width-10"
              autocomplete="off"
              spellcheck="false"
              value=${a?.people.find((p) => p.involvement === 'alleged-perpetrator')?.reference ?? ''}
            />
            <input type="hidden" name="perpetratorRole" value="pupil" />
          </div>
          <h2>After looking into it</h2>
          <fieldset class="fieldset ${group('status-allegation')}">
            <legend>Was it bullying?</legend>
            ${errorP('status-allegation')}
            ${(['allegation', 'substantiated', 'not-substantiated'] as const).map(
              (s) =>
                html`<div class="radio">
                  <input
                    type="radio"
                    id="status-${s}"
                    name="status"
                    value=${s}
                    ?checked=${s === st}
                  />
                  <label for="status-${s}">${label(s)}</label>
                </div>`,
            )}
          </fieldset>
          ${
            st === 'substantiated'
              ? html`<h2>The incident</h2>
                  <fieldset class="fieldset ${group('type-physical')}">
                    <legend>Type of bullying</legend>
                    ${errorP('type-physical')}
                    ${checkboxes('types', 'type', IncidentType.options, d?.types ?? [])}
                  </fieldset>
                  ${select('setting', 'setting', 'Online or offline', IncidentSetting.options, d?.setting ?? 'offline')}
                  <fieldset class="fieldset form-group">
                    <legend>Prejudice-related, as perceived by anyone?</legend>
                    ${['no', 'yes'].map(
                      (v) =>
                        html`<div class="radio">
                          <input
                            type="radio"
                            id="prejudice-${v}"
                            name="prejudice"
                            value=${v}
                            ?checked=${(d?.prejudiceRelated ? 'yes' : 'no') === v}
                          />
                          <label for="prejudice-${v}">${v === 'yes' ? 'Yes' : 'No'}</label>
                        </div>`,
                    )}
                  </fieldset>
                  <fieldset class="fieldset ${group('char-disability-send')}">
                    <legend>Which characteristic (if prejudice-related)</legend>
                    ${errorP('char-disability-send')}
                    ${checkboxes('characteristics', 'char', PrejudiceCharacteristic.options, d?.characteristics ?? [])}
                  </fieldset>
                  <fieldset class="fieldset form-group">
                    <legend>Safeguarding concern?</legend>
                    <p class="hint">
                      If yes, tell your designated safeguarding lead today, and follow your
                      safeguarding policy.
                    </p>
                    ${['no', 'yes'].map(
                      (v) =>
                        html`<div class="radio">
                          <input
                            type="radio"
                            id="safeguarding-${v}"
                            name="safeguarding"
                            value=${v}
                            ?checked=${(d?.safeguarding ? 'yes' : 'no') === v}
                          />
                          <label for="safeguarding-${v}">${v === 'yes' ? 'Yes' : 'No'}</label>
                        </div>`,
                    )}
                  </fieldset>
                  ${(['whatHappened', 'impact', 'targetWishes'] as const).map(
                    (k) =>
                      html`<div class="form-group">
                        <label for="d-${k}"
                          >${{ whatHappened: 'What happened', impact: 'Impact on the pupil targeted', targetWishes: 'What the pupil targeted wants' }[k]}</label
                        >
                        <textarea id="d-${k}" name=${k} rows="3">${d?.[k] ?? ''}</textarea>
                      </div>`,
                  )}
                  ${select('action', 'action', 'Action taken', IncidentAction.options, d?.actions[0]?.action)}
                  ${select('action-by', 'actionBy', 'Action taken by', StaffRole.options, d?.actions[0]?.by)}
                  ${select('outcome', 'outcome', 'Outcome', IncidentOutcome.options, d?.outcome)}
                  <div class="form-group">
                    <label for="follow-up">Follow-up date (optional)</label>
                    <input
                      id="follow-up"
                      name="followUpOn"
                      type="date"
                      class="input--width-10"
                      value=${d?.followUpOn ?? ''}
                    />
                  </div>
                  <div class="form-group">
                    <label for="review">Review date (optional)</label>
                    <input
                      id="review"
                      name="reviewOn"
                      type="date"
                      class="input--width-10"
                      value=${d?.reviewOn ?? ''}
                    />
                  </div>`
              : nothing
          }
          <div class="button-group">
            <button class="button" type="submit">Save and return to the log</button>
            <a href="/incidents">Back to the log</a>
          </div>
        </form>`,
      record ? 'Incident record' : 'Record an allegation',
      { error: errors.length > 0 },
    );
  };
  render();
}

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
