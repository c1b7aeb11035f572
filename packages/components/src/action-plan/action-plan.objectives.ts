/**
 * The objectives of `<at-action-plan>`: each objective with its SMART summary and its actions
 * (status, Change, Delete, evidence and review notes), and the objective and action forms. Every
 * choice is made from a labelled list: statements by their text, measures by their label, owners
 * and statuses by name; nobody types an id.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Action, Objective } from '@all-together/model';
import { field, textControl } from '../shared/form-kit.js';
import { localisedText } from '../shared/text.js';
import {
  EVIDENCE_KIND_KEYS,
  confirm,
  evidenceFields,
  fieldId,
  formButtons,
  formErrors,
  input,
  owners,
  recordButtons,
  statuses,
  type FormId,
  type PlanScreen,
} from './action-plan.render.js';
import { chosenStatements, toggleStatement, type Target } from './plan-edit.js';

const is = (t: Target | undefined, kind: Target['kind'], id: string) =>
  t?.kind === kind && t.id === id;

/** A measure's label from the list, else "questionnaire: indicator" (a saved measure the list lost). */
export function measureLabel(s: PlanScreen, definition: string, indicator: string): string {
  const known = s.measures?.find(
    (m) => m.questionnaire === definition && m.indicator === indicator,
  );
  return known ? known.label : `${definition}: ${indicator}`;
}

/** Every objective with its actions, then the form to add one. */
export function objectivesSection(s: PlanScreen): TemplateResult {
  const plan = s.plan;
  return html`<section class="section" aria-labelledby="objectives-heading">
    <h3 id="objectives-heading" class="heading-m" tabindex="-1">
      ${s.term('actionPlanObjectivesHeading', {})}
    </h3>
    ${
      plan.objectives.length === 0
        ? html`<p>${s.term('actionPlanObjectivesNone', {})}</p>`
        : nothing
    }
    ${plan.objectives.map((o) => objective(s, o))}
    <details
      class="details"
      id="add-objective"
      ?open=${Object.keys(s.values('objective')).length > 0 || s.errors('objective').length > 0}
    >
      <summary class="details__summary">
        <span>${s.term('actionPlanObjectiveAdd', {})}</span>
      </summary>
      <div class="details__text">${objectiveForm(s, 'objective')}</div>
    </details>
  </section>`;
}

function objective(s: PlanScreen, o: Objective): TemplateResult {
  const actions = s.plan.actions.filter((a) => a.objective === o.id);
  const form: FormId = `action:${o.id}`;
  return html`<article part="objective" class="objective" aria-labelledby="objective-${o.id}">
    <h4 id="objective-${o.id}" class="heading-s" tabindex="-1">${o.title}</h4>
    ${recordButtons(
      s,
      { kind: 'objective', id: o.id },
      s.term('actionPlanChangeObjective', { title: o.title }),
    )}
    ${
      is(s.confirming, 'objective', o.id)
        ? confirm(
            s,
            s.term('actionPlanDeleteObjective', { title: o.title }),
            actions.length > 0
              ? s.term('actionPlanDeleteObjectiveActions', { count: actions.length })
              : '',
          )
        : nothing
    }
    ${
      is(s.editing, 'objective', o.id)
        ? html`<div class="edit" part="edit">${objectiveForm(s, `edit-objective:${o.id}`, o)}</div>`
        : objectiveSummary(s, o)
    }
    ${
      actions.length === 0
        ? html`<p>${s.term('actionPlanActionsNone', {})}</p>`
        : html`<div class="table-wrap">
            <table class="table actions-table">
              <caption class="visually-hidden">
                ${s.term('actionPlanActionsCaption', {})}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${s.term('actionPlanActionDescription', {})}</th>
                  <th scope="col">${s.term('actionPlanActionOwner', {})}</th>
                  <th scope="col">${s.term('actionPlanActionStart', {})}</th>
                  <th scope="col">${s.term('actionPlanActionDeadline', {})}</th>
                  <th scope="col">${s.term('actionPlanActionStatus', {})}</th>
                  <th scope="col">
                    <span class="visually-hidden">${s.term('actionPlanActionsColumn', {})}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                ${actions.map((a) => action(s, a))}
              </tbody>
            </table>
          </div>`
    }
    <details
      class="details"
      id="add-action-${o.id}"
      ?open=${Object.keys(s.values(form)).length > 0 || s.errors(form).length > 0}
    >
      <summary class="details__summary">
        <span>${s.term('actionPlanActionAdd', {})}</span>
      </summary>
      <form class="details__text" novalidate @submit=${(e: Event) => s.submitAction(e, o.id, form)}>
        ${formErrors(s, form)} ${actionFields(s, form)} ${evidenceFields(s, form)}
        <button type="submit" part="button" class="button">
          ${s.term('actionPlanActionAdd', {})}
        </button>
      </form>
    </details>
  </article>`;
}

