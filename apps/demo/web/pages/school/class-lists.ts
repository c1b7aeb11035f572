/**
 * Class lists from the school's records, for one round (linked mode; issue 21): import the CSV
 * the school's management information system exports, then print each class's slips, one
 * single-use code per pupil, shown once. Pupils answer without being asked about SEND, free school
 * meals or the rest: the records give them, and nothing leads from an answer back to the pupil.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import { ApiError, call, client } from '../../api.js';
import { errorView, focusOn, notice, show } from '../../ui.js';

const school = client.schools[':urn'];
const roundApi = school.rounds[':round'];
type Lists = InferResponseType<typeof roundApi.records.$get, 200>;
type Printed = InferResponseType<typeof roundApi.slips.$post, 201>;
type Definitions = InferResponseType<typeof school.rounds.$get, 200>;

/** The problems of a refused file, each as the server named it (row and column). */
const problemsOf = (e: unknown): string[] =>
  e instanceof ApiError && e.problems.length
    ? e.problems.map((p) => p.message)
    : [e instanceof Error ? e.message : 'Something went wrong. Please try again.'];

export async function classListsPage(urn: string, round: string): Promise<void> {
  const param = { urn, round };
  const load = () =>
    Promise.all([
      call(roundApi.records.$get({ param })),
      call(school.rounds.$get({ param: { urn } })),
    ]);
  let [data, rounds]: [Lists, Definitions] = await load();
  let problems: string[] = [];
  let message: TemplateResult | typeof nothing = nothing;
  let printed: Printed | null = null;

  const importFile = async (event: Event) => {
    event.preventDefault();
    const file = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#class-list')!
      .files?.[0];
    printed = null;
    if (!file) {
      problems = ['Choose the CSV file your management information system exported.'];
      draw();
      return focusOn('.error-summary');
    }
    try {
      const r = await call(roundApi.records.$post({ param, json: { csv: await file.text() } }));
      [data, rounds] = await load();
      problems = [];
      message = notice(
        html`<h2 class="notice__title">${r.imported} pupils imported</h2>
          ${
            r.missing.length
              ? html`<p>
                  The file had no column for: ${r.missing.join(', ')}. Those are recorded as not
                  known for every pupil.
                </p>`
              : nothing
          }`,
      );
      draw();
      focusOn('#notice');
    } catch (e) {
      problems = problemsOf(e);
      message = nothing;
      draw();
      focusOn('.error-summary');
    }
  };

  const print = (classLabel: string) => async () => {
    const select = document.querySelector<HTMLSelectElement>('#slips-definition');
    try {
      printed = await call(
        roundApi.slips.$post({
          param,
          json: {
            classLabel,
            ...(select?.value ? { definition: select.value as never } : {}),
          },
        }),
      );
      [data, rounds] = await load();
      message = nothing;
      problems = [];
      draw();
      focusOn('#slips-title');
    } catch (e) {
      message = errorView(e);
      draw();
      focusOn('main .error-summary, #notice');
    }
  };

  const slipsView = (p: Printed) =>
    html`<section class="slips-sheet" aria-labelledby="slips-title">
      <h2 id="slips-title" tabindex="-1">Slips for ${p.classLabel}</h2>
      <p class="no-print">
        They are shown only now: print them before you leave this page. Give each pupil the slip
        with their reference; cut off the reference first if you like. Each code works once.
      </p>
      <p class="no-print">
        <button type="button" class="button" @click=${() => window.print()}>Print the slips</button>
      </p>
      <ul class="slips">
        ${p.slips.map(
          (s) =>
            html`<li class="slip">
              <p class="slip__ref">${p.classLabel} · ${s.reference}</p>
              <p class="slip__code">${s.code}</p>
              <p class="slip__how">Go to ${location.origin}/pupil and type your code.</p>
            </li>`,
        )}
      </ul>
    </section>`;

  const draw = () => {
    const r = data.round;
    const open = r.state === 'open';
    const anyIssued = data.classes.some((k) => k.issued);
    show(
      html`${
          problems.length
            ? html`<div class="error-summary" tabindex="-1" aria-labelledby="list-errors">
                <div role="alert">
                  <h2 class="error-summary__title" id="list-errors">There is a problem</h2>
                  <ul class="error-summary__list">
                    ${problems.map((m) => html`<li><a href="#class-list">${m}</a></li>`)}
                  </ul>
                </div>
              </div>`
            : nothing
        }
        <p class="no-print"><a href="/school" class="back-link">Back to your school</a></p>
        <h1 class="no-print">Class lists from your records: ${r.id}</h1>
        <div class="no-print">
          <p>
            Instead of asking pupils about special educational needs, free school meals or English
            as an additional language, use what your records say. Each pupil gets a slip with a code
            that works once. Their answers carry what the records say about them, never who they
            are: nothing stored leads from an answer back to a pupil.
          </p>
          <p>
            The list holds your school's own pupil references, never names, and is deleted when the
            round closes.
          </p>
          ${message}
        </div>
        ${printed ? slipsView(printed) : nothing}
        <div class="no-print">
          ${
            open && !anyIssued
              ? html`<h2>Import a class list</h2>
                  <form @submit=${importFile} novalidate>
                    <div class="form-group ${problems.length ? 'form-group--error' : ''}">
                      <label for="class-list">CSV export from your records</label>
                      <p class="hint" id="class-list-hint">
                        One row per pupil. Columns: a reference (such as Adno or Admission No) and a
                        class (such as Reg Group), then any of Year, Sex, SEN Status, FSM, EAL,
                        Ethnicity, Looked After and Young Carer. Leave out names, UPNs and dates of
                        birth: a file with them is refused. Importing again replaces the list.
                      </p>
                      <input
                        id="class-list"
                        type="file"
                        accept=".csv,text/csv"
                        aria-describedby="class-list-hint"
                      />
                    </div>
                    <button class="button" type="submit">Import the class list</button>
                  </form>`
              : open
                ? html`<p>Slips are printed for this round, so its class list is fixed.</p>`
                : html`<p>This round is closed: its class list has been deleted.</p>`
          }
          <h2>Classes</h2>
          ${
            data.classes.length
              ? html`${
                    open
                      ? html`<div class="form-group">
                          <label for="slips-definition">Questionnaire for the slips</label>
                          <select id="slips-definition">
                            ${rounds.definitions.map(
                              (d) =>
                                html`<option
                                  value=${d.id}
                                  ?selected=${d.id === rounds.defaultDefinition}
                                >
                                  ${d.label}
                                </option>`,
                            )}
                          </select>
                        </div>`
                      : nothing
                  }
                  <table class="table" id="classes">
                    <caption class="visually-hidden">
                      Classes of the list
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Class</th>
                        <th scope="col" class="num">Pupils</th>
                        <th scope="col">Slips</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${data.classes.map(
                        (k) =>
                          html`<tr>
                            <th scope="row">${k.classLabel}</th>
                            <td class="num">${k.pupils}</td>
                            <td>
                              ${
                                k.issued
                                  ? 'Printed'
                                  : open
                                    ? html`<button
                                        type="button"
                                        class="button button--secondary"
                                        @click=${print(k.classLabel)}
                                      >
                                        Print slips<span class="visually-hidden">
                                          for ${k.classLabel}</span
                                        >
                                      </button>`
                                    : 'Not printed'
                              }
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
              : html`<p>No class list imported for this round yet.</p>`
          }
        </div>`,
      printed ? `Slips for ${printed.classLabel}` : `Class lists: ${round}`,
      { error: problems.length > 0 },
    );
  };
  draw();
}
