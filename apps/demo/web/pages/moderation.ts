/**
 * Award moderation in the portal (issue 19): the lead's evidence portfolio (`<at-evidence>`),
 * submission and decision (`/award`), the printable certificate (`/award/certificate`), the
 * moderator's queue and view of one school (`/moderation`, `/moderation/:urn`, `<at-moderation>`
 * with the school's `<at-results>` in its outcomes slot), and the LA's or trust's awards
 * (`/awards`). Files are uploaded as JSON (base64) and only ever downloaded, never shown inline.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  AtEvidence,
  AtEvidenceAddEvent,
  AtEvidenceRemoveEvent,
  AtModeration,
  AtModerationDecisionEvent,
} from '@all-together/components';
import type { EvidenceItem, LocalisedText, ModerationDecision } from '@all-together/model';
import { ApiError, call, client } from '../api.js';
import {
  errorSummary,
  errorsFrom,
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
const OUTCOME: Record<string, string> = {
  confirm: 'Confirmed the recommendation',
  'change-level': 'Changed the level',
  participation: 'Certificate of participation',
  'more-evidence': 'Asked for more evidence',
};

/** A file as base64, read in the browser (never shown). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** An area's title in English (the portal's language). */
const titleOf = (t: LocalisedText | string): string =>
  typeof t === 'string' ? t : (t['en-GB'] ?? Object.values(t)[0] ?? '');

/** A decision as the model's schema has it (the server adds a label the element does not take). */
type DecisionJson = Omit<ModerationDecision, 'id' | 'decidedAt'> & {
  id: string;
  decidedAt: string;
  levelLabel?: string | null;
};
const asDecision = ({ levelLabel: _label, ...d }: DecisionJson): ModerationDecision =>
  d as ModerationDecision;

const message = (e: unknown): string =>
  e instanceof ApiError
    ? e.problems.map((p) => p.message).join(' ') || e.message
    : 'Something went wrong. Please try again.';

// ───────────────────────────────── the lead ─────────────────────────────────