function actionFields(s: PlanScreen, form: FormId): TemplateResult {
  return html`${input(s, form, 'description', 'actionPlanActionDescription', 'area')}
  ${input(s, form, 'owner', 'actionPlanActionOwner', owners(s), 'actionPlanOwnerHint')}
  ${input(s, form, 'start', 'actionPlanActionStart', 'date')}
  ${input(s, form, 'deadline', 'actionPlanActionDeadline', 'date')}
  ${input(s, form, 'status', 'actionPlanActionStatus', statuses(s))}
  ${input(s, form, 'resources', 'actionPlanActionResources')}`;
}

function objectiveSummary(s: PlanScreen, o: Objective): TemplateResult {
  const row = (label: Parameters<PlanScreen['term']>[0], value: unknown) =>
    html`<div>
      <dt>${s.term(label as 'actionPlanObjectiveSpecific', {})}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<dl class="summary-list">
    ${row(
      'actionPlanObjectiveStatements',
      o.statements.map((id) => html`<span class="block">${s.statementText(id)}</span>`),
    )}
    ${row('actionPlanObjectiveSpecific', o.success.specific)}
    ${row('actionPlanObjectiveMeasurable', o.success.measurable)}
    ${o.success.achievable ? row('actionPlanObjectiveAchievable', o.success.achievable) : nothing}
    ${o.success.relevant ? row('actionPlanObjectiveRelevant', o.success.relevant) : nothing}
    ${row('actionPlanObjectiveTimeBound', s.date(o.success.timeBound))}
    ${
      o.measure
        ? row(
            'actionPlanObjectiveMeasure',
            html`${measureLabel(s, o.measure.definition, o.measure.indicator)}${
              o.measure.target ? html` — ${o.measure.target}` : nothing
            }`,
          )
        : nothing
    }
  </dl>`;
}

function action(s: PlanScreen, a: Action): TemplateResult {
  const notes: FormId = `notes:${a.id}`;
  const edit: FormId = `edit-action:${a.id}`;
  const which = s.term('actionPlanChangeAction', { description: a.description });
  return html`<tr data-action=${a.id}>
      <td>${a.description}</td>
      <td>${owners(s).find(([v]) => v === a.ownerRole)?.[1] ?? a.ownerRole}</td>
      <td>${s.date(a.startDate)}</td>
      <td>${s.date(a.deadline)}</td>
      <td>
        <select
          class="select"
          aria-label=${s.term('actionPlanActionStatusOf', { action: a.description })}
          @change=${(e: Event) => s.setStatus(a.id, (e.target as HTMLSelectElement).value)}
        >
          ${statuses(s).map(
            ([v, label]) =>
              html`<option value=${v} ?selected=${a.status === v} .selected=${live(a.status === v)}>
                ${label}
              </option>`,
          )}
        </select>
      </td>
      <td>${recordButtons(s, { kind: 'action', id: a.id }, which)}</td>
    </tr>
    <tr class="action-details">
      <td colspan="6">
        ${
          is(s.confirming, 'action', a.id)
            ? confirm(s, s.term('actionPlanDeleteAction', { description: a.description }), '')
            : nothing
        }
        ${
          is(s.editing, 'action', a.id)
            ? html`<div class="edit" part="edit">
                <form
                  novalidate
                  @submit=${(e: Event) => s.submitAction(e, a.objective, edit, a.id)}
                >
                  ${formErrors(s, edit)} ${actionFields(s, edit)} ${formButtons(s, undefined)}
                </form>
              </div>`
            : nothing
        }
        <details class="details">
          <summary class="details__summary">
            <span>${s.term('actionPlanActionEvidenceSummary', { count: a.evidence.length })}</span>
          </summary>
          <div class="details__text">
            ${
              a.evidence.length > 0
                ? html`<ul>
                    ${a.evidence.map(
                      (e) =>
                        html`<li>
                          ${
                            e.kind
                              ? html`<strong class="block"
                                  >${s.term(EVIDENCE_KIND_KEYS[e.kind], {})}</strong
                                >`
                              : nothing
                          }
                          <span class="block">${e.note}</span
                          >${e.url ? html`<span class="block hint">${e.url}</span>` : nothing}
                        </li>`,
                    )}
                  </ul>`
                : nothing
            }
            <form novalidate @submit=${(e: Event) => s.addEvidence(e, a.id)}>
              ${formErrors(s, notes)} ${evidenceFields(s, notes)}
              <button type="submit" part="button" class="button button--secondary">
                ${s.term('actionPlanActionAddEvidence', {})}
              </button>
            </form>
            ${field(
              {
                id: fieldId(notes, 'review-notes'),
                label: s.term('actionPlanActionReviewNotes', {}),
                errorPrefix: s.term('actionPlanErrorPrefix', {}),
                ...(() => {
                  const e = s.errors(notes).find((x) => x.field === 'review-notes')?.message;
                  return e ? { error: e } : {};
                })(),
              },
              (p) =>
                textControl(
                  p,
                  s.values(notes)['review-notes'] ?? a.reviewNotes,
                  (v) => s.type(notes, 'review-notes', v),
                  2,
                ),
            )}
            <button
              type="button"
              part="button"
              class="button button--secondary"
              @click=${() => s.saveNotes(a.id)}
            >
              ${s.term('actionPlanActionSaveNotes', {})}
            </button>
          </div>
        </details>
      </td>
    </tr>`;
}

