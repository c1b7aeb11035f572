/**
 * The end-of-programme survey for the school's lead: answered once per programme year in
 * <at-questionnaire>, in the programme's national wording ("as a result of the programme"). Once
 * sent the page shows the answers in words, with a way to change them while the year lasts.
 * Outside the school the answers are only ever counted across the trust's or LA's schools.
 */
import { html, nothing } from 'lit';
import type { InferResponseType } from 'hono/client';
import type { AtSubmitEvent } from '@all-together/components';
import type { QuestionnaireResponse } from '@all-together/model';
import { ApiError, call, client } from '../../api.js';
import { errorView, focusOn, longDate, notice, show } from '../../ui.js';

const api = client.schools[':urn']['end-survey'];
type Data = InferResponseType<typeof api.$get, 200>;

/** Text in British English, or the first language the definition has. */
const text = (t: Record<string, string> | undefined): string =>
  t ? (t['en-GB'] ?? Object.values(t)[0] ?? '') : '';

/** Each question with the answer given, in words. */
function answersList(data: Data, response: QuestionnaireResponse) {
  const items = data.definition.sections.flatMap((s) => s.items);
  return html`<dl class="summary-list">
    ${items.map((item) => {
      const given = response.answers[item.id];
      const label =
        item.type === 'free-text'
          ? typeof given === 'string' && given
            ? given
            : 'Not answered'
          : text(item.options.find((o) => o.value === given)?.label) || 'Not answered';
      return html`<div>
        <dt>${text(item.text)}</dt>
        <dd>${label}</dd>
      </div>`;
    })}
  </dl>`;
}

/** The school's end-of-programme survey page. */
export async function endSurveyPage(
  urn: string,
  state: { editing?: boolean; sent?: boolean; error?: string } = {},
): Promise<void> {
  let data: Data;
  try {
    data = await call(api.$get({ param: { urn }, query: {} }));
  } catch (e) {
    show(errorView(e), 'End-of-programme survey', { error: true });
    return;
  }
  const response = data.response as QuestionnaireResponse | null;
  const onSubmit = async (e: AtSubmitEvent) => {
    try {
      await call(
        api.$put({ param: { urn }, query: {}, json: e.detail.response as QuestionnaireResponse }),
      );
      await endSurveyPage(urn, { sent: true });
      focusOn('#notice');
    } catch (err) {
      const message =
        err instanceof ApiError
          ? err.message
          : 'Something went wrong and your answers were not sent. Please try again.';
      await endSurveyPage(urn, { editing: true, error: message });
      focusOn('#send-error');
    }
  };
  const answering = data.editable && (state.editing || !response);
  show(
    html`<a href="/school" class="back-link">Back to your school</a>
      <h1>End-of-programme survey ${data.year}</h1>
      ${state.sent ? notice('Your answers have been sent. Thank you.') : nothing}
      ${
        state.error
          ? html`<div class="error-summary" id="send-error" tabindex="-1" role="alert">
              <h2 class="error-summary__title">Your answers were not sent</h2>
              <p>${state.error}</p>
            </div>`
          : nothing
      }
      <p>
        At the end of the programme year, tell us what has changed in your school
        <strong>as a result of the programme</strong>: the same questions the programme asked every
        school nationally. Your trust or local authority sees only how many of its schools agree
        with each, never your school's answers or your comments, and nothing when fewer than 10
        schools have answered.
      </p>
      ${
        answering
          ? html`<at-questionnaire
              .definition=${data.definition}
              school=${urn}
              wave="end"
              page-mode="section"
              heading-level="2"
              @at-submit=${onSubmit}
            ></at-questionnaire>`
          : response
            ? html`<p>Sent on ${longDate(data.sentOn ?? '')}.</p>
                ${answersList(data, response)}
                ${
                  data.editable
                    ? html`<button
                        type="button"
                        class="button--secondary"
                        @click=${() => endSurveyPage(urn, { editing: true })}
                      >
                        Change your answers
                      </button>`
                    : html`<p>
                        This programme year has ended, so the answers can no longer change.
                      </p>`
                }`
            : html`<p>Your school did not answer the survey for ${data.year}.</p>`
      }`,
    `End-of-programme survey ${data.year}`,
    { error: Boolean(state.error) },
  );
}
