/**
 * A training delegate's survey: no account, no school, no name. The session's code (typed, or in
 * the link's fragment, which never reaches a server) opens it; the delegate may give the code of
 * their own from an earlier answer so their answers are linked, and may say where they work. After
 * the first answer the page shows their new code to keep. A refusal (a mistyped code of theirs)
 * keeps the answers in the page to send again once it is put right: nothing entered is lost.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InferResponseType } from 'hono/client';
import type { AtSubmitEvent } from '@all-together/components';
import type { QuestionnaireResponse } from '@all-together/model';
import { ApiError, call, client } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  noErrors,
  valuesOf,
  type Field,
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, notice, show } from '../ui.js';

type Opened = InferResponseType<typeof client.cpd.session.$post, 200>;

const CODE_FIELDS = [{ name: 'code', id: 'session-code' }] as const satisfies readonly Field[];
const ABOUT_FIELDS = [
  { name: 'delegateCode', id: 'delegate-code' },
  { name: 'setting', id: 'setting' },
] as const satisfies readonly Field[];

/** What the delegate has told the page so far (kept in memory only, never in storage or the URL). */
interface Progress {
  code: string;
  opened: Opened;
  delegateCode: string;
  setting: string;
  /** Answers not yet accepted (a refusal keeps them to send again). */
  pending?: QuestionnaireResponse;
}

/** The delegate page at /cpd. */
export async function cpdDelegatePage(): Promise<void> {
  const fromLink = decodeURIComponent(location.hash.slice(1));
  // The code is read once and taken out of the address bar (shared devices, W8).
  if (fromLink) history.replaceState(null, '', '/cpd');
  codePage(noErrors(), fromLink);
  if (fromLink) focusOn('#session-code');
}

function codePage(errors: FormErrors, value: string): void {
  const [code] = CODE_FIELDS;
  const submit = async (event: Event) => {
    event.preventDefault();
    const v = valuesOf(event.target as HTMLFormElement);
    try {
      const opened = await call(client.cpd.session.$post({ json: { code: v.code ?? '' } }));
      aboutPage({ code: v.code ?? '', opened, delegateCode: '', setting: '' });
      focusOn('main h1');
    } catch (e) {
      codePage(errorsFrom(e, CODE_FIELDS), v.code ?? '');
      focusOn('.error-summary');
    }
  };
  show(
    html`${errorSummary(errors, CODE_FIELDS)}
      <h1>Training survey</h1>
      <p>
        A short survey about how confident you feel preventing and responding to bullying, before
        your training, straight after it and some months later. You do not need an account, and we
        never ask your name.
      </p>
      <form @submit=${submit} novalidate>
        <div class=${groupClass(errors, code)}>
          <label for=${code.id}>Session code</label>
          <p class="hint" id="${code.id}-hint">
            8 letters and numbers from your trainer, like ABCD-2345.
          </p>
          ${fieldError(errors, code)}
          <input
            id=${code.id}
            name=${code.name}
            type="text"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="characters"
            .value=${live(value)}
            aria-describedby=${describedBy(errors, code, true)}
          />
        </div>
        <button type="submit" class="button">Continue</button>
      </form>`,
    'Training survey',
    { error: errors.fields.size + errors.general.length > 0 },
  );
}

function aboutPage(p: Progress, errors: FormErrors = noErrors()): void {
  const [delegateCode, setting] = ABOUT_FIELDS;
  const submit = (event: Event) => {
    event.preventDefault();
    const v = valuesOf(event.target as HTMLFormElement);
    const next = { ...p, delegateCode: v.delegateCode ?? '', setting: v.setting ?? '' };
    if (next.pending) void send(next, next.pending);
    else {
      surveyPage(next);
      focusOn('main h1');
    }
  };
  show(
    html`${errorSummary(errors, ABOUT_FIELDS)}
      <h1>${p.opened.session.course}</h1>
      <p>
        Session of ${longDate(p.opened.session.heldOn)}, for
        ${p.opened.session.audience.toLowerCase()}.
      </p>
      ${
        p.pending
          ? notice('Your answers are kept on this page. Put the problem right and send them again.')
          : nothing
      }
      <form @submit=${submit} novalidate>
        <div class=${groupClass(errors, delegateCode)}>
          <label for=${delegateCode.id}>Your code (if you have one)</label>
          <p class="hint" id="${delegateCode.id}-hint">
            If you answered this survey before and were given a code, enter it so your answers are
            linked. Leave it empty if this is your first time: you will get one at the end.
          </p>
          ${fieldError(errors, delegateCode)}
          <input
            id=${delegateCode.id}
            name=${delegateCode.name}
            type="text"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="characters"
            .value=${live(p.delegateCode)}
            aria-describedby=${describedBy(errors, delegateCode, true)}
          />
        </div>
        <div class=${groupClass(errors, setting)}>
          <label for=${setting.id}>Where do you work? (optional)</label>
          <p class="hint" id="${setting.id}-hint">
            You do not need to work in a school. This is only ever counted with others' answers.
          </p>
          ${fieldError(errors, setting)}
          <select
            id=${setting.id}
            name=${setting.name}
            aria-describedby=${describedBy(errors, setting, true)}
          >
            <option value="">I'd rather not say</option>
            ${p.opened.settings.map(
              (s) =>
                html`<option value=${s.value} ?selected=${p.setting === s.value}>
                  ${s.label}
                </option>`,
            )}
          </select>
        </div>
        <button type="submit" class="button">
          ${p.pending ? 'Send your answers' : 'Continue'}
        </button>
      </form>`,
    p.opened.session.course,
    { error: errors.fields.size + errors.general.length > 0 },
  );
}

function surveyPage(p: Progress): void {
  const onSubmit = (e: AtSubmitEvent) => void send(p, e.detail.response as QuestionnaireResponse);
  show(
    html`<h1>${p.opened.session.course}</h1>
      <at-questionnaire
        .definition=${p.opened.definition}
        school=${p.opened.noSchool}
        wave="baseline"
        page-mode="section"
        heading-level="2"
        @at-submit=${onSubmit}
      ></at-questionnaire>`,
    p.opened.session.course,
  );
}

async function send(p: Progress, response: QuestionnaireResponse): Promise<void> {
  try {
    const r = await call(
      client.cpd.answers.$post({
        json: {
          code: p.code,
          ...(p.delegateCode.trim() ? { delegateCode: p.delegateCode } : {}),
          ...(p.setting ? { setting: p.setting as 'other' } : {}),
          response,
        },
      }),
    );
    donePage(r.delegateCode);
    focusOn('#notice');
  } catch (e) {
    const errors = errorsFrom(e, ABOUT_FIELDS);
    // A code of theirs that was not found belongs to the code field, not the page.
    if (e instanceof ApiError && e.reason === 'no-delegate') {
      errors.general = [];
      errors.fields.set('delegateCode', e.message);
    }
    aboutPage({ ...p, pending: response }, errors);
    focusOn('.error-summary');
  }
}

function donePage(delegateCode: string | undefined): void {
  show(
    html`<h1>Thank you</h1>
      ${notice('Your answers have been sent.')}
      ${
        delegateCode
          ? html`<h2>Your code</h2>
              <p class="code-issued">${delegateCode}</p>
              <p>
                Keep this code: write it down or take a photo of it. Enter it when you answer
                straight after the training and again in a few months, so your answers are linked.
                It is made at random: it says nothing about you, and nobody can tell from it who you
                are.
              </p>`
          : html`<p>Your answers are linked to your earlier ones by your code.</p>`
      }
      <p>You can close this page.</p>`,
    'Thank you',
  );
}
