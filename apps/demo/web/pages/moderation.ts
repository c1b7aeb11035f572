/**
 * Award moderation in the portal (issue 19): the lead's evidence portfolio, submission and
 * decision (`/award`), the printable certificate (`/award/certificate`), the moderator's queue and
 * view of one school (`/moderation`, `/moderation/:urn`), and the LA's or trust's awards
 * (`/awards`). Files are uploaded as JSON (base64) and only ever downloaded, never shown inline.
 */
import { html, type TemplateResult } from 'lit';
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
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, notice, show } from '../ui.js';

const LEVEL: Record<string, string> = {
  participation: 'Certificate of participation',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};
const STATE: Record<string, string> = {
  submitted: 'Submitted: waiting for the moderator',
  'more-evidence': 'The moderator asked for more evidence',
  'awaiting-sign-off': 'Decided: waiting for a second moderator to sign off',
  decided: 'Decided',
};
const KINDS = ['document', 'observation', 'survey', 'minutes', 'other'] as const;
const OUTCOME: Record<string, string> = {
  confirm: 'Confirmed the recommended level',
  'change-level': 'Changed the level',
  participation: 'Certificate of participation',
  'more-evidence': 'Asked for more evidence',
};

const EVIDENCE_FIELDS = [
  { name: 'area', id: 'ev-area' },
  { name: 'kind', id: 'ev-kind' },
  { name: 'description', id: 'ev-description' },
  { name: 'date', id: 'ev-date' },
  { name: 'url', id: 'ev-url' },
  { name: 'file', id: 'ev-file' },
] as const;

const DECISION_FIELDS = [
  { name: 'outcome', id: 'd-outcome' },
  { name: 'level', id: 'd-level' },
  { name: 'reasons', id: 'd-reasons' },
] as const;

