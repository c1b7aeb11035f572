/**
 * The audit (<at-audit>) and the action plan (<at-action-plan>) of one round. While the round is
 * open each change is saved as it happens; once it is closed (or locked for the award) the page
 * says so and shows the document read-only, since the server refuses changes (409). The elements
 * have no read-only mode yet, so the read-only view is the page's own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import type {
  AtAuditChangeEvent,
  AtAuditCompleteEvent,
  AtPlanChangeEvent,
} from '@all-together/components';
import type { OwnerRole } from '@all-together/model';
import type { PublishedPerception } from '@all-together/scoring';
import { ApiError, call, client } from '../../api.js';
import { errorView, focusOn, longDate, notice, show } from '../../ui.js';
import { WAVE, stateTag } from './words.js';

const roundApi = client.schools[':urn'].rounds[':round'];
type AuditData = InferResponseType<typeof roundApi.audit.$get, 200>;
type PlanData = InferResponseType<typeof roundApi.plan.$get, 200>;
type RoundInfo = AuditData['round'];

/** Text in British English, or the first language the definition has. */
const text = (t: Record<string, string>): string => t['en-GB'] ?? Object.values(t)[0] ?? '';

const RATING: Record<string, string> = {
  'fully-met': 'Fully met',
  'partially-met': 'Partially met',
  'not-yet-met': 'Not yet met',
  'dont-know': "Don't know",
};
const STATUS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
const ROLE: Record<OwnerRole, string> = {
  headteacher: 'Headteacher',
  'senior-leader': 'Senior leader',
  'anti-bullying-lead': 'Anti-bullying lead',
  sendco: 'SENDCo',
  'designated-safeguarding-lead': 'Designated safeguarding lead',
  'pshe-lead': 'PSHE lead',
  'class-teachers': 'Class teachers',
  'support-staff': 'Support staff',
  'lunchtime-staff': 'Lunchtime staff',
  governors: 'Governors',
  'pupil-council': 'Pupil council',
  'parents-forum': "Parents' forum",
  other: 'Someone else',
};

const notes = (n: number) =>
  n === 0 ? '' : n === 1 ? ' · 1 evidence note' : ` · ${n} evidence notes`;

function closedLine(round: RoundInfo, what: string): TemplateResult {
  return html`<p class="inset" id="read-only">
    ${
      round.state === 'locked'
        ? `This round was submitted for the award on ${longDate(round.lockedOn)}, so its ${what} can be read but not changed.`
        : `This round closed on ${longDate(round.closedOn)}, so its ${what} can be read but not changed.`
    }
  </p>`;
}

const header = (kind: string, round: RoundInfo) =>
  html`<p><a href="/school" class="back-link">Back to your school</a></p>
    <h1>${kind}: ${round.id}</h1>
    <p>${stateTag(round)} ${WAVE[round.wave]}</p>`;

/** When a save is refused because the round closed meanwhile, the page reloads read-only. */
const closedMeanwhile = (e: unknown) => e instanceof ApiError && e.status === 409;

export async function auditPage(urn: string, round: string): Promise<void> {
  const [a, p360] = await Promise.all([
    call(roundApi.audit.$get({ param: { urn, round } })),
    // The 360° the server published for the round (people counted, small groups hidden).
    call(roundApi.perception.$get({ param: { urn, round } })),
  ]);
  if (!a.round.editable) return readOnlyAudit(a);
  let message: TemplateResult | typeof nothing = nothing;
  // Each change is saved as it happens; the element says "Saved" itself, so only the end of the
  // audit and a failure are said here (announced, without taking focus from the rating).
  const save = async (event: AtAuditChangeEvent | AtAuditCompleteEvent) => {
    try {
      await call(roundApi.audit.$put({ param: { urn, round }, json: event.response }));
      message = event.type === 'at-audit-complete' ? notice('Audit completed and saved.') : nothing;
    } catch (e) {
      if (closedMeanwhile(e)) return auditPage(urn, round).then(() => focusOn('#read-only'));
      message = errorView(e);
    }
    draw();
  };
  const draw = () =>
    show(
      html`${header('Audit', a.round)} ${message}
        <p>
          <a href="/school/perception/${round}">The 360° view</a>: what staff, parents and carers,
          and governors say about the same statements.
        </p>
        <at-audit
          .perception=${
            p360.published.statements.length ? (p360.published as PublishedPerception) : undefined
          }
          .definition=${a.definition}
          .response=${a.response ?? undefined}
          .baseline=${a.baseline ?? undefined}
          wave=${a.wave}
          school=${urn}
          respondent-role="school-lead"
          @at-audit-change=${save}
          @at-audit-complete=${save}
        ></at-audit>`,
      `Audit: ${round}`,
    );
  draw();
}

