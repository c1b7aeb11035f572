/**
 * The lead's 360° for one round: one survey link per audience (staff, parents and carers,
 * governors), how many have answered (never the number of a small group), and the 360° view the
 * server published: each statement's agreement by group, hidden for fewer than 10 people, and the
 * agreement gaps against the lead's own audit in plain words. A link's code is shown once.
 */
import { live } from 'lit/directives/live.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  noErrors,
  valuesOf,
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, show } from '../ui.js';
import { WAVE, stateTag } from './school/words.js';

const roundApi = client.schools[':urn'].rounds[':round'];
type View = InferResponseType<typeof roundApi.perception.$get, 200>;
type LinkInput = InferRequestType<typeof roundApi.perception.links.$post>['json'];
type Shown = { value: number } | { symbol: string; reason?: string };

const FIELDS = [
  { name: 'audience', id: 'audience' },
  { name: 'invited', id: 'invited' },
] as const;
const [audienceField, invitedField] = FIELDS;

const text = (t: Record<string, string> | undefined): string =>
  t ? (t['en-GB'] ?? Object.values(t)[0] ?? '') : '';
const RATING: Record<string, string> = {
  'fully-met': 'Fully met',
  'partially-met': 'Partially met',
  'not-yet-met': 'Not yet met',
  'dont-know': "Don't know",
};
const GROUPS = ['staff', 'parent-carer', 'governor'] as const;

/** One group's agreement with a statement, in words; a hidden figure says why, never 0. */
function agreement(g: { people: Shown; agree: Shown } | undefined): TemplateResult {
  if (!g) return html`<span class="hint">Not asked</span>`;
  if ('value' in g.agree && 'value' in g.people)
    return html`${g.agree.value}% agree <span class="hint">(${g.people.value} people)</span>`;
  if ('symbol' in g.agree && g.agree.symbol === '[z]')
    return html`<abbr title="not applicable">[z]</abbr> nobody answered`;
  return html`<abbr title="confidential">[c]</abbr> hidden: fewer than 10 people`;
}

