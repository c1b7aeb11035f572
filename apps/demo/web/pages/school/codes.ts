/**
 * Class codes for one round: issue a code for a class (with its size and questionnaire), see the
 * codes issued, by class, and revoke one. A code is shown once, when it is issued: only its hash is
 * stored, so the list names classes, never codes.
 */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from '../../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  hasErrors,
  noErrors,
  valuesOf,
  type FormErrors,
} from '../../forms.js';
import { errorView, focusOn, longDate, notice, show } from '../../ui.js';
import { WAVE, stateTag } from './words.js';

const school = client.schools[':urn'];
const roundApi = school.rounds[':round'];
type Codes = InferResponseType<typeof roundApi.codes.$get, 200>;
type Code = Codes['codes'][number];
type CodeInput = InferRequestType<typeof roundApi.codes.$post>['json'];
type Definitions = InferResponseType<typeof school.rounds.$get, 200>;

const CODE_FIELDS = [
  { name: 'classLabel', id: 'class-label' },
  { name: 'classSize', id: 'class-size' },
  { name: 'definition', id: 'definition' },
] as const;
const [labelField, sizeField, definitionField] = CODE_FIELDS;
const FIELDS = { classLabel: labelField, classSize: sizeField, definition: definitionField };
const field = (name: keyof typeof FIELDS) => FIELDS[name];