/** A file as base64, read in the browser (never shown). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const size = (n: number | null | undefined) =>
  n == null ? '' : n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`;

type Item = {
  id: string;
  area: string | null;
  action: string | null;
  kind: string;
  description: string;
  date: string;
  url: string | null;
  file: { name: string; size: number | null } | null;
};

function evidenceTable(items: readonly Item[], fileUrl: (id: string) => string): TemplateResult {
  if (!items.length) return html`<p>No evidence yet.</p>`;
  return html`<table class="table">
    <caption class="visually-hidden">
      Evidence
    </caption>
    <thead>
      <tr>
        <th scope="col">For</th>
        <th scope="col">Kind</th>
        <th scope="col">Description</th>
        <th scope="col">Date</th>
        <th scope="col">File or link</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (i) =>
          html`<tr>
            <td>${i.area ? `Area ${i.area}` : 'An action'}</td>
            <td>${i.kind}</td>
            <td>${i.description}</td>
            <td>${longDate(i.date)}</td>
            <td>
              ${
                i.file
                  ? html`<a href=${fileUrl(i.id)} download>${i.file.name}</a>
                      (${size(i.file.size)})`
                  : ''
              }
              ${
                i.url
                  ? html`<a href=${i.url} rel="noopener noreferrer" target="_blank">link</a>`
                  : ''
              }
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

// ───────────────────────────────── the lead ─────────────────────────────────

export async function leadAwardPage(urn: string, path: string): Promise<void> {
  if (path === '/award/certificate') return certificatePage(urn);
  const [ev, mod] = await Promise.all([
    call(client.schools[':urn'].evidence.$get({ param: { urn } })),
    call(client.schools[':urn'].moderation.$get({ param: { urn } })),
  ]);
  const draw = (errors: FormErrors = noErrors(), values: Record<string, string> = {}) => {
    const f = (name: string) => EVIDENCE_FIELDS.find((x) => x.name === name)!;
    const add = async (event: Event) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const v = valuesOf(form);
      const input = form.querySelector<HTMLInputElement>('#ev-file');
      const file = input?.files?.[0];
      try {
        if (file && file.size > ev.limits.maxFileBytes)
          throw new Error(`The file "${file.name}" is larger than 5 MB.`);
        const [kindOf, id] = (v.for ?? '').split(':');
        await call(
          client.schools[':urn'].evidence.$post({
            param: { urn },
            json: {
              ...(kindOf === 'area' ? { area: id } : kindOf === 'action' ? { action: id } : {}),
              kind: v.kind as (typeof KINDS)[number],
              description: v.description ?? '',
              date: v.date ?? '',
              ...(v.url ? { url: v.url } : {}),
              ...(file ? { file: { name: file.name, data: await base64Of(file) } } : {}),
            },
          }),
        );
        await leadAwardPage(urn, path);
        focusOn('#notice');
      } catch (e) {
        const errs =
          e instanceof Error && !('status' in e)
            ? { fields: new Map([['file', e.message]]), general: [] }
            : errorsFrom(e, EVIDENCE_FIELDS);
        draw(errs, { ...v });
        focusOn('.error-summary');
      }
    };
    const submit = async () => {
      try {
        await call(client.schools[':urn'].moderation.submit.$post({ param: { urn }, json: {} }));
        await leadAwardPage(urn, path);
        focusOn('#notice');
      } catch (e) {
        draw(errorsFrom(e, []), values);
        focusOn('.error-summary');
      }
    };
    show(
      html`${errorSummary(errors, EVIDENCE_FIELDS)}
        <h1>Award and evidence</h1>
        ${mod.state ? notice(STATE[mod.state] ?? mod.state) : ''}
        ${
          mod.award
            ? html`<h2>Your award</h2>
                <p>
                  <strong>${mod.award.levelLabel}</strong>, awarded on
                  ${longDate(mod.award.awardedOn)} by
                  ${mod.award.awardingBody}${
                    mod.award.expiresOn
                      ? html`; it expires on ${longDate(mod.award.expiresOn)}`
                      : ''
                  }.
                </p>
                <p><a href="/award/certificate">Print the certificate</a></p>`
            : ''
        }
        ${
          mod.decisions.length
            ? html`<h2>The moderator's decision</h2>
                ${mod.decisions.map(
                  (d) =>
                    html`<section class="decision">
                      <p>
                        <strong>${OUTCOME[d.outcome] ?? d.outcome}</strong>${
                          d.levelLabel ? html`: ${d.levelLabel}` : ''
                        }
                        (${d.decidedBy}, ${longDate(d.decidedAt)})
                      </p>
                      <p class="reasons">${d.reasons}</p>
                    </section>`,
                )}`
            : ''
        }
        <h2>Recommendation</h2>
        <at-award-readiness
          .recommendation=${mod.recommendation}
          heading-level="3"
        ></at-award-readiness>

        <h2>Evidence portfolio${ev.year ? ` (${ev.year})` : ''}</h2>
        ${evidenceTable(ev.items, (id) => `/api/schools/${urn}/evidence/${id}/file`)}
        ${
          ev.open
            ? html`<h3>Add evidence</h3>
                <p class="hint" id="ev-privacy">
                  Do not upload anything that identifies a pupil: no names, photographs of faces, or
                  records of individual pupils. Describe what the evidence shows instead.
                </p>
                <form @submit=${add} novalidate aria-describedby="ev-privacy">
                  <div class=${groupClass(errors, f('area'))}>
                    <label for="ev-area">What it is evidence for</label>
                    ${fieldError(errors, f('area'))}
                    <select
                      id="ev-area"
                      name="for"
                      aria-describedby=${describedBy(errors, f('area'))}
                    >
                      ${ev.areas.map(
                        (a) =>
                          html`<option
                            value="area:${a.number}"
                            ?selected=${values.for === `area:${a.number}`}
                          >
                            Area ${a.number}:
                            ${typeof a.title === 'string' ? a.title : ((a.title as Record<string, string>)['en-GB'] ?? '')}
                          </option>`,
                      )}
                      ${ev.actions.map(
                        (a) =>
                          html`<option
                            value="action:${a.id}"
                            ?selected=${values.for === `action:${a.id}`}
                          >
                            Action: ${a.title}
                          </option>`,
                      )}
                    </select>
                  </div>
                  <div class=${groupClass(errors, f('kind'))}>
                    <label for="ev-kind">Kind</label>
                    ${fieldError(errors, f('kind'))}
                    <select id="ev-kind" name="kind">
                      ${KINDS.map(
                        (k) =>
                          html`<option value=${k} ?selected=${values.kind === k}>${k}</option>`,
                      )}
                    </select>
                  </div>
                  <div class=${groupClass(errors, f('description'))}>
                    <label for="ev-description">Description</label>
                    <p class="hint" id="ev-description-hint">
                      At least ${ev.limits.minWords} words: what it is and what it shows.
                    </p>
                    ${fieldError(errors, f('description'))}
                    <textarea
                      id="ev-description"
                      name="description"
                      rows="3"
                      .value=${live(values.description ?? '')}
                      aria-describedby=${describedBy(errors, f('description'), true)}
                    ></textarea>
                  </div>
                  <div class=${groupClass(errors, f('date'))}>
                    <label for="ev-date">Date</label>
                    ${fieldError(errors, f('date'))}
                    <input id="ev-date" name="date" type="date" .value=${live(values.date ?? '')} />
                  </div>
                  <div class=${groupClass(errors, f('url'))}>
                    <label for="ev-url">Link (optional)</label>
                    ${fieldError(errors, f('url'))}
                    <input id="ev-url" name="url" type="url" .value=${live(values.url ?? '')} />
                  </div>
                  <div class=${groupClass(errors, f('file'))}>
                    <label for="ev-file">File (optional)</label>
                    <p class="hint" id="ev-file-hint">
                      ${ev.limits.allowed}; at most ${size(ev.limits.maxFileBytes)}.
                    </p>
                    ${fieldError(errors, f('file'))}
                    <input
                      id="ev-file"
                      name="file"
                      type="file"
                      accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx"
                      aria-describedby=${describedBy(errors, f('file'), true)}
                    />
                  </div>
                  <button type="submit" class="button">Add evidence</button>
                </form>`
            : html`<p>The portfolio is with the moderator, so it cannot change now.</p>`
        }

        <h2>Submit for moderation</h2>
        ${
          mod.canSubmit
            ? html`<p>
                  Submitting locks your Time 1 and Time 2 rounds, their audits and the action plan,
                  and the portfolio. The moderator can ask for more evidence.
                </p>
                <button type="button" class="button" @click=${submit}>
                  Submit for moderation
                </button>`
            : mod.blockers.length
              ? html`<ul>
                  ${mod.blockers.map((b) => html`<li>${b}</li>`)}
                </ul>`
              : html`<p>
                  ${
                    mod.state === 'decided'
                      ? 'Moderation is finished for this programme year.'
                      : 'Your submission is with the moderator.'
                  }
                </p>`
        }`,
      'Award and evidence',
      { error: hasErrors(errors) },
    );
  };
  draw();
}

async function certificatePage(urn: string): Promise<void> {
  const c = await call(client.schools[':urn'].certificate.$get({ param: { urn } }));
  const award = c.award;
  show(
    html`<p class="no-print">
        <a href="/award">Back to the award</a> · Use your browser's Print to save it as a PDF.
      </p>
      <article class="certificate" aria-labelledby="certificate-title">
        <p class="certificate__programme">All Together</p>
        <h1 id="certificate-title" class="certificate__level">${award.levelLabel}</h1>
        <p class="certificate__school">${c.school.name}</p>
        <p>
          ${
            award.level === 'participation'
              ? 'has taken part in every step of the All Together anti-bullying programme'
              : html`has achieved All Together School status at
                  <strong>${award.levelLabel}</strong>`
          }
          in the programme year ${award.programmeYear}.
        </p>
        <dl class="certificate__facts">
          <dt>Awarded on</dt>
          <dd>${longDate(award.awardedOn)}</dd>
          <dt>Awarding body</dt>
          <dd>${award.awardingBody}</dd>
          ${
            award.expiresOn
              ? html`<dt>Valid until</dt>
                  <dd>${longDate(award.expiresOn)}</dd>`
              : ''
          }
          <dt>School URN</dt>
          <dd>${c.school.urn}</dd>
        </dl>
      </article>`,
    `Certificate — ${c.school.name}`,
  );
}

// ─────────────────────────────── the moderator ───────────────────────────────

export async function moderatorPage(path: string): Promise<void> {
  const urn = /^\/moderation\/(\d{6})$/.exec(path)?.[1];
  if (urn) return moderatorSchool(urn);
  const q = await call(client.moderation.$get());
  show(
    html`<h1>Moderation</h1>
      <p>Schools of ${q.organisation.name} submitted for the award.</p>
      ${
        q.schools.length
          ? html`<table class="table">
              <caption class="visually-hidden">
                Schools submitted for moderation
              </caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">Year</th>
                  <th scope="col">Recommended</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                ${q.schools.map(
                  (s) =>
                    html`<tr>
                      <td><a href="/moderation/${s.urn}">${s.name}</a></td>
                      <td>${s.year}</td>
                      <td>${LEVEL[s.recommended] ?? s.recommended}</td>
                      <td>${STATE[s.state] ?? s.state}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No school is waiting.</p>`
      }`,
    'Moderation',
  );
}

async function moderatorSchool(urn: string): Promise<void> {
  const v = await call(client.moderation.schools[':urn'].$get({ param: { urn } }));
  const draw = (errors: FormErrors = noErrors(), values: Record<string, string> = {}) => {
    const f = (name: string) => DECISION_FIELDS.find((x) => x.name === name)!;
    const decide = async (event: Event) => {
      event.preventDefault();
      const x = valuesOf(event.target as HTMLFormElement);
      try {
        await call(
          client.moderation.schools[':urn'].decision.$post({
            param: { urn },
            json: {
              outcome: x.outcome as 'confirm',
              ...(x.outcome === 'change-level' && x.level ? { level: x.level as 'bronze' } : {}),
              reasons: x.reasons ?? '',
              ...(x.secondSignOff ? { secondSignOff: true } : {}),
            },
          }),
        );
        await moderatorSchool(urn);
        focusOn('#notice');
      } catch (e) {
        draw(errorsFrom(e, DECISION_FIELDS), x);
        focusOn('.error-summary');
      }
    };
    const addNote = async (event: Event) => {
      event.preventDefault();
      const x = valuesOf(event.target as HTMLFormElement);
      try {
        await call(
          client.moderation.schools[':urn'].notes.$post({
            param: { urn },
            json: { visitedOn: x.visitedOn ?? '', note: x.note ?? '' },
          }),
        );
        await moderatorSchool(urn);
      } catch (e) {
        draw(
          errorsFrom(e, [
            { name: 'note', id: 'n-note' },
            { name: 'visitedOn', id: 'n-on' },
          ]),
          x,
        );
        focusOn('.error-summary');
      }
    };
    const signOff = async (event: Event) => {
      event.preventDefault();
      const x = valuesOf(event.target as HTMLFormElement);
      try {
        await call(
          client.moderation.schools[':urn']['sign-off'].$post({
            param: { urn },
            json: { reasons: x.signOffReasons ?? '' },
          }),
        );
        await moderatorSchool(urn);
      } catch (e) {
        draw(errorsFrom(e, [{ name: 'reasons', id: 's-reasons' }]), x);
        focusOn('.error-summary');
      }
    };
    show(
      html`${errorSummary(errors, DECISION_FIELDS)}
        <p><a href="/moderation">All schools</a></p>
        <h1>${v.school.name}</h1>
        ${v.moderation ? notice(STATE[v.moderation.state] ?? v.moderation.state) : ''}
        <at-award-readiness
          .recommendation=${v.recommendation}
          heading-level="2"
        ></at-award-readiness>
        <h2>Evidence</h2>
        ${evidenceTable(v.evidence, (id) => `/api/moderation/schools/${urn}/evidence/${id}/file`)}
        <h2>The 360° view and pupil outcomes</h2>
        <p>
          The audit at Time 1 against Time 2, and the published figures the recommendation rests on.
          Small groups are hidden to protect pupils.
        </p>
        ${
          v.results
            ? html`<at-results
                .results=${v.results}
                .audit=${v.audit ?? undefined}
                .definitions=${v.definitions}
              ></at-results>`
            : html`<p>No pupil results at both times.</p>`
        }
        <h2>Visit notes</h2>
        ${
          v.notes.length
            ? html`<ul>
                ${v.notes.map(
                  (n) => html`<li>${longDate(n.visited_on)} (${n.written_by_name}): ${n.note}</li>`,
                )}
              </ul>`
            : html`<p>No notes yet.</p>`
        }
        <form @submit=${addNote} novalidate>
          <div class="form-group">
            <label for="n-on">Day of the visit</label>
            <input id="n-on" name="visitedOn" type="date" .value=${live(values.visitedOn ?? '')} />
          </div>
          <div class="form-group">
            <label for="n-note">Note</label>
            <textarea id="n-note" name="note" rows="3" .value=${live(values.note ?? '')}></textarea>
          </div>
          <button type="submit" class="button button--secondary">Add note</button>
        </form>
        <h2>Decisions</h2>
        ${v.decisions.map(
          (d) =>
            html`<p>
                <strong>${OUTCOME[d.outcome] ?? d.outcome}</strong>${
                  d.levelLabel ? html`: ${d.levelLabel}` : ''
                }
                (${d.decidedBy}, ${longDate(d.decidedAt)})
              </p>
              <p class="reasons">${d.reasons}</p>`,
        )}
        ${
          v.canDecide
            ? html`<form @submit=${decide} novalidate>
                <fieldset class=${groupClass(errors, f('outcome'))}>
                  <legend>Your decision</legend>
                  <p class="hint">
                    The figures alone support
                    ${LEVEL[v.recommendation.level]}${
                      v.recommendation.levelIfJudged !== v.recommendation.level
                        ? `; ${LEVEL[v.recommendation.levelIfJudged]} if you judge every open criterion met (change the level to award it)`
                        : ''
                    }.
                  </p>
                  ${fieldError(errors, f('outcome'))}
                  ${(
                    [
                      ['confirm', `Confirm the recommendation: ${LEVEL[v.recommendation.level]}`],
                      ['change-level', 'Change the level'],
                      ['participation', 'Certificate of participation'],
                      ['more-evidence', 'Ask for more evidence'],
                    ] as const
                  )
                    // When the figures support participation, confirming is that decision.
                    .filter(
                      ([value]) =>
                        value !== 'participation' || v.recommendation.level !== 'participation',
                    )
                    .map(
                      ([value, label], i) =>
                        html`<div class="radio">
                          <input
                            type="radio"
                            id=${i === 0 ? 'd-outcome' : `d-outcome-${value}`}
                            name="outcome"
                            value=${value}
                            ?checked=${values.outcome === value}
                          />
                          <label for=${i === 0 ? 'd-outcome' : `d-outcome-${value}`}
                            >${label}</label
                          >
                        </div>`,
                    )}
                </fieldset>
                <div class=${groupClass(errors, f('level'))}>
                  <label for="d-level">Level (when you change it)</label>
                  ${fieldError(errors, f('level'))}
                  <select id="d-level" name="level">
                    <option value="">Choose a level</option>
                    ${['bronze', 'silver', 'gold'].map(
                      (l) =>
                        html`<option value=${l} ?selected=${values.level === l}>
                          ${LEVEL[l]}
                        </option>`,
                    )}
                  </select>
                </div>
                <div class=${groupClass(errors, f('reasons'))}>
                  <label for="d-reasons">Your reasons</label>
                  <p class="hint" id="d-reasons-hint">
                    The school reads them. Refer to the criteria and the evidence.
                  </p>
                  ${fieldError(errors, f('reasons'))}
                  <textarea
                    id="d-reasons"
                    name="reasons"
                    rows="5"
                    .value=${live(values.reasons ?? '')}
                    aria-describedby=${describedBy(errors, f('reasons'), true)}
                  ></textarea>
                </div>
                <div class="checkbox">
                  <input id="d-second" name="secondSignOff" type="checkbox" value="yes" />
                  <label for="d-second">Ask a second moderator to sign off</label>
                </div>
                <button type="submit" class="button">Record the decision</button>
              </form>`
            : ''
        }
        ${
          v.canSignOff
            ? html`<form @submit=${signOff} novalidate>
                <div class="form-group">
                  <label for="s-reasons">Your reasons for signing off</label>
                  <textarea id="s-reasons" name="signOffReasons" rows="3"></textarea>
                </div>
                <button type="submit" class="button">Sign off the decision</button>
              </form>`
            : ''
        }`,
      `Moderation — ${v.school.name}`,
      { error: hasErrors(errors) },
    );
  };
  draw();
}

// ─────────────────────────────── the LA or trust ───────────────────────────────

export async function awardsPage(queued?: number): Promise<void> {
  const a = await call(client.area.awards.$get());
  const remind = async () => {
    const r = await call(client.area.awards.reminders.$post({ json: {} }));
    await awardsPage(r.queued);
    focusOn('#notice');
  };
  const STATUS: Record<string, string> = {
    current: 'Current',
    'renew-soon': 'Renew soon',
    expired: 'Expired',
    'no-expiry': 'Does not expire',
  };
  show(
    html`<h1>Awards</h1>
      ${
        queued === undefined
          ? ''
          : notice(`${queued} renewal reminder${queued === 1 ? '' : 's'} added to the outbox.`)
      }
      <ul class="inline-links">
        ${(['gold', 'silver', 'bronze', 'participation'] as const).map(
          (l) => html`<li>${LEVEL[l]}: <strong>${a.byLevel[l]}</strong></li>`,
        )}
      </ul>
      ${
        a.awards.length
          ? html`<table class="table">
              <caption class="visually-hidden">
                Awards by school
              </caption>
              <thead>
                <tr>
                  <th scope="col">School</th>
                  <th scope="col">Level</th>
                  <th scope="col">Awarded</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${a.awards.map(
                  (w) =>
                    html`<tr>
                      <td>${w.school}</td>
                      <td>${w.levelLabel}</td>
                      <td>${longDate(w.awardedOn)}</td>
                      <td>${w.expiresOn ? longDate(w.expiresOn) : '–'}</td>
                      <td>${STATUS[w.status] ?? w.status}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No awards yet.</p>`
      }
      <h2>Renewal</h2>
      <p>
        Awards last two years. Reminders go to the schools' leads through the outbox 90 days before
        an award expires; each award is reminded once.
      </p>
      <button type="button" class="button button--secondary" @click=${remind}>
        Queue renewal reminders
      </button>`,
    'Awards',
  );
}
