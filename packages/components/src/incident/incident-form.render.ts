/**
 * The markup of `<at-incident-form>`'s fields: radios and checkboxes in fieldsets (GOV.UK
 * pattern: a legend, a hint, an inline error, then the choices), and the three sections of the
 * record. Plain functions over the values, so the element keeps only its state and events.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  IncidentAction,
  IncidentLocation,
  IncidentOutcome,
  IncidentSetting,
  IncidentStatus,
  IncidentType,
  PersonRole,
  PrejudiceCharacteristic,
  ReportedBy,
  StaffRole,
} from '@all-together/model';
import {
  dateControl,
  errorMessage,
  field,
  heading,
  selectControl,
  textControl,
  type HeadingLevel,
} from '../shared/form-kit.js';
import type { TranslationKey } from '../shared/i18n.js';
import { PEOPLE, type ActionValues, type IncidentFormValues } from './incident-form.model.js';
import {
  ACTION_WORDS,
  CHARACTERISTIC_WORDS,
  LOCATION_WORDS,
  OUTCOME_WORDS,
  REPORTED_BY_WORDS,
  ROLE_WORDS,
  SETTING_WORDS,
  STAFF_WORDS,
  STATUS_WORDS,
  TYPE_WORDS,
} from './incident-form.words.js';

/** What the renderers need from the element. */
export interface FormView {
  readonly values: IncidentFormValues;
  /** A string in the page's language. */
  readonly t: (key: TranslationKey, params?: Record<string, string | number>) => string;
  /** The message of a field's problem, if it has one. */
  readonly problem: (field: string) => string | undefined;
  /** Changes some values (kept as a draft at once). */
  readonly set: (patch: Partial<IncidentFormValues>) => void;
  readonly level: HeadingLevel;
  readonly dslHref: string;
}

type Words<T extends string> = Readonly<Record<T, TranslationKey>>;

const choices = <T extends string>(
  v: FormView,
  options: readonly T[],
  words: Words<T>,
): [string, string][] => options.map((o): [string, string] => [o, v.t(words[o])]);

