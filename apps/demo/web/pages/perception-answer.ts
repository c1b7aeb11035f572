/**
 * Where staff, parents and carers, and governors answer the school's 360° survey: the link carries
 * the code after `#` (a fragment never reaches the server or its logs), or the person types it. No
 * account and no name; the answers are stored with nothing that could say whose they are.
 */
import { live } from 'lit/directives/live.js';
import { html, nothing } from 'lit';
import type { InferResponseType } from 'hono/client';
import type { AtSubmitEvent } from '@all-together/components';
import type { QuestionnaireResponse } from '@all-together/model';
import { ApiError, call, client } from '../api.js';
import {
  describedBy,
  errorSummary,
  fieldError,
  groupClass,
  noErrors,
  valuesOf,
  type FormErrors,
} from '../forms.js';
import { focusOn, show } from '../ui.js';

type Survey = InferResponseType<typeof client.perception.start.$post, 200>;
const CODE = [{ name: 'code', id: 'code' }] as const;

const WHO: Record<string, string> = {
  staff: 'staff',
  'parent-carer': 'parents and carers',
  governor: 'governors',
};

/** The page at /survey. */
export async function perceptionAnswerPage(): Promise<void> {
  const fromLink = decodeURIComponent(location.hash.slice(1)).trim();
  // The code leaves the address bar (and the screen) once read.
  if (fromLink) history.replaceState(null, '', '/survey');
  if (fromLink) return start(fromLink);
  codeForm(noErrors(), '');
}

function codeForm(errors: FormErrors, value: string): void {
  const submit = (event: Event) => {
    event.preventDefault();
    const code = (valuesOf(event.target as HTMLFormElement).code ?? '').trim();
    if (!code) {
      const e = noErrors();
      e.fields.set('code', 'Enter the survey code the school gave you, like KXTR-4HQM.');
      codeForm(e, code);
      focusOn('.error-summary');
      return;
    }
    void start(code);
  };
  const [field] = CODE;
  show(
    html`${errorSummary(errors, CODE)}
      <h1>Answer your school's survey</h1>
      <p>
        The school asks staff, parents and carers, and governors what they think of its work on
        bullying. It takes about 5 minutes. You need no account and you do not give your name.
      </p>
      <form @submit=${submit} novalidate>
        <div class=${groupClass(errors, field)}>
          <label for="code">Survey code</label>
          <p class="hint" id="code-hint">8 letters and numbers, like KXTR-4HQM</p>
          ${fieldError(errors, field)}
          <input
            id="code"
            name="code"
            autocomplete="off"
            spellcheck="false"
            class="input--width-10"
            .value=${live(value)}
            aria-describedby=${describedBy(errors, field, true)}
          />
        </div>
        <button type="submit" class="button">Start</button>
      </form>`,
    'Answer your school’s survey',
    { error: errors.fields.size > 0 || errors.general.length > 0 },
  );
}

async function start(code: string): Promise<void> {
  let survey: Survey;
  try {
    survey = await call(client.perception.start.$post({ json: { code } }));
  } catch (e) {
    const errors = noErrors();
    if (e instanceof ApiError) errors.fields.set('code', e.message);
    else errors.general.push('Something went wrong. Please try again.');
    codeForm(errors, code);
    focusOn('.error-summary');
    return;
  }
  answer(code, survey);
}

function answer(code: string, survey: Survey, error?: string): void {
  const onSubmit = async (e: AtSubmitEvent) => {
    try {
      await call(
        client.perception.responses.$post({
          json: { code, response: e.detail.response as QuestionnaireResponse },
        }),
      );
      thanks(survey);
    } catch (err) {
      answer(
        code,
        survey,
        err instanceof ApiError
          ? err.message
          : 'Your answers could not be sent just now. Please try again.',
      );
      focusOn('#send-error');
    }
  };
  show(
    html`<h1>${survey.school.name}: survey for ${WHO[survey.audience] ?? survey.audience}</h1>
      ${
        error
          ? html`<div class="error-summary" id="send-error" tabindex="-1" role="alert">
              <h2 class="error-summary__title">Your answers were not sent</h2>
              <p>${error}</p>
            </div>`
          : nothing
      }
      <p>
        Your answers are anonymous: the school sees only how many people agree with each statement,
        and nothing at all until at least 10 people have answered. Nothing about you is kept with
        your answers. Answer "Don't know" whenever you are not sure.
      </p>
      <at-questionnaire
        .definition=${survey.definition}
        school=${survey.school.urn}
        wave=${survey.wave}
        page-mode="section"
        heading-level="2"
        @at-submit=${onSubmit}
      ></at-questionnaire>`,
    `Survey for ${WHO[survey.audience] ?? survey.audience}`,
    { error: Boolean(error) },
  );
}

function thanks(survey: Survey): void {
  show(
    html`<h1>Thank you</h1>
      ${html`<div class="notice" role="status" tabindex="-1" id="notice">
        <p>Your answers have been sent to ${survey.school.name}.</p>
      </div>`}
      <p>
        You can close this page. If you are worried about a child, talk to the school's designated
        safeguarding lead. Children can call Childline free on 0800 1111.
      </p>`,
    'Thank you',
  );
  focusOn('#notice');
}
