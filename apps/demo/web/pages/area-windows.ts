/**
 * Opening a survey window for a cohort of the area's schools: the ticks survive a mistake, and the
 * window opens for every school ticked or for none.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { call, client } from '../api.js';
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
import { header, STAGE_WORDS, yearOf, type Area } from './area-shell.js';

// ───────────────────────────────── survey windows ─────────────────────────────────

const WINDOW_FIELDS = [
  { name: 'schools', id: 'schools' },
  { name: 'wave', id: 'wave' },
  { name: 'opensOn', id: 'opens-on' },
  { name: 'closesOn', id: 'closes-on' },
] as const satisfies readonly Field[];

export async function windowsPage(
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