/** The 360° survey page of a round. */
export async function perceptionPage(urn: string, round: string): Promise<void> {
  const param = { urn, round };
  let data: View = await call(roundApi.perception.$get({ param }));
  let errors: FormErrors = noErrors();
  let values: Record<string, string> = {};
  let issued: TemplateResult | typeof nothing = nothing;

  const make = async (event: Event) => {
    event.preventDefault();
    values = valuesOf(event.target as HTMLFormElement);
    const invited = (values.invited ?? '').trim();
    try {
      const r = await call(
        roundApi.perception.links.$post({
          param,
          // Sent as typed: the server names what is wrong.
          json: {
            audience: values.audience || undefined,
            invited: invited === '' ? undefined : Number(invited),
          } as LinkInput,
        }),
      );
      data = await call(roundApi.perception.$get({ param }));
      errors = noErrors();
      values = {};
      const url = `${location.origin}/survey#${r.code}`;
      issued = html`<div class="panel" id="notice" role="status" tabindex="-1">
        <h2 class="panel__title">Survey link for ${r.label.toLowerCase()}</h2>
        <p>Send this link: <strong data-testid="issued-link">${url}</strong></p>
        <p>Or people go to <strong>${location.origin}/survey</strong> and type this code:</p>
        <p class="code-issued" data-testid="issued-code">${r.code}</p>
        <p>
          Copy it now: it is shown only once. Send it to the ${r.invited} people you are asking; it
          takes ${r.invited} answers, then no more. Any earlier link for this group has stopped
          working.
        </p>
      </div>`;
      draw();
      focusOn('#notice');
    } catch (e) {
      errors = errorsFrom(e, FIELDS);
      issued = nothing;
      draw();
      focusOn('.error-summary');
    }
  };

  const draw = () => {
    const r = data.round;
    const statements = new Map(
      data.audit.areas.flatMap((a) => a.statements.map((s) => [s.id as string, text(s.text)])),
    );
    const live360 = data.published.statements.filter((s) => statements.has(s.statement));
    const shownGroups = GROUPS.filter((g) =>
      data.published.stakeholders.some((s) => s.stakeholder === g),
    );
    const links = data.links.filter((l) => !l.revokedOn);
    show(
      html`${errorSummary(errors, FIELDS)}
        <p><a href="/school" class="back-link">Back to your school</a></p>
        <h1>360° surveys: ${r.id}</h1>
        <p>${stateTag(r)} ${WAVE[r.wave]}, ${longDate(r.opensOn)} to ${longDate(r.closesOn)}.</p>
        <p>
          Staff, parents and carers, and governors answer a short survey about the same statements
          as your audit. They need no account and give no name, and nothing about who answered is
          kept. Each group's figures show only once at least 10 people of it have answered, and
          while the round is open they change only after 10 more have answered.
        </p>
        ${issued}

        <h2>Who has answered</h2>
        <div class="table-wrap" role="region" aria-labelledby="answered-caption" tabindex="0">
          <table>
            <caption id="answered-caption">
              People who have answered, by group
            </caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Survey link</th>
                <th scope="col">People who answered</th>
              </tr>
            </thead>
            <tbody>
              ${data.audiences.map((a) => {
                const l = links.find((x) => x.audience === a.audience);
                return html`<tr>
                  <th scope="row">${a.label}</th>
                  <td>
                    ${l ? `Made ${longDate(l.issuedOn)} for ${l.invited} people` : 'No link yet'}
                  </td>
                  <td>${a.answered}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>

        ${
          r.state === 'open'
            ? html`<h2>Make a survey link</h2>
                <form @submit=${make} novalidate>
                  <div class=${groupClass(errors, audienceField)}>
                    <fieldset
                      class="fieldset"
                      aria-describedby=${describedBy(errors, audienceField)}
                    >
                      <legend>Who is the link for?</legend>
                      ${fieldError(errors, audienceField)}
                      ${data.audiences.map(
                        (a, i) =>
                          html`<div class="radio">
                            <input
                              type="radio"
                              name="audience"
                              id=${i === 0 ? 'audience' : `audience-${a.audience}`}
                              value=${a.audience}
                              .checked=${live(values.audience === a.audience)}
                            />
                            <label for=${i === 0 ? 'audience' : `audience-${a.audience}`}
                              >${a.label}</label
                            >
                          </div>`,
                      )}
                    </fieldset>
                  </div>
                  <div class=${groupClass(errors, invitedField)}>
                    <label for="invited">How many people will you ask?</label>
                    <p class="hint" id="invited-hint">
                      The link takes this many answers, then no more. For example 40.
                    </p>
                    ${fieldError(errors, invitedField)}
                    <input
                      id="invited"
                      name="invited"
                      inputmode="numeric"
                      autocomplete="off"
                      class="input--width-4"
                      .value=${live(values.invited ?? '')}
                      aria-describedby=${describedBy(errors, invitedField, true)}
                    />
                  </div>
                  <button type="submit" class="button">Make the link</button>
                </form>`
            : html`<p>This round is closed, so it takes no new answers and no new links.</p>`
        }

        <h2 id="view-360">The 360° view</h2>
        ${
          data.gaps.length
            ? html`<h3>Agreement gaps</h3>
                <p>
                  Statements you rated Fully met in this round's audit that a group agrees with less
                  than 60%:
                </p>
                <ul class="gaps">
                  ${data.gaps.map(
                    (g) =>
                      html`<li>
                        <strong>${g.statement}</strong> ${statements.get(g.statement) ?? ''}
                        <br />${g.words}
                      </li>`,
                  )}
                </ul>
                <p>
                  Add an objective for each gap to
                  <a href="/school/plan/${r.id}">the action plan</a>: the award asks for every gap
                  to improve or be addressed in the plan.
                </p>`
            : data.rated
              ? html`<p>No agreement gaps: where any group's figures show, they agree with you.</p>`
              : html`<p>
                  Rate the statements in <a href="/school/audit/${r.id}">this round's audit</a> to
                  see where other people's views differ from yours.
                </p>`
        }
        ${
          live360.length
            ? html`<div
                  class="table-wrap"
                  role="region"
                  aria-labelledby="view-caption"
                  tabindex="0"
                >
                  <table>
                    <caption id="view-caption">
                      Agreement with each statement, by group
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Statement</th>
                        <th scope="col">Your rating</th>
                        ${shownGroups.map(
                          (g) =>
                            html`<th scope="col">
                              ${data.audiences.find((a) => a.audience === g)?.label ?? g}
                            </th>`,
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      ${live360.map(
                        (s) =>
                          html`<tr>
                            <th scope="row">
                              <span class="statement__id">${s.statement}</span>
                              ${statements.get(s.statement)}
                            </th>
                            <td>${RATING[data.ratings[s.statement] ?? ''] ?? 'Not rated'}</td>
                            ${shownGroups.map(
                              (g) =>
                                html`<td>
                                  ${agreement(
                                    s.groups.find((x) => x.stakeholder === g) as
                                      { people: Shown; agree: Shown } | undefined,
                                  )}
                                </td>`,
                            )}
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                <p class="hint">
                  [c]: hidden to protect privacy, because fewer than 10 people of that group
                  answered the statement's questions. A group agrees with a statement as much as
                  with the question about it they agree with least.
                </p>`
            : html`<p>
                No figures yet. Each group's figures show once at least 10 people of it have
                answered.
              </p>`
        }`,
      `360° surveys: ${r.id}`,
      { error: errors.fields.size > 0 || errors.general.length > 0 },
    );
  };
  draw();
}