/**
 * The statements an objective works on: the priorities first, ticked from the list, then every
 * other statement of the audit by area, behind a disclosure. Checkboxes with the statements' text.
 */
function statementsField(s: PlanScreen, form: FormId): TemplateResult {
  const values = s.values(form);
  const chosen = new Set(chosenStatements(values));
  const error = s.errors(form).find((e) => e.field === 'statements')?.message;
  const id = fieldId(form, 'statements');
  const priority = new Set(s.plan.priorities.map((p) => p.statement as string));
  let n = 0;
  const box = (statement: string) => {
    const boxId = n++ === 0 ? id : `${id}-${n - 1}`;
    return html`<div class="checkbox">
      <input
        type="checkbox"
        id=${boxId}
        .checked=${live(chosen.has(statement))}
        @change=${(e: Event) =>
          s.type(
            form,
            'statements',
            toggleStatement(values, statement, (e.target as HTMLInputElement).checked),
          )}
      />
      <label for=${boxId}>${s.statementText(statement)}</label>
    </div>`;
  };
  const others = s.definition.areas
    .map((area) => ({
      area,
      ids: area.statements.map((x) => x.id as string).filter((x) => !priority.has(x)),
    }))
    .filter((a) => a.ids.length > 0);
  const otherChosen = others.some((a) => a.ids.some((x) => chosen.has(x)));
  return html`<fieldset
    class="fieldset field ${error ? 'field--error' : ''}"
    aria-describedby=${error ? `${id}-error` : nothing}
  >
    <legend class="label">${s.term('actionPlanObjectiveStatements', {})}</legend>
    ${
      error
        ? html`<p class="error-message" id="${id}-error">
            <span class="visually-hidden">${s.term('actionPlanErrorPrefix', {})}</span> ${error}
          </p>`
        : nothing
    }
    ${s.plan.priorities.map((p) => box(p.statement))}
    <details class="details" ?open=${otherChosen || s.plan.priorities.length === 0}>
      <summary class="details__summary">
        <span>${s.term('actionPlanObjectiveOtherStatements', {})}</span>
      </summary>
      <div class="details__text">
        <p class="hint">${s.term('actionPlanObjectiveOtherStatementsHint', {})}</p>
        ${others.map(
          ({ area, ids }) =>
            html`<fieldset class="fieldset">
              <legend class="label">
                ${s.term('actionPlanArea', {
                  number: area.number,
                  title: localisedText(area.title, s.lang, s.definition.defaultLocale),
                })}
              </legend>
              ${ids.map(box)}
            </fieldset>`,
        )}
      </div>
    </details>
  </fieldset>`;
}

/** The objective form: adding one (`objective`) or changing one (`edit-objective:<id>`). */
function objectiveForm(s: PlanScreen, form: FormId, existing?: Objective): TemplateResult {
  const list = s.measures;
  const current = s.values(form)['measure'] ?? '';
  const options: [string, string][] = (list ?? []).map((m) => [
    `${m.questionnaire} ${m.indicator}`,
    m.label,
  ]);
  // A saved measure that the list no longer offers stays selectable, so a Change keeps it.
  if (current && !options.some(([v]) => v === current)) {
    const [d = '', i = ''] = current.split(' ');
    options.push([current, measureLabel(s, d, i)]);
  }
  return html`<form novalidate @submit=${(e: Event) => s.submitObjective(e, form, existing?.id)}>
    ${formErrors(s, form)} ${input(s, form, 'title', 'actionPlanObjectiveTitle')}
    ${statementsField(s, form)} ${input(s, form, 'specific', 'actionPlanObjectiveSpecific', 'area')}
    ${input(s, form, 'measurable', 'actionPlanObjectiveMeasurable', 'area')}
    ${input(s, form, 'achievable', 'actionPlanObjectiveAchievable')}
    ${input(s, form, 'relevant', 'actionPlanObjectiveRelevant')}
    ${input(s, form, 'time-bound', 'actionPlanObjectiveTimeBound', 'date')}
    ${
      options.length > 0
        ? html`<fieldset class="fieldset">
            <legend class="label">${s.term('actionPlanMeasureLegend', {})}</legend>
            ${input(
              s,
              form,
              'measure',
              'actionPlanMeasureChoose',
              options,
              'actionPlanMeasureChooseHint',
              'actionPlanMeasureNone',
            )}
            ${input(s, form, 'measure-target', 'actionPlanMeasureTarget')}
          </fieldset>`
        : nothing
    }
    ${formButtons(s, existing ? undefined : 'actionPlanObjectiveAdd')}
  </form>`;
}
