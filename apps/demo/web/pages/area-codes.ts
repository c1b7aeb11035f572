/**
 * Class codes in bulk for the area's schools: shown once on a printable sheet, stored hashed, and
 * listed (never shown again) to each school's lead.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InferResponseType } from 'hono/client';
import { call, client } from '../api.js';
import { errorsFrom, valuesOf } from '../forms.js';
import { focusOn, show } from '../ui.js';
import type { Area } from './area-shell.js';

/** Parses "label, size" lines: the classes, or every line's problem (numbered from 1). */
export function classesFrom(text: string): {
  classes: { label: string; size: number }[];
  problems: string[];
} {
  const classes: { label: string; size: number }[] = [];
  const problems: string[] = [];
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const m = /^(.+?)\s*,\s*(\d+)$/.exec(line);
      if (!m)
        problems.push(
          `Line ${i + 1}: write the class, a comma and its number of pupils, like "5B, 28".`,
        );
      else classes.push({ label: m[1]!, size: Number(m[2]) });
    });
  if (!classes.length && !problems.length) problems.push('Add at least one class, like "5B, 28".');
  return { classes, problems };
}

type Issued = InferResponseType<typeof client.area.codes.$post, 201>;

/** Class codes in bulk for a survey window: the same classes for each school chosen. */
export async function codesPage(
  a: Area,
  header: TemplateResult,
  state: {
    errors?: string[];
    values?: Record<string, string>;
    chosen?: Set<string>;
    issued?: Issued;
  } = {},
): Promise<void> {
  const tracker = await call(client.area.tracker.$get({ query: { year: a.currentYear } }));
  const v = state.values ?? {};
  const chosen = state.chosen ?? new Set<string>();
  const again = (next: Parameters<typeof codesPage>[2]) => codesPage(a, header, next);
  const windows = [`${a.currentYear}-baseline`, `${a.currentYear}-end`];
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = valuesOf(form);
    const schools = new FormData(form).getAll('schools').map(String);
    const { classes, problems } = classesFrom(values.classes ?? '');
    if (problems.length || !schools.length) {
      await again({
        errors: [...(schools.length ? [] : ['Choose at least one school.']), ...problems],
        values,
        chosen: new Set(schools),
      });
      focusOn('.error-summary');
      return;
    }
    try {
      const issued = await call(
        client.area.codes.$post({ json: { round: values.round ?? '', schools, classes } }),
      );
      await again({ issued });
      focusOn('#codes-issued');
    } catch (e) {
      await again({ errors: errorsFrom(e, []).general, values, chosen: new Set(schools) });
      focusOn('.error-summary');
    }
  };
  if (state.issued) {
    const r = state.issued;
    show(
      html`<div class="report">
        <p class="no-print">
          <button type="button" class="button" @click=${() => window.print()}>
            Print the codes
          </button>
          <a href="/area/codes">Issue more codes</a>
        </p>
        <h1 id="codes-issued" tabindex="-1">Class codes issued</h1>
        <div class="notice" role="status">
          ${r.issued.length} codes issued. They are shown only now: print them or copy them before
          you leave this page. Each school's lead can see its classes and revoke a code.
        </div>
        ${
          r.skipped.length
            ? html`<p>No codes for:</p>
                <ul>
                  ${r.skipped.map((x) => html`<li>${x.school}: ${x.reason}.</li>`)}
                </ul>`
            : nothing
        }
        <table>
          <caption>
            Class codes, by school
          </caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">Class</th>
              <th scope="col" class="num">Pupils</th>
              <th scope="col">Code</th>
            </tr>
          </thead>
          <tbody>
            ${r.issued.map(
              (x) =>
                html`<tr>
                  <th scope="row">${x.school}</th>
                  <td>${x.classLabel}</td>
                  <td class="num">${x.classSize}</td>
                  <td><code class="code">${x.code}</code></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
      'Class codes issued',
    );
    return;
  }
  show(
    html`${
        state.errors?.length
          ? html`<div class="error-summary" tabindex="-1" aria-labelledby="codes-errors">
              <div role="alert">
                <h2 class="error-summary__title" id="codes-errors">There is a problem</h2>
                <ul class="error-summary__list">
                  ${state.errors.map((m) => html`<li>${m}</li>`)}
                </ul>
              </div>
            </div>`
          : nothing
      }
      ${header}
      <h1>Class codes for several schools</h1>
      <p>
        The same classes for each school you choose, in its open survey window: useful when the
        ${a.organisation.kind === 'trust' ? 'trust' : 'local authority'} runs the survey day, or
        when someone other than the school's lead should issue the codes. Each code is shown once.
      </p>
      <form @submit=${submit} novalidate>
        <div class="form-group">
          <label for="codes-round">Survey window</label>
          <select id="codes-round" name="round">
            ${windows.map((w) => html`<option value=${w} ?selected=${v.round === w}>${w}</option>`)}
          </select>
        </div>
        <div class="form-group">
          <fieldset class="fieldset">
            <legend>Schools</legend>
            <div class="checkboxes checkboxes--columns">
              ${tracker.schools.map(
                (s) =>
                  html`<div class="checkbox">
                    <input
                      type="checkbox"
                      id="codes-${s.urn}"
                      name="schools"
                      value=${s.urn}
                      ?checked=${chosen.has(s.urn)}
                    />
                    <label for="codes-${s.urn}">${s.name}</label>
                  </div>`,
              )}
            </div>
          </fieldset>
        </div>
        <div class="form-group">
          <label for="codes-classes">Classes</label>
          <p class="hint" id="codes-classes-hint">
            One class per line: its name, a comma and its number of pupils, like "Year 5, 28".
          </p>
          <textarea
            id="codes-classes"
            name="classes"
            rows="5"
            aria-describedby="codes-classes-hint"
            .value=${live(v.classes ?? '')}
          ></textarea>
        </div>
        <button type="submit" class="button">Issue the codes</button>
      </form>`,
    'Class codes for several schools',
    { error: Boolean(state.errors?.length) },
  );
}
