/**
 * The screens of `<at-questionnaire>` as Lit templates: start, one question page, check answers,
 * and the end page. Pure functions of a {@link Screen} (what the element knows now and the actions
 * it offers), so the element's class holds behaviour and this module holds markup.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Item, LocalisedText, QuestionnaireDefinition } from '@all-together/model';
import { errorSummary, heading, type FieldProblem, type HeadingLevel } from '../shared/form-kit.js';
import type { TranslationKey, TranslationParams } from '../shared/i18n.js';
import { faceIcon } from './faces.js';
import type { SendState } from './outbox.js';
import {
  isEmpty,
  type Answers,
  type Page,
  type Position,
  type Value,
} from './questionnaire.pages.js';

/** Where a submitted response stands on the end page. */
export type EndState = SendState | 'saved' | 'failed' | undefined;

/** Everything a screen shows, and the actions it offers. */
export interface Screen {
  readonly definition: QuestionnaireDefinition;
  readonly level: HeadingLevel;
  readonly root: ParentNode;
  /** A definition text in the element's language, parameters filled in. */
  text(t: LocalisedText | undefined): string;
  /** A UI string in the element's language. */
  term<K extends TranslationKey>(key: K, params: TranslationParams[K]): string;
  readonly answers: Answers;
  readonly errors: readonly FieldProblem[];
  /** Read-aloud messages by item id (shown beside that item's button). */
  readonly readNotes: Readonly<Record<string, string>>;
  readonly pages: readonly Page[];
  readonly index: number;
  readonly position: Position;
  readonly mode: 'question' | 'section';
  /** Why the total changed since the last page, or `''`. */
  readonly progressNote: string;
  readonly endState: EndState;
  readonly declined: boolean;
  start(): void;
  decline(): void;
  next(skip: boolean): void;
  back(): void;
  change(itemId: string): void;
  submit(): void;
  readAloud(item: Item): void;
  choose(item: Item, value: string, on: boolean): void;
  type(item: Item, value: string): void;
  typed(item: Item): void;
}

const sub = (level: HeadingLevel, n = 1) => Math.min(6, level + n) as HeadingLevel;

function buttons(primary: TemplateResult, secondary?: TemplateResult): TemplateResult {
  return html`<div class="buttons">${primary}${secondary ?? nothing}</div>`;
}

/** The start page: what it is about, bullying, time, privacy; Start and "I don't want to". */
export function startPage(s: Screen): TemplateResult {
  const p = s.definition.preamble;
  return html`${heading({ level: s.level, className: 'title', focus: true }, s.text(s.definition.title))}
    <p>${s.text(p.intro)}</p>
    ${
      p.bullyingDefinition
        ? html`${heading({ level: sub(s.level) }, s.term('questionnaireBullyingHeading', {}))}
            <p>${s.text(p.bullyingDefinition)}</p>`
        : nothing
    }
    <p>${s.term('questionnaireMinutes', { count: p.minutes })}</p>
    ${heading({ level: sub(s.level) }, s.term('questionnairePrivacyHeading', {}))}
    <p>${s.text(p.privacy)}</p>
    <p>${s.term('questionnaireAnonymous', {})}</p>
    ${buttons(
      html`<button part="button" class="button" @click=${() => s.start()}>
        ${s.term('questionnaireStart', {})}
      </button>`,
      html`<button part="button" class="button secondary" @click=${() => s.decline()}>
        ${s.term('questionnaireDecline', {})}
      </button>`,
    )}
    ${helpSection(s)}`;
}

function backButton(s: Screen): TemplateResult {
  return html`<button part="button" class="back" @click=${() => s.back()}>
    ${s.term('questionnaireBack', {})}
  </button>`;
}

/** One page of questions (one question, or a section's questions). */
export function questionPage(s: Screen): TemplateResult {
  const page = s.pages[s.index]!;
  const section = s.mode === 'section';
  const first = s.pages.findIndex((p) => p.section === page.section) === s.index;
  const { current, total } = s.position;
  // A section per page says "Section 2 of 5": "Question 4 of 12" would be untrue for most of it.
  const label = section ? s.term('questionnaireSectionProgress', { current, total }) : '';
  return html`${backButton(s)}
    <div class="progress">
      <at-progress
        part="progress"
        .current=${current}
        .total=${total}
        .label=${label}
      ></at-progress>
      ${s.progressNote ? html`<p class="progress-note">${s.progressNote}</p>` : nothing}
    </div>
    ${errorSummary({
      id: 'error-summary',
      title: s.term('questionnaireErrorTitle', {}),
      level: sub(s.level),
      problems: s.errors,
      root: s.root,
    })}
    ${
      section
        ? heading({ level: s.level, className: 'title', focus: true }, s.text(page.section.title))
        : html`<p class="caption">${s.text(page.section.title)}</p>`
    }
    ${first && page.section.intro ? html`<p class="intro">${s.text(page.section.intro)}</p>` : nothing}
    ${page.items.map((item) => question(s, item, !section))}
    ${buttons(
      html`<button part="button" class="button" @click=${() => s.next(false)}>
        ${s.term('questionnaireContinue', {})}
      </button>`,
      html`<button part="button" class="button secondary" @click=${() => s.next(true)}>
        ${s.term('questionnaireSkip', {})}
      </button>`,
    )}
    <p part="help" class="help-line">
      ${s.term('questionnaireHelpLine', {})}
      <a href=${s.term('questionnaireChildlinePhoneUrl', {})}
        >${s.term('questionnaireHelpLineLink', {})}</a
      >
    </p>`;
}

const readIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path
    d="M3 9v6h4l5 5V4L7 9H3z M16 8a5 5 0 0 1 0 8 M18.5 5a9 9 0 0 1 0 14"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
  />
</svg>`;

/** One question: a fieldset of radios or checkboxes (faces as tiles), or a labelled text box. */
function question(s: Screen, item: Item, isPageHeading: boolean): TemplateResult {
  const id = `q-${item.id}-0`;
  const error = s.errors.find((e) => e.field === id)?.message;
  const label =
    item.type === 'free-text'
      ? html`<label part="question__label" class="label" for=${id}>${s.text(item.text)}</label>`
      : s.text(item.text);
  const title = isPageHeading
    ? heading({ level: s.level, className: 'title', focus: true }, label)
    : heading({ level: sub(s.level), className: 'subtitle' }, label);
  const described = [item.hint ? `hint-${item.id}` : '', error ? `error-${item.id}` : '']
    .filter(Boolean)
    .join(' ');
  const hint = item.hint
    ? html`<div part="hint" class="hint" id="hint-${item.id}">${s.text(item.hint)}</div>`
    : nothing;
  const errorLine = error
    ? html`<p class="error-message" id="error-${item.id}">
        <span class="vh">${s.term('questionnaireErrorPrefix', {})}</span> ${error}
      </p>`
    : nothing;
  const note = s.readNotes[item.id] ?? '';
  // The message sits beside its button (a status region), not at the top of a long page (A9).
  const read = html`<div class="read-aloud">
    <button part="button" class="read" @click=${() => s.readAloud(item)}>
      ${readIcon} ${s.term('questionnaireReadAloud', {})}
    </button>
    <p role="status" class="read-note">${note}</p>
  </div>`;
  const notice = item.notice ? html`<div class="inset">${s.text(item.notice)}</div>` : nothing;

  if (item.type === 'free-text') {
    const v = s.answers[item.id];
    const value = typeof v === 'string' ? v : '';
    const left = item.maxLength - value.length;
    return html`${notice}
      <div part="question" class="question ${error ? 'has-error' : ''}">
        ${title} ${read} ${hint}
        ${
          item.warning
            ? html`<div class="warning">
                <span aria-hidden="true">!</span> ${s.text(item.warning)}
              </div>`
            : nothing
        }
        ${errorLine}
        <textarea
          id=${id}
          rows="5"
          aria-describedby="${[described, `count-${item.id}`].filter(Boolean).join(' ')}"
          .value=${live(value)}
          @input=${(e: Event) => s.type(item, (e.target as HTMLTextAreaElement).value)}
          @change=${() => s.typed(item)}
        ></textarea>
        <div class="count ${left < 0 ? 'over' : ''}" id="count-${item.id}" aria-live="polite">
          ${
            left >= 0
              ? s.term('questionnaireCharsLeft', { count: left })
              : s.term('questionnaireCharsOver', { count: -left })
          }
        </div>
      </div>`;
  }

  const multi = item.type === 'multi-select';
  const v: Value | undefined = s.answers[item.id];
  const chosen = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  const faces = item.type === 'faces';
  return html`${notice}
    <fieldset
      part="question"
      class="question ${error ? 'has-error' : ''}"
      aria-describedby=${described || nothing}
    >
      <legend part="question__label" class="label">${title}</legend>
      ${read} ${hint} ${errorLine}
      <div class="options ${faces ? 'faces' : ''}">
        ${item.options.map(
          (o, n) =>
            html`<label part="option" class="option">
              <input
                id="q-${item.id}-${n}"
                type=${multi ? 'checkbox' : 'radio'}
                name=${item.id}
                .value=${o.value}
                .checked=${live(chosen.includes(o.value))}
                @change=${(e: Event) =>
                  s.choose(item, o.value, (e.target as HTMLInputElement).checked)}
              />
              ${faces && o.face ? faceIcon(o.face) : nothing}
              <span class="option-text">${s.text(o.label)}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
}

function display(s: Screen, item: Item): string {
  const v = s.answers[item.id];
  if (isEmpty(v)) return s.term('questionnaireNotAnswered', {});
  if (item.type === 'free-text') return v as string;
  const values = Array.isArray(v) ? v : [v as string];
  return item.options
    .filter((o) => values.includes(o.value))
    .map((o) => s.text(o.label))
    .join(', ');
}

/** Check your answers: every shown question, its answer and Change; a word if all were skipped. */
export function checkPage(s: Screen): TemplateResult {
  const items = s.pages.flatMap((p) => p.items);
  const none = items.every((item) => isEmpty(s.answers[item.id]));
  return html`${backButton(s)}
    ${heading({ level: s.level, className: 'title', focus: true }, s.term('questionnaireCheckTitle', {}))}
    ${none ? html`<p class="inset nothing-answered">${s.term('questionnaireNothingAnswered', {})}</p>` : nothing}
    <dl part="check-answers" class="summary">
      ${items.map(
        (item) =>
          html`<div class="row">
            <dt>${s.text(item.text)}</dt>
            <dd>${display(s, item)}</dd>
            <dd class="actions">
              <button part="button" class="link change" @click=${() => s.change(item.id)}>
                ${s.term('questionnaireChange', {})}<span class="vh">
                  ${s.term('questionnaireChangeHidden', { question: s.text(item.text) })}</span
                >
              </button>
            </dd>
          </div>`,
      )}
    </dl>
    ${
      s.endState === 'failed'
        ? html`<p class="error-message" role="alert">${s.term('questionnaireSubmitFailed', {})}</p>`
        : nothing
    }
    ${buttons(
      html`<button part="button" class="button" @click=${() => s.submit()}>
        ${s.term('questionnaireSubmit', {})}
      </button>`,
    )}
    ${helpSection(s)}`;
}

/** Help: an adult you trust, Childline, and the definition's own links. */
function helpContent(s: Screen): TemplateResult {
  const d = s.definition;
  const own = [
    {
      title: s.term('questionnaireChildlinePhone', {}),
      url: s.term('questionnaireChildlinePhoneUrl', {}),
    },
    {
      title: s.term('questionnaireChildlineWeb', {}),
      url: s.term('questionnaireChildlineWebUrl', {}),
    },
  ];
  const links = [
    ...own,
    ...d.help.links
      .filter((l) => !own.some((o) => o.url === l.url))
      .map((l) => ({ title: s.text(l.title), url: l.url })),
  ];
  return html`<p>${s.text(d.help.text)}</p>
    <p>${s.term('questionnaireHelpAdult', {})}</p>
    <ul class="links">
      ${links.map((l) => html`<li><a href=${l.url} rel="noreferrer">${l.title}</a></li>`)}
    </ul>`;
}

function helpSection(s: Screen): TemplateResult {
  return html`<section part="help" class="help" aria-labelledby="help-title">
    ${heading({ level: sub(s.level), id: 'help-title' }, s.term('questionnaireHelpTitle', {}))}
    ${helpContent(s)}
  </section>`;
}

const END_TITLES: Readonly<Record<NonNullable<EndState>, TranslationKey>> = {
  sending: 'questionnaireSendingTitle',
  sent: 'questionnaireDoneTitle',
  queued: 'questionnaireQueuedTitle',
  rejected: 'questionnaireRejectedTitle',
  saved: 'questionnaireDoneTitle',
  failed: 'questionnaireRejectedTitle',
};
const END_BODIES: Readonly<Record<NonNullable<EndState>, TranslationKey>> = {
  sending: 'questionnaireSending',
  sent: 'questionnaireSent',
  queued: 'questionnaireQueued',
  rejected: 'questionnaireRejected',
  saved: 'questionnaireSaved',
  failed: 'questionnaireSubmitFailed',
};

/**
 * The end page. It says only what is true: "Thank you" in green once the answers were sent (or
 * handed to the host), "Sending…" while they go, "saved on this device" while offline (A7).
 */
export function endPage(s: Screen): TemplateResult {
  const state = s.declined ? undefined : (s.endState ?? 'sending');
  const done = state === 'sent' || state === 'saved';
  const title: TranslationKey = state ? END_TITLES[state] : 'questionnaireDeclinedTitle';
  const body: TranslationKey = state ? END_BODIES[state] : 'questionnaireDeclinedBody';
  return html`<div
      part="panel"
      class="panel ${done ? '' : 'plain'}"
      data-state=${state ?? 'declined'}
    >
      ${heading({ level: s.level, className: 'title', focus: true }, s.term(title, {}))}
      <p role="status">${s.term(body, {})}</p>
    </div>
    ${heading({ level: sub(s.level) }, s.term('questionnaireHelpTitle', {}))} ${helpContent(s)}`;
}