export async function codesPage(urn: string, round: string): Promise<void> {
  const param = { urn, round };
  const load = () =>
    Promise.all([
      call(roundApi.codes.$get({ param })),
      call(school.rounds.$get({ param: { urn } })),
    ]);
  let [data, rounds]: [Codes, Definitions] = await load();
  let message: TemplateResult | typeof nothing = nothing;
  let errors: FormErrors = noErrors();
  let values: Record<string, string> = {};
  let confirming: string | null = null;

  const issue = async (event: Event) => {
    event.preventDefault();
    values = valuesOf(event.target as HTMLFormElement);
    const size = (values.classSize ?? '').trim();
    try {
      const r = await call(
        roundApi.codes.$post({
          param,
          // Sent as typed: the server names what is wrong (empty, not a whole number, too big).
          json: {
            classLabel: values.classLabel ?? '',
            classSize: size === '' ? undefined : Number(size),
            definition: values.definition || undefined,
          } as CodeInput,
        }),
      );
      [data, rounds] = await load();
      errors = noErrors();
      values = {};
      message = html`<div class="panel" id="notice" role="status" tabindex="-1">
        <h2 class="panel__title">Class code for ${r.classLabel}</h2>
        <p class="code-issued" data-testid="issued-code">${r.code}</p>
        <p>
          Write it down now: it is shown only once. It lets in ${r.classSize} pupils, then no more.
        </p>
        <p>Pupils go to <strong>${location.origin}/pupil</strong> and type the code.</p>
      </div>`;
      draw();
      focusOn('#notice');
    } catch (e) {
      errors = errorsFrom(e, CODE_FIELDS);
      message = nothing;
      draw();
      focusOn('.error-summary');
    }
  };

  const ask = (id: string) => () => {
    confirming = id;
    draw();
    focusOn('#confirm-title');
  };
  const cancel = (id: string) => () => {
    confirming = null;
    draw();
    focusOn(`#code-${id} .code-card__actions button`);
  };
  const revoke = (k: Code) => async () => {
    confirming = null;
    try {
      await call(
        roundApi.codes[':code'].revoke.$post({ param: { ...param, code: k.id }, json: {} }),
      );
      [data, rounds] = await load();
      message = notice(
        html`<h2 class="notice__title">The code for ${k.classLabel} is revoked</h2>
          <p>
            No new pupil can start with it. Pupils already answering can still send their answers.
          </p>`,
      );
    } catch (e) {
      message = errorView(e);
    }
    draw();
    focusOn('#notice, main .error-summary');
  };

  const codeItem = (k: Code) =>
    html`<li class="code-card" id="code-${k.id}">
      <h3 class="code-card__title">
        ${k.classLabel} ${k.revoked ? html`<strong class="tag tag--closed">Revoked</strong>` : ''}
        ${k.linked ? html`<strong class="tag">Pupils' own slips</strong>` : ''}
      </h3>
      <dl class="summary-list">
        <div>
          <dt>Pupils in the class</dt>
          <dd>${k.classSize}</dd>
        </div>
        <div>
          <dt>Questionnaire</dt>
          <dd>${k.definition.label}</dd>
        </div>
        <div>
          <dt>Issued</dt>
          <dd>${longDate(k.issuedOn)}</dd>
        </div>
        <div>
          <dt>Pupils who answered</dt>
          <dd>${k.responses.label}</dd>
        </div>
        ${
          k.revoked
            ? html`<div>
                <dt>Revoked</dt>
                <dd>${longDate(k.revokedOn)}</dd>
              </div>`
            : ''
        }
      </dl>
      ${
        k.revoked
          ? nothing
          : confirming === k.id
            ? html`<div class="confirm" role="group" aria-labelledby="confirm-title">
                <h4 id="confirm-title" tabindex="-1">Revoke the code for ${k.classLabel}?</h4>
                <p>
                  No new pupil will be able to start with it. You cannot undo this; you can issue a
                  new code.
                </p>
                <div class="button-group">
                  <button type="button" class="button button--warning" @click=${revoke(k)}>
                    Yes, revoke it
                  </button>
                  <button type="button" class="button button--secondary" @click=${cancel(k.id)}>
                    Cancel
                  </button>
                </div>
              </div>`
            : html`<div class="code-card__actions">
                <button type="button" class="button button--secondary" @click=${ask(k.id)}>
                  Revoke<span class="visually-hidden"> the code for ${k.classLabel}</span>
                </button>
              </div>`
      }
    </li>`;

  const draw = () => {
    const r = data.round;
    const defaultDef = rounds.defaultDefinition;
    show(
      html`${errorSummary(errors, CODE_FIELDS)}
        <p><a href="/school" class="back-link">Back to your school</a></p>
        <h1>Class codes: ${r.id}</h1>
        <p>${stateTag(r)} ${WAVE[r.wave]}, ${longDate(r.opensOn)} to ${longDate(r.closesOn)}.</p>
        ${message}
        ${
          r.state === 'open'
            ? html`<h2>Issue a class code</h2>
                <p>Each class gets its own code. Pupils need no account and give no name.</p>
                <p>
                  Or
                  <a href="/school/class-lists/${encodeURIComponent(r.id)}"
                    >use class lists from your records</a
                  >: each pupil gets a code of their own, and is not asked about SEND or free school
                  meals.
                </p>
                <form @submit=${issue} novalidate>
                  <div class=${groupClass(errors, field('classLabel'))}>
                    <label for="class-label">Class</label>
                    <p class="hint" id="class-label-hint">For example 5B</p>
                    ${fieldError(errors, field('classLabel'))}
                    <input
                      id="class-label"
                      name="classLabel"
                      maxlength="40"
                      autocomplete="off"
                      .value=${live(values.classLabel ?? '')}
                      aria-describedby=${describedBy(errors, field('classLabel'), true)}
                    />
                  </div>
                  <div class=${groupClass(errors, field('classSize'))}>
                    <label for="class-size">Number of pupils in the class</label>
                    <p class="hint" id="class-size-hint">
                      The code accepts this many answers, then no more.
                    </p>
                    ${fieldError(errors, field('classSize'))}
                    <input
                      id="class-size"
                      name="classSize"
                      class="input--width-4"
                      inputmode="numeric"
                      autocomplete="off"
                      .value=${live(values.classSize ?? '')}
                      aria-describedby=${describedBy(errors, field('classSize'), true)}
                    />
                  </div>
                  <div class=${groupClass(errors, field('definition'))}>
                    <label for="definition">Questionnaire</label>
                    ${fieldError(errors, field('definition'))}
                    <select
                      id="definition"
                      name="definition"
                      aria-describedby=${describedBy(errors, field('definition'))}
                    >
                      ${rounds.definitions.map(
                        (d) =>
                          html`<option
                            value=${d.id}
                            ?selected=${(values.definition ?? defaultDef) === d.id}
                          >
                            ${d.label}
                          </option>`,
                      )}
                    </select>
                  </div>
                  <button type="submit" class="button">Issue a class code</button>
                </form>`
            : html`<p>This round is closed, so it takes no new class codes.</p>`
        }
        <h2>Issued codes</h2>
        ${
          data.codes.length
            ? html`<ul class="codes">
                ${data.codes.map(codeItem)}
              </ul>`
            : html`<p>No codes issued for this round yet.</p>`
        }`,
      `Class codes: ${round}`,
      { error: hasErrors(errors) },
    );
  };
  draw();
}