function readOnlyAudit(a: AuditData): void {
  const ratings: Record<string, string> = a.response?.ratings ?? {};
  const evidence: Record<string, unknown[]> = a.response?.evidence ?? {};
  show(
    html`${header('Audit', a.round)} ${closedLine(a.round, 'audit')}
    ${
      a.response
        ? a.definition.areas.map(
            (area) =>
              html`<h2>${area.number}. ${text(area.title)}</h2>
                <ul class="statements">
                  ${area.statements.map(
                    (st) =>
                      html`<li class="statement">
                        <p class="statement__text">
                          <span class="statement__id">${st.id}</span> ${text(st.text)}
                        </p>
                        <p class="statement__rating">
                          <strong>${RATING[ratings[st.id] ?? ''] ?? 'Not rated'}</strong>
                          ${notes(evidence[st.id]?.length ?? 0)}
                        </p>
                      </li>`,
                  )}
                </ul>`,
          )
        : html`<p>No audit was saved for this round.</p>`
    }`,
    `Audit: ${a.round.id}`,
  );
}

export async function planPage(urn: string, round: string): Promise<void> {
  const p = await call(roundApi.plan.$get({ param: { urn, round } }));
  if (!p.round.editable) return readOnlyPlan(p);
  let message: TemplateResult | typeof nothing = nothing;
  let before = p.plan;
  const save = async (event: AtPlanChangeEvent) => {
    const element = event.target as HTMLElement & { updateComplete?: Promise<unknown> };
    try {
      await call(roundApi.plan.$put({ param: { urn, round }, json: event.plan }));
      message = nothing;
    } catch (e) {
      if (closedMeanwhile(e)) return planPage(urn, round).then(() => focusOn('#read-only'));
      message = errorView(e);
    }
    draw();
    // After adding an action the element re-renders its form and the focused button goes, so
    // focus falls to the page body. Until the element moves focus itself, the page says what
    // was saved and puts focus there, so a keyboard user is not sent back to the top.
    await element.updateComplete;
    const added = event.plan.actions.filter((a) => !before?.actions.some((b) => b.id === a.id));
    before = event.plan;
    if (message === nothing && added.length && document.activeElement === document.body) {
      message = notice(`Saved. Action added: ${added.map((a) => a.description).join('; ')}.`);
      draw();
      focusOn('#notice');
    }
  };
  const draw = () =>
    show(
      html`${header('Action plan', p.round)} ${message}
        <at-action-plan
          .definition=${p.definition}
          .plan=${p.plan ?? undefined}
          .baseline=${p.baseline ?? undefined}
          .auditResponse=${p.audit ?? undefined}
          .award=${p.award}
          school=${urn}
          today=${p.today}
          @at-plan-change=${save}
        ></at-action-plan>`,
      `Action plan: ${round}`,
    );
  draw();
}

function readOnlyPlan(p: PlanData): void {
  const plan = p.plan;
  show(
    html`${header('Action plan', p.round)} ${closedLine(p.round, 'action plan')}
    ${
      plan && plan.objectives.length
        ? plan.objectives.map((o) => {
            const actions = plan.actions.filter((x) => x.objective === o.id);
            return html`<section class="objective">
              <h2>${o.title}</h2>
              <dl class="summary-list">
                <div>
                  <dt>Audit statements</dt>
                  <dd>${o.statements.join(', ')}</dd>
                </div>
                <div>
                  <dt>What will change</dt>
                  <dd>${o.success.specific}</dd>
                </div>
                <div>
                  <dt>How it will be measured</dt>
                  <dd>${o.success.measurable}</dd>
                </div>
                <div>
                  <dt>By</dt>
                  <dd>${longDate(o.success.timeBound)}</dd>
                </div>
              </dl>
              <h3>Actions</h3>
              ${
                actions.length
                  ? html`<ul class="actions">
                      ${actions.map(
                        (x) =>
                          html`<li class="action">
                            <p class="action__what">${x.description}</p>
                            <p class="action__meta">
                              ${ROLE[x.ownerRole] ?? x.ownerRole} · by ${longDate(x.deadline)} ·
                              <strong>${STATUS[x.status] ?? x.status}</strong>
                            </p>
                          </li>`,
                      )}
                    </ul>`
                  : html`<p>No actions.</p>`
              }
            </section>`;
          })
        : html`<p>No action plan was saved for this round.</p>`
    }`,
    `Action plan: ${p.round.id}`,
  );
}
