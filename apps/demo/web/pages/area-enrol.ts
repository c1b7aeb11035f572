/**
 * Enrolling schools in the area's programme year: one by the form, or many by a CSV whose every
 * problem is named by row and column before anything is enrolled.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError, call, client } from '../api.js';
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
import { focusOn, notice, show } from '../ui.js';
import { header, orgWord, yearOf, type Area } from './area-shell.js';

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

export function enrolPage(
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