export async function leadAwardPage(urn: string, path: string): Promise<void> {
  if (path === '/award/certificate') return certificatePage(urn);
  const [ev, mod] = await Promise.all([
    call(client.schools[':urn'].evidence.$get({ param: { urn } })),
    call(client.schools[':urn'].moderation.$get({ param: { urn } })),
  ]);
  const portfolio = () => document.querySelector<AtEvidence>('at-evidence');
  const add = async (e: AtEvidenceAddEvent) => {
    const d = e.detail;
    const el = portfolio();
    try {
      await call(
        client.schools[':urn'].evidence.$post({
          param: { urn },
          json: {
            ...(d.area !== null ? { area: d.area } : {}),
            ...(d.action !== null ? { action: d.action } : {}),
            kind: d.kind,
            description: d.description,
            date: d.date,
            ...(d.url ? { url: d.url } : {}),
            ...(d.file ? { file: { name: d.file.name, data: await base64Of(d.file) } } : {}),
          },
        }),
      );
      el?.reset();
      await leadAwardPage(urn, path);
    } catch (err) {
      // Nothing entered is lost: the form keeps its values, the refusal shows above it.
      if (el) el.error = message(err);
    }
  };
  const remove = async (e: AtEvidenceRemoveEvent) => {
    try {
      await call(
        client.schools[':urn'].evidence[':id'].$delete({ param: { urn, id: e.detail.id } }),
      );
      await leadAwardPage(urn, path);
    } catch (err) {
      const el = portfolio();
      if (el) el.error = message(err);
    }
  };
  const draw = (errors: FormErrors = noErrors()) => {
    const submit = async () => {
      try {
        await call(client.schools[':urn'].moderation.submit.$post({ param: { urn }, json: {} }));
        await leadAwardPage(urn, path);
        focusOn('#notice');
      } catch (err) {
        draw(errorsFrom(err, []));
        focusOn('.error-summary');
      }
    };
    show(
      html`${errorSummary(errors, [])}
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
        <at-award-readiness
          .recommendation=${mod.recommendation}
          heading-level="2"
        ></at-award-readiness>
        <at-evidence
          .items=${ev.items as EvidenceItem[]}
          .areas=${ev.areas.map((a) => ({ number: a.number, title: titleOf(a.title) }))}
          .actions=${ev.actions}
          ?readonly=${!ev.open}
          file-href="/api/schools/${urn}/evidence/{id}/file"
          max-file-bytes=${ev.limits.maxFileBytes}
          min-words=${ev.limits.minWords}
          @at-evidence-add=${add}
          @at-evidence-remove=${remove}
        ></at-evidence>
        ${ev.open ? '' : html`<p>The portfolio is with the moderator, so it cannot change now.</p>`}
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

export async function moderatorPage(
  path: string,
  said: { done?: string; error?: string; value?: string } = {},
): Promise<void> {
  const urn = /^\/moderation\/(\d{6})$/.exec(path)?.[1];
  if (urn) return moderatorSchool(urn);
  const q = await call(client.moderation.$get());
  const declare = async (e: Event) => {
    e.preventDefault();
    const value = String(new FormData(e.target as HTMLFormElement).get('school') ?? '').trim();
    try {
      await call(client.moderation.interests.$post({ json: { school: value } }));
      await moderatorPage(path, {
        done: `Declared: you will not moderate the school ${value}. Another moderator will.`,
      });
      focusOn('#notice');
    } catch (err) {
      await moderatorPage(path, { error: message(err), value });
      focusOn('#interest-error');
    }
  };
  show(
    html`<h1>Moderation</h1>
      ${said.done ? notice(said.done) : ''}
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
      }
      <h2>Schools you lead or work at</h2>
      <p>
        You cannot moderate a school you lead or work at. Declare each one here: another moderator
        will moderate it. A declaration is recorded in the log and cannot be taken back here.
      </p>
      ${
        q.interests.length
          ? html`<ul>
              ${q.interests.map((u) => html`<li>URN ${u}</li>`)}
            </ul>`
          : html`<p>You have declared none.</p>`
      }
      <form class="form" novalidate @submit=${declare}>
        <div class="form-group ${said.error ? 'form-group--error' : ''}">
          <label for="interest-school">School URN</label>
          <div class="hint" id="interest-hint">6 digits, for example 100123.</div>
          ${
            said.error
              ? html`<p class="error-message" id="interest-error" tabindex="-1">
                  <span class="visually-hidden">Error:</span> ${said.error}
                </p>`
              : ''
          }
          <input
            id="interest-school"
            name="school"
            inputmode="numeric"
            autocomplete="off"
            .value=${live(said.value ?? '')}
            aria-describedby=${said.error ? 'interest-hint interest-error' : 'interest-hint'}
          />
        </div>
        <button type="submit" class="button--secondary">Declare this school</button>
      </form>`,
    'Moderation',
    { error: Boolean(said.error) },
  );
}

async function moderatorSchool(urn: string): Promise<void> {
  const v = await call(client.moderation.schools[':urn'].$get({ param: { urn } }));
  const view = () => document.querySelector<AtModeration>('at-moderation');
  const draw = (said: TemplateResult | string = '', values: Record<string, string> = {}) => {
    const decide = async (e: AtModerationDecisionEvent) => {
      const d = e.detail;
      try {
        await call(
          client.moderation.schools[':urn'].decision.$post({
            param: { urn },
            json: {
              outcome: d.outcome,
              ...(d.level ? { level: d.level } : {}),
              reasons: d.reasons,
              ...(d.secondSignOff ? { secondSignOff: true } : {}),
            },
          }),
        );
        await moderatorSchool(urn);
        focusOn('#notice');
      } catch (err) {
        draw(html`<p class="notice" role="alert">${message(err)}</p>`);
        void view();
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
      } catch (err) {
        draw(html`<p class="notice" role="alert">${message(err)}</p>`, x);
        focusOn('[role=alert]');
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
      } catch (err) {
        draw(html`<p class="notice" role="alert">${message(err)}</p>`, x);
        focusOn('[role=alert]');
      }
    };
    show(
      html`<p><a href="/moderation">All schools</a></p>
        <h1>${v.school.name}</h1>
        ${v.moderation ? notice(STATE[v.moderation.state] ?? v.moderation.state) : ''} ${said}
        <at-moderation
          school=${v.school.name}
          heading-level="2"
          .recommendation=${v.recommendation}
          .evidence=${v.evidence as EvidenceItem[]}
          .areas=${v.areas.map((a) => ({ number: a.number, title: titleOf(a.title) }))}
          .decisions=${v.decisions.map((d) => asDecision(d as DecisionJson))}
          file-href="/api/moderation/schools/${urn}/evidence/{id}/file"
          ?can-decide=${v.canDecide}
          @at-moderation-decision=${decide}
        >
          ${
            v.results
              ? html`<at-results
                  slot="outcomes"
                  .results=${v.results}
                  .audit=${v.audit ?? undefined}
                  .definitions=${v.definitions}
                ></at-results>`
              : html`<p slot="outcomes">No pupil results at both times.</p>`
          }
        </at-moderation>
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
        ${
          v.canSignOff
            ? html`<h2>Sign off</h2>
                <form @submit=${signOff} novalidate>
                  <div class="form-group">
                    <label for="s-reasons">Your reasons for signing off</label>
                    <textarea
                      id="s-reasons"
                      name="signOffReasons"
                      rows="3"
                      .value=${live(values.signOffReasons ?? '')}
                    ></textarea>
                  </div>
                  <button type="submit" class="button">Sign off the decision</button>
                </form>`
            : ''
        }`,
      `Moderation — ${v.school.name}`,
      { error: said !== '' },
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