/** A fieldset of radios or checkboxes; the first choice's id is where the error summary links. */
function group<T extends string>(
  v: FormView,
  o: {
    readonly id: string;
    readonly legend: string;
    readonly hint?: string;
    readonly type: 'radio' | 'checkbox';
    readonly options: readonly T[];
    readonly words: Words<T>;
    readonly chosen: readonly string[];
    readonly onChange: (value: T, checked: boolean) => void;
  },
): TemplateResult {
  const error = v.problem(`${o.id}-${o.options[0]}`);
  const describedBy = [o.hint ? `${o.id}-hint` : '', error ? `${o.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<fieldset
    class="fieldset field ${error ? 'field--error' : ''}"
    aria-describedby=${describedBy || nothing}
  >
    <legend class="legend label">${o.legend}</legend>
    ${o.hint ? html`<div class="hint" id="${o.id}-hint">${o.hint}</div>` : nothing}
    ${error ? errorMessage(`${o.id}-error`, v.t('incidentFormErrorPrefix'), error) : nothing}
    ${o.options.map(
      (value) =>
        html`<div class="checkbox">
          <input
            type=${o.type}
            id="${o.id}-${value}"
            name=${o.id}
            .value=${value}
            .checked=${o.chosen.includes(value)}
            @change=${(e: Event) => o.onChange(value, (e.target as HTMLInputElement).checked)}
          />
          <label for="${o.id}-${value}">${v.t(o.words[value])}</label>
        </div>`,
    )}
  </fieldset>`;
}

const yesNo: Words<'no' | 'yes'> = { no: 'incidentFormNo', yes: 'incidentFormYes' };
const toggle = (list: readonly string[], value: string, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((x) => x !== value);

/** The allegation: when, where, who reported it, what was alleged, and who, by reference. */
export function allegationSection(v: FormView): TemplateResult {
  const x = v.values;
  const prefix = v.t('incidentFormErrorPrefix');
  const choose = v.t('incidentFormChoose');
  const sub = Math.min(6, v.level + 1) as HeadingLevel;
  return html`${heading({ level: v.level, className: 'heading-m' }, v.t('incidentFormAllegationHeading'))}
    <div class="row">
      ${field(
        {
          id: 'if-occurred-on',
          label: v.t('incidentFormOccurredOn'),
          error: v.problem('if-occurred-on'),
          errorPrefix: prefix,
        },
        (p) => dateControl(p, x.occurredOn, (occurredOn) => v.set({ occurredOn })),
      )}
      ${field(
        {
          id: 'if-occurred-at',
          label: v.t('incidentFormOccurredAt'),
          hint: v.t('incidentFormOccurredAtHint'),
          error: v.problem('if-occurred-at'),
          errorPrefix: prefix,
        },
        (p) =>
          html`<input
            id=${p.id}
            class="input input--short"
            type="time"
            aria-describedby=${p.describedBy}
            aria-invalid=${p.invalid}
            .value=${x.occurredAt}
            @input=${(e: Event) => v.set({ occurredAt: (e.target as HTMLInputElement).value })}
          />`,
      )}
    </div>
    ${field(
      {
        id: 'if-location',
        label: v.t('incidentFormLocation'),
        error: v.problem('if-location'),
        errorPrefix: prefix,
      },
      (p) =>
        selectControl(
          p,
          x.location,
          choices(v, IncidentLocation.options, LOCATION_WORDS),
          (location) => v.set({ location }),
          choose,
        ),
    )}
    ${field(
      {
        id: 'if-reported-by',
        label: v.t('incidentFormReportedBy'),
        error: v.problem('if-reported-by'),
        errorPrefix: prefix,
      },
      (p) =>
        selectControl(
          p,
          x.reportedBy,
          choices(v, ReportedBy.options, REPORTED_BY_WORDS),
          (reportedBy) => v.set({ reportedBy }),
          choose,
        ),
    )}
    ${field(
      {
        id: 'if-alleged',
        label: v.t('incidentFormAlleged'),
        hint: v.t('incidentFormAllegedHint'),
        error: v.problem('if-alleged'),
        errorPrefix: prefix,
      },
      (p) => textControl(p, x.alleged, (alleged) => v.set({ alleged }), 4),
    )}
    ${heading({ level: sub, className: 'heading-s' }, v.t('incidentFormPeopleHeading'))}
    <p class="hint" id="if-people-hint">${v.t('incidentFormPeopleHint')}</p>
    ${PEOPLE.map(({ involvement, field: id }) => {
      const label = {
        target: v.t('incidentFormRefsTarget'),
        'alleged-perpetrator': v.t('incidentFormRefsPerpetrator'),
        witness: v.t('incidentFormRefsWitness'),
      }[involvement];
      return html`<div class="row">
        ${field(
          { id: `${id}-refs`, label, error: v.problem(`${id}-refs`), errorPrefix: prefix },
          (p) =>
            html`<input
              id=${p.id}
              class="input"
              type="text"
              autocomplete="off"
              spellcheck="false"
              autocapitalize="characters"
              aria-describedby="if-people-hint ${p.describedBy === nothing ? '' : p.describedBy}"
              aria-invalid=${p.invalid}
              .value=${x.refs[involvement]}
              @input=${(e: Event) =>
                v.set({ refs: { ...x.refs, [involvement]: (e.target as HTMLInputElement).value } })}
            />`,
        )}
        ${field(
          { id: `${id}-role`, label: v.t('incidentFormRole'), errorPrefix: prefix },
          (p) =>
            html`<select
              id=${p.id}
              class="select"
              @change=${(e: Event) =>
                v.set({
                  roles: {
                    ...x.roles,
                    [involvement]: (e.target as HTMLSelectElement).value as PersonRole,
                  },
                })}
            >
              ${PersonRole.options.map(
                (r) =>
                  html`<option value=${r} ?selected=${x.roles[involvement] === r}>
                    ${v.t(ROLE_WORDS[r])}
                  </option>`,
              )}
            </select>`,
        )}
      </div>`;
    })}`;
}

/** What looking into it found. */
export function decisionSection(v: FormView): TemplateResult {
  return html`${heading({ level: v.level, className: 'heading-m' }, v.t('incidentFormDecisionHeading'))}
  ${group(v, {
    id: 'if-status',
    legend: v.t('incidentFormStatus'),
    hint: v.t('incidentFormStatusHint'),
    type: 'radio',
    options: IncidentStatus.options,
    words: STATUS_WORDS,
    chosen: [v.values.status],
    onChange: (status) => v.set({ status }),
  })}`;
}

/** The incident's details, shown once it is found to be bullying. */
export function detailsSection(v: FormView): TemplateResult {
  const x = v.values;
  const prefix = v.t('incidentFormErrorPrefix');
  const choose = v.t('incidentFormChoose');
  const sub = Math.min(6, v.level + 1) as HeadingLevel;
  const text = (id: string, key: TranslationKey, k: 'whatHappened' | 'impact' | 'targetWishes') =>
    field({ id, label: v.t(key), error: v.problem(id), errorPrefix: prefix }, (p) =>
      textControl(p, x[k], (value) => v.set({ [k]: value }), 3),
    );
  const setAction = (i: number, patch: Partial<ActionValues>) =>
    v.set({ actions: x.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return html`${heading({ level: v.level, className: 'heading-m' }, v.t('incidentFormDetailsHeading'))}
    ${group(v, {
      id: 'if-type',
      legend: v.t('incidentFormTypes'),
      hint: v.t('incidentFormTypesHint'),
      type: 'checkbox',
      options: IncidentType.options,
      words: TYPE_WORDS,
      chosen: x.types,
      onChange: (t, on) => v.set({ types: toggle(x.types, t, on) }),
    })}
    ${group(v, {
      id: 'if-setting',
      legend: v.t('incidentFormSetting'),
      type: 'radio',
      options: IncidentSetting.options,
      words: SETTING_WORDS,
      chosen: [x.setting],
      onChange: (setting) => v.set({ setting }),
    })}
    ${group(v, {
      id: 'if-prejudice',
      legend: v.t('incidentFormPrejudice'),
      hint: v.t('incidentFormPrejudiceHint'),
      type: 'radio',
      options: ['no', 'yes'] as const,
      words: yesNo,
      chosen: [x.prejudice],
      onChange: (prejudice) => v.set({ prejudice }),
    })}
    ${
      x.prejudice === 'yes'
        ? group(v, {
            id: 'if-char',
            legend: v.t('incidentFormCharacteristics'),
            type: 'checkbox',
            options: PrejudiceCharacteristic.options,
            words: CHARACTERISTIC_WORDS,
            chosen: x.characteristics,
            onChange: (c, on) => v.set({ characteristics: toggle(x.characteristics, c, on) }),
          })
        : nothing
    }
    ${group(v, {
      id: 'if-safeguarding',
      legend: v.t('incidentFormSafeguarding'),
      type: 'radio',
      options: ['no', 'yes'] as const,
      words: yesNo,
      chosen: [x.safeguarding],
      onChange: (safeguarding) => v.set({ safeguarding }),
    })}
    ${
      x.safeguarding === 'yes'
        ? html`<div class="warning" part="safeguarding">
            <p>${v.t('incidentFormSafeguardingWarning')}</p>
            ${
              v.dslHref
                ? html`<p>
                    <a class="link-text" href=${v.dslHref}
                      >${v.t('incidentFormSafeguardingLink')}</a
                    >
                  </p>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${text('if-what-happened', 'incidentFormWhatHappened', 'whatHappened')}
    ${text('if-impact', 'incidentFormImpact', 'impact')}
    ${text('if-target-wishes', 'incidentFormTargetWishes', 'targetWishes')}
    ${heading({ level: sub, className: 'heading-s' }, v.t('incidentFormActionsHeading'))}
    ${x.actions.map(
      (a, i) =>
        html`<div class="row" data-action=${i}>
          ${field(
            {
              id: `if-action-${i}`,
              label: v.t('incidentFormAction', { n: i + 1 }),
              error: v.problem(`if-action-${i}`),
              errorPrefix: prefix,
            },
            (p) =>
              selectControl(
                p,
                a.action,
                choices(v, IncidentAction.options, ACTION_WORDS),
                (action) => setAction(i, { action }),
                choose,
              ),
          )}
          ${field(
            {
              id: `if-action-by-${i}`,
              label: v.t('incidentFormActionBy'),
              error: v.problem(`if-action-by-${i}`),
              errorPrefix: prefix,
            },
            (p) =>
              selectControl(
                p,
                a.by,
                choices(v, StaffRole.options, STAFF_WORDS),
                (by) => setAction(i, { by }),
                choose,
              ),
          )}
          ${
            x.actions.length > 1
              ? html`<button
                  type="button"
                  class="button button--secondary button--small"
                  @click=${() => v.set({ actions: x.actions.filter((_, j) => j !== i) })}
                >
                  ${v.t('incidentFormRemoveAction', { n: i + 1 })}
                </button>`
              : nothing
          }
        </div>`,
    )}
    ${
      x.actions.length < 20
        ? html`<button
            type="button"
            class="button button--secondary"
            id="if-add-action"
            @click=${() => v.set({ actions: [...x.actions, { action: '', by: '' }] })}
          >
            ${v.t('incidentFormAddAction')}
          </button>`
        : nothing
    }
    ${field(
      {
        id: 'if-outcome',
        label: v.t('incidentFormOutcome'),
        error: v.problem('if-outcome'),
        errorPrefix: prefix,
      },
      (p) =>
        selectControl(
          p,
          x.outcome,
          choices(v, IncidentOutcome.options, OUTCOME_WORDS),
          (outcome) => v.set({ outcome }),
          choose,
        ),
    )}
    <div class="row">
      ${field(
        {
          id: 'if-follow-up',
          label: v.t('incidentFormFollowUpOn'),
          error: v.problem('if-follow-up'),
          errorPrefix: prefix,
        },
        (p) => dateControl(p, x.followUpOn, (followUpOn) => v.set({ followUpOn })),
      )}
      ${field(
        {
          id: 'if-review',
          label: v.t('incidentFormReviewOn'),
          error: v.problem('if-review'),
          errorPrefix: prefix,
        },
        (p) => dateControl(p, x.reviewOn, (reviewOn) => v.set({ reviewOn })),
      )}
    </div>`;
}
