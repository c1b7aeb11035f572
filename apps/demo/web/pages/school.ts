/**
 * School lead: rounds, class codes, results (<at-results> with the trust as comparator, or the
 * published tables), the audit (<at-audit>), the action plan (<at-action-plan>) and the award.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  AtAuditChangeEvent,
  AtAuditCompleteEvent,
  AtPlanChangeEvent,
} from '@all-together/components';
import { api, type Me } from '../api.js';
import { publishedTable, type Published } from '../tables.js';
import { errorView, show } from '../ui.js';

interface Round {
  id: string;
  wave: 'baseline' | 'end';
  opensOn: string;
  closesOn: string;
  open: boolean;
  responses: number;
  codes: number;
}
interface Rounds {
  school: { urn: string; name: string; phase: string };
  definitions: { id: string; version: string }[];
  rounds: Round[];
}
interface Award {
  rounds: { baseline: string | null; end: string | null };
  recommendation: {
    level: string;
    criteria: { id: string; level: string; met: boolean; reason: string }[];
  };
}

const WAVE = { baseline: 'Time 1 (baseline)', end: 'Time 2 (end)' } as const;
const LEVEL: Record<string, string> = {
  participation: 'Participation',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

export async function schoolPage(me: Me, path: string): Promise<void> {
  const urn = me.user.school!;
  const base = `/api/schools/${urn}`;
  const parts = path.split('/').filter(Boolean); // school, results|audit|plan, round
  if (parts[1] === 'results' && parts[2]) return results(base, decodeURIComponent(parts[2]));
  if (parts[1] === 'audit' && parts[2]) return auditPage(base, urn, decodeURIComponent(parts[2]));
  if (parts[1] === 'plan' && parts[2]) return planPage(base, urn, decodeURIComponent(parts[2]));
  return dashboard(base);
}

async function dashboard(base: string, notice?: TemplateResult): Promise<void> {
  const [data, award] = await Promise.all([
    api<Rounds>('GET', `${base}/rounds`),
    api<Award>('GET', `${base}/award`),
  ]);
  const createRound = async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    try {
      await api('POST', `${base}/rounds`, {
        id: String(f.get('id') ?? ''),
        wave: String(f.get('wave') ?? ''),
        opensOn: String(f.get('opensOn') ?? ''),
        closesOn: String(f.get('closesOn') ?? ''),
      });
      await dashboard(base, html`<div class="status" role="status">Round created.</div>`);
    } catch (e) {
      await dashboard(base, errorView(e));
    }
  };
  const issue = (round: Round) => async (event: Event) => {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    try {
      const r = await api<{ code: string; classLabel: string }>(
        'POST',
        `${base}/rounds/${round.id}/codes`,
        {
          classLabel: String(f.get('classLabel') ?? ''),
          definition: String(f.get('definition') ?? '') || undefined,
        },
      );
      await dashboard(
        base,
        html`<div class="status" role="status">
          <p>
            Class code for ${r.classLabel} (${round.id}). Write it down now: it is shown only once.
          </p>
          <p class="code-issued" data-testid="issued-code">${r.code}</p>
          <p>Pupils go to <strong>${location.origin}/pupil</strong> and type the code.</p>
        </div>`,
      );
    } catch (e) {
      await dashboard(base, errorView(e));
    }
  };
  show(
    html`<h1>${data.school.name}</h1>
      ${notice ?? nothing}
      <h2>Rounds</h2>
      <table>
        <caption class="visually-hidden">
          Your school's rounds
        </caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Wave</th>
            <th scope="col">Dates</th>
            <th scope="col" class="num">Responses</th>
            <th scope="col">Pages</th>
          </tr>
        </thead>
        <tbody>
          ${data.rounds.map(
            (r) =>
              html`<tr>
                <th scope="row">
                  ${r.id} ${r.open ? html`<span class="tag open">open</span>` : nothing}
                </th>
                <td>${WAVE[r.wave]}</td>
                <td>${r.opensOn} to ${r.closesOn}</td>
                <td class="num">${r.responses}</td>
                <td class="row-actions">
                  <a href="/school/results/${r.id}">Results</a>
                  <a href="/school/audit/${r.id}">Audit</a>
                  <a href="/school/plan/${r.id}">Action plan</a>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${data.rounds
        .filter((r) => r.open)
        .map(
          (r) =>
            html`<form @submit=${issue(r)} class="card" novalidate>
              <h3>Class codes for ${r.id}</h3>
              <p>${r.codes} issued. Each class gets its own code; pupils need no account.</p>
              <label for="class-${r.id}">Class</label>
              <input id="class-${r.id}" name="classLabel" maxlength="40" />
              <label for="def-${r.id}">Questionnaire</label>
              <select id="def-${r.id}" name="definition">
                <option value="">Default for this school</option>
                ${data.definitions.map((d) => html`<option value=${d.id}>${d.id} ${d.version}</option>`)}
              </select>
              <div><button type="submit">Issue a class code</button></div>
            </form>`,
        )}
      <h2>Start a round</h2>
      <form @submit=${createRound} novalidate>
        <label for="round-id">Round name</label>
        <p class="hint" id="round-id-hint">
          Lower-case letters, digits and dashes, for example 2026-27-end
        </p>
        <input id="round-id" name="id" aria-describedby="round-id-hint" />
        <label for="round-wave">Wave</label>
        <select id="round-wave" name="wave">
          <option value="baseline">${WAVE.baseline}</option>
          <option value="end">${WAVE.end}</option>
        </select>
        <label for="opens">Opens on</label>
        <input id="opens" name="opensOn" type="date" />
        <label for="closes">Closes on</label>
        <input id="closes" name="closesOn" type="date" />
        <div><button type="submit">Create round</button></div>
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
          ${award.recommendation.criteria.filter((c) => !c.met).map((c) => html`<li>${LEVEL[c.level] ?? c.level}: ${c.reason}</li>`)}
        </ul>
      </details>`,
    'Your school',
  );
}

interface Results {
  school: { urn: string; name: string };
  round: { id: string; wave: 'baseline' | 'end' };
  respondents: number;
  summary: unknown;
  baseline: unknown;
  comparator: unknown;
  comparatorNote: string;
  audit: unknown;
  definitions: unknown[];
  published: Published[];
}

const VIEWS = [
  ['headline', 'Headlines'],
  ['breakdown', 'By group'],
  ['change', 'Start and end'],
  ['comparison', 'Compared with the trust'],
  ['types', 'Types of bullying'],
  ['feelings', 'Feelings about school'],
  ['audit', 'Audit'],
] as const;

async function results(base: string, round: string): Promise<void> {
  const r = await api<Results>('GET', `${base}/rounds/${encodeURIComponent(round)}/results`);
  const wanted = new URLSearchParams(location.search).get('view');
  const view = VIEWS.find(([v]) => v === wanted)?.[0] ?? 'headline';
  show(
    html`<p><a href="/school">Back to your school</a></p>
      <h1>Results: ${r.round.id}</h1>
      <p>
        ${WAVE[r.round.wave]}. ${r.respondents} pupils answered. Compared with the trust:
        ${r.comparatorNote}
      </p>
      <nav aria-label="Results views" class="views">
        ${VIEWS.map(
          ([v, label]) =>
            html`<a href="?view=${v}" aria-current=${v === view ? 'page' : 'false'}>${label}</a>`,
        )}
      </nav>
      <at-results
        .summary=${r.summary}
        .baseline=${r.baseline ?? undefined}
        .comparator=${r.comparator ?? undefined}
        .audit=${r.audit ?? undefined}
        .definitions=${r.definitions}
        scope="school"
        viewer-role="school"
        view=${view}
      ></at-results>
      <details>
        <summary>The headline figures as the server publishes them</summary>
        ${r.published.filter((t) => t.dimension === 'all').map((t) => publishedTable(t))}
      </details>`,
    'Results',
  );
}

async function auditPage(base: string, urn: string, round: string): Promise<void> {
  const a = await api<{ definition: unknown; response: unknown; baseline: unknown; wave: string }>(
    'GET',
    `${base}/rounds/${encodeURIComponent(round)}/audit`,
  );
  let notice: TemplateResult | typeof nothing = nothing;
  // Each change is saved as it happens; the element says "Saved" itself, so only a failure is shown.
  const save = async (event: AtAuditChangeEvent | AtAuditCompleteEvent) => {
    try {
      await api('PUT', `${base}/rounds/${encodeURIComponent(round)}/audit`, event.response);
      notice =
        event.type === 'at-audit-complete'
          ? html`<div class="status" role="status">Audit completed and saved.</div>`
          : nothing;
    } catch (e) {
      notice = errorView(e);
    }
    draw();
  };
  const draw = () =>
    show(
      html`<p><a href="/school">Back to your school</a></p>
        <p class="round-caption">Round ${round}</p>
        ${notice}
        <at-audit
          .definition=${a.definition}
          .response=${a.response ?? undefined}
          .baseline=${a.baseline ?? undefined}
          wave=${a.wave}
          school=${urn}
          respondent-role="school-lead"
          @at-audit-change=${save}
          @at-audit-complete=${save}
        ></at-audit>`,
      'Audit',
    );
  draw();
}

interface PlanData {
  plan: PlanDoc | null;
  priorities: { statement: string; rating: string }[];
  definition: unknown;
  baseline: unknown;
  audit: unknown;
  baselineQuestionnaire: { respondents: number } | null;
  endQuestionnaire: { respondents: number } | null;
  pupilOutcomes: unknown[];
  today: string;
}

interface PlanDoc {
  id: string;
  school: string;
  priorities: { statement: string; rating: string }[];
  objectives: { id: string; title: string }[];
  actions: {
    id: string;
    objective: string;
    description: string;
    ownerRole: string;
    deadline: string;
    status: string;
  }[];
  reviews: unknown[];
  updatedAt: string;
}

async function planPage(base: string, urn: string, round: string): Promise<void> {
  const p = await api<PlanData>('GET', `${base}/rounds/${encodeURIComponent(round)}/plan`);
  let notice: TemplateResult | typeof nothing = nothing;
  const save = async (event: AtPlanChangeEvent) => {
    try {
      await api('PUT', `${base}/rounds/${encodeURIComponent(round)}/plan`, event.plan);
      notice = nothing;
    } catch (e) {
      notice = errorView(e);
    }
    draw();
  };
  const draw = () =>
    show(
      html`<p><a href="/school">Back to your school</a></p>
        <p class="round-caption">Round ${round}</p>
        ${notice}
        <at-action-plan
          .definition=${p.definition}
          .plan=${p.plan ?? undefined}
          .baseline=${p.baseline ?? undefined}
          .auditResponse=${p.audit ?? undefined}
          .baselineQuestionnaire=${p.baselineQuestionnaire}
          .endQuestionnaire=${p.endQuestionnaire}
          .pupilOutcomes=${p.pupilOutcomes}
          school=${urn}
          today=${p.today}
          @at-plan-change=${save}
        ></at-action-plan>`,
      'Action plan',
    );
  draw();
}
