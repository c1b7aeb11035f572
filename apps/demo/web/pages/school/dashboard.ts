/**
 * The lead's dashboard: the school's rounds (state, dates, progress, links, close and submit for
 * the award), "Start a round", and the award recommendation. Every action ends with focus on
 * what it produced: a notice, the error summary, or the confirmation it asks for.
 */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
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
import { LEVEL, WAVE, stateTag } from './words.js';

const school = client.schools[':urn'];
type Rounds = InferResponseType<typeof school.rounds.$get, 200>;
type Round = Rounds['rounds'][number];
type Award = InferResponseType<typeof school.award.$get, 200>;

const ROUND_FIELDS = [
  { name: 'id', id: 'round-id' },
  { name: 'wave', id: 'round-wave' },
  { name: 'opensOn', id: 'round-opens' },
  { name: 'closesOn', id: 'round-closes' },
] as const;

interface State {
  data: Rounds;
  award: Award;
  /** What the last action produced, shown at the top and focused. */
  message: TemplateResult | typeof nothing;
  errors: FormErrors;
  values: Record<string, string>;
  /** A round whose close or submission waits for the lead to confirm. */
  confirming: { round: string; action: 'close' | 'lock' } | null;
}

export async function dashboard(urn: string): Promise<void> {
  const load = () =>
    Promise.all([
      call(school.rounds.$get({ param: { urn } })),
      call(school.award.$get({ param: { urn } })),
    ]);
  const [data, award] = await load();
  const s: State = {
    data,
    award,
    message: nothing,
    errors: noErrors(),
    values: {},
    confirming: null,
  };
  const reload = async () => {
    [s.data, s.award] = await load();
  };

  const createRound = async (event: Event) => {
    event.preventDefault();
    const v = valuesOf(event.target as HTMLFormElement);
    s.values = v;
    try {
      const r = await call(
        school.rounds.$post({
          param: { urn },
          json: {
            id: v.id ?? '',
            wave: (v.wave ?? '') as Round['wave'],
            opensOn: v.opensOn ?? '',
            closesOn: v.closesOn ?? '',
          },
        }),
      );
      await reload();
      s.errors = noErrors();
      s.values = {};
      s.message = notice(
        html`<h2 class="notice__title">Round ${r.round.id} created</h2>
          <p><a href="/school/codes/${r.round.id}">Issue class codes for ${r.round.id}</a></p>`,
      );
      draw();
      focusOn('#notice');
    } catch (e) {
      s.errors = errorsFrom(e, ROUND_FIELDS);
      s.message = nothing;
      draw();
      focusOn('.error-summary');
    }
  };

  const ask = (round: string, action: 'close' | 'lock') => () => {
    s.confirming = { round, action };
    draw();
    focusOn('#confirm-title');
  };
  const cancel = (round: string) => () => {
    s.confirming = null;
    draw();
    focusOn(`#round-${CSS.escape(round)} .round__actions button`);
  };
  const confirm = async () => {
    const c = s.confirming!;
    s.confirming = null;
    try {
      const args = { param: { urn, round: c.round }, json: {} };
      const route = school.rounds[':round'];
      if (c.action === 'close') await call(route.close.$post(args));
      else await call(route.lock.$post(args));
      await reload();
      s.message = notice(
        c.action === 'close'
          ? html`<h2 class="notice__title">Round ${c.round} is closed</h2>
              <p>Pupils can no longer answer. Its audit and action plan are now read-only.</p>`
          : html`<h2 class="notice__title">Round ${c.round} is submitted for the award</h2>
              <p>It is locked: nothing in it can change.</p>`,
      );
    } catch (e) {
      s.message = errorView(e);
    }
    draw();
    focusOn('#notice, main .error-summary');
  };

  const roundCard = (r: Round) => {
    const confirming = s.confirming?.round === r.id ? s.confirming : null;
    return html`<li class="round" id="round-${r.id}">
      <h3 class="round__title">
        ${r.id} ${stateTag(r)}
        ${r.reporting ? html`<strong class="tag tag--reported">Reported to the area</strong>` : ''}
      </h3>
      <dl class="summary-list">
        <div>
          <dt>Wave</dt>
          <dd>${WAVE[r.wave]}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>${longDate(r.opensOn)} to ${longDate(r.closesOn)}</dd>
        </div>
        <div>
          <dt>Pupils who answered</dt>
          <dd>${r.responses.label}${r.state === 'open' ? ' so far' : ''}</dd>
        </div>
        <div>
          <dt>Class codes</dt>
          <dd>${r.codes} issued</dd>
        </div>
      </dl>
      <ul class="round__links">
        <li>
          <a href="/school/results/${r.id}"
            >Results<span class="visually-hidden"> for ${r.id}</span></a
          >
        </li>
        <li>
          <a href="/school/audit/${r.id}">Audit<span class="visually-hidden"> for ${r.id}</span></a>
        </li>
        <li>
          <a href="/school/plan/${r.id}"
            >Action plan<span class="visually-hidden"> for ${r.id}</span></a
          >
        </li>
        <li>
          <a href="/school/codes/${r.id}"
            >Class codes<span class="visually-hidden"> for ${r.id}</span></a
          >
        </li>
        <li>
          <a href="/school/perception/${r.id}"
            >360° surveys<span class="visually-hidden"> for ${r.id}</span></a
          >
        </li>
      </ul>
      ${
        confirming
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-title">
              <h4 id="confirm-title" tabindex="-1">
                ${
                  confirming.action === 'close'
                    ? `Close round ${r.id}?`
                    : `Submit round ${r.id} for the award?`
                }
              </h4>
              <p>
                ${
                  confirming.action === 'close'
                    ? 'Pupils will not be able to answer any more, and its audit and action plan become read-only. You cannot open it again.'
                    : 'The round is locked for moderation: nothing in it can change after this.'
                }
              </p>
              <div class="button-group">
                <button type="button" class="button button--warning" @click=${confirm}>
                  ${confirming.action === 'close' ? 'Yes, close the round' : 'Yes, submit it'}
                </button>
                <button type="button" class="button button--secondary" @click=${cancel(r.id)}>
                  Cancel
                </button>
              </div>
            </div>`
          : html`<div class="round__actions">
              ${
                r.state === 'open'
                  ? html`<button
                      type="button"
                      class="button button--secondary"
                      @click=${ask(r.id, 'close')}
                    >
                      Close round<span class="visually-hidden"> ${r.id}</span>
                    </button>`
                  : r.state === 'closed'
                    ? html`<button
                        type="button"
                        class="button button--secondary"
                        @click=${ask(r.id, 'lock')}
                      >
                        Submit for the award<span class="visually-hidden"> (round ${r.id})</span>
                      </button>`
                    : nothing
              }
            </div>`
      }
    </li>`;
  };

  const [idField, waveField, opensField, closesField] = ROUND_FIELDS;
  const fields = { id: idField, wave: waveField, opensOn: opensField, closesOn: closesField };
  const field = (name: keyof typeof fields) => fields[name];

  const draw = () => {
    const { data, award, errors, values } = s;
    show(
      html`${errorSummary(errors, ROUND_FIELDS)}
        <h1>${data.school.name}</h1>
        ${s.message}
        <h2>Rounds</h2>
        ${
          data.rounds.length
            ? html`<ul class="rounds">
                ${data.rounds.map(roundCard)}
              </ul>`
            : html`<p>No rounds yet. Start one below.</p>`
        }
        <p class="hint">
          While a round is open, the number of pupils who answered is shown in bands (fewer than 10,
          10 or more, then in steps of 5), so that no one can tell when a single pupil answered.
        </p>

        <h2 id="start-round">Start a round</h2>
        <form @submit=${createRound} novalidate>
          <div class=${groupClass(errors, field('id'))}>
            <label for="round-id">Round name</label>
            <p class="hint" id="round-id-hint">
              Lower-case letters, digits and dashes, for example 2026-27-end
            </p>
            ${fieldError(errors, field('id'))}
            <input
              id="round-id"
              name="id"
              spellcheck="false"
              autocomplete="off"
              .value=${live(values.id ?? '')}
              aria-describedby=${describedBy(errors, field('id'), true)}
            />
          </div>
          <div class=${groupClass(errors, field('wave'))}>
            <label for="round-wave">Wave</label>
            ${fieldError(errors, field('wave'))}
            <select
              id="round-wave"
              name="wave"
              aria-describedby=${describedBy(errors, field('wave'))}
            >
              <option value="baseline" ?selected=${values.wave !== 'end'}>${WAVE.baseline}</option>
              <option value="end" ?selected=${values.wave === 'end'}>${WAVE.end}</option>
            </select>
          </div>
          <div class=${groupClass(errors, field('opensOn'))}>
            <label for="round-opens">Opens on</label>
            <p class="hint" id="round-opens-hint">Today or later</p>
            ${fieldError(errors, field('opensOn'))}
            <input
              id="round-opens"
              name="opensOn"
              type="date"
              .value=${live(values.opensOn ?? '')}
              aria-describedby=${describedBy(errors, field('opensOn'), true)}
            />
          </div>
          <div class=${groupClass(errors, field('closesOn'))}>
            <label for="round-closes">Closes on</label>
            <p class="hint" id="round-closes-hint">The last day pupils can answer</p>
            ${fieldError(errors, field('closesOn'))}
            <input
              id="round-closes"
              name="closesOn"
              type="date"
              .value=${live(values.closesOn ?? '')}
              aria-describedby=${describedBy(errors, field('closesOn'), true)}
            />
          </div>
          <button type="submit" class="button">Create round</button>
        </form>

        <h2>Award recommendation</h2>
        <p>
          Recommended for moderation:
          <strong>${LEVEL[award.recommendation.level] ?? award.recommendation.level}</strong>
          (baseline ${award.rounds.baseline ?? 'none'}, end ${award.rounds.end ?? 'none'}).
        </p>
        <details>
          <summary>What is still to do</summary>
          <ul>
            ${award.recommendation.criteria
              .filter((c) => !c.met)
              .map((c) => html`<li>${LEVEL[c.level] ?? c.level}: ${c.reason}</li>`)}
          </ul>
        </details>
        <h2>End of the programme year</h2>
        <p>
          <a href="/school/end-survey">Answer the end-of-programme survey</a>: what has changed as a
          result of the programme.
        </p>
        <p><a href="/school/log">Your school's activity log</a></p>`,
      'Your school',
      { error: hasErrors(errors) },
    );
  };
  draw();
}
