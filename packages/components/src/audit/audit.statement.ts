/**
 * One statement page of `<at-audit>`: the rating (three descriptors and Don't know as radios in a
 * fieldset), the baseline rating in the end audit, what other groups say (the 360° view),
 * guidance, and the evidence form.
 *
 * @module
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  EvidenceKind,
  statementsOf,
  type AuditStatement,
  type EvidenceKind as Kind,
  type Rating,
} from '@all-together/model';
import type { PublishedGap } from '@all-together/scoring';
import type { TranslationKey } from '../shared/i18n.js';
import {
  errorFor,
  LEVEL_KEYS,
  LEVELS,
  renderErrors,
  STAKEHOLDER_KEYS,
  type AuditScreen,
} from './audit.render.js';

const KIND_KEYS: Readonly<Record<Kind, TranslationKey>> = {
  document: 'auditEvidenceKindDocument',
  observation: 'auditEvidenceKindObservation',
  survey: 'auditEvidenceKindSurvey',
  minutes: 'auditEvidenceKindMinutes',
  other: 'auditEvidenceKindOther',
};

export function renderStatement(s: AuditScreen, id: string, gaps: readonly PublishedGap[]) {
  const definition = s.definition;
  const found = s.statement(id)!;
  const { statement } = found;
  const area = definition.areas.find((a) => a.number === found.area)!;
  const all = statementsOf(definition);
  const index = all.findIndex((st) => st.id === id);
  const rating = s.draft.ratings[id];
  const previous = all[index - 1];
  const next = all[index + 1];
  const levelOption = (level: Rating, hint: string) =>
    html`<div part="option" class="option">
      <input
        type="radio"
        class="option__input"
        id="rating-${level}"
        name="rating"
        .value=${level}
        .checked=${live(rating === level)}
        aria-describedby="rating-${level}-hint"
        @change=${() => s.rate(id, level)}
      />
      <label class="option__label" for="rating-${level}">${s.term(LEVEL_KEYS[level], {})}</label>
      <div class="hint option__hint" id="rating-${level}-hint">${hint}</div>
    </div>`;
  return html`<div part="statement" class="statement">
    ${renderErrors(s)}
    <p class="caption">
      ${s.term('auditStatementCaption', {
        number: area.number,
        title: s.text(area.title),
        position: index + 1,
        count: all.length,
      })}
    </p>
    <fieldset class="fieldset" aria-describedby="rating-hint">
      <legend class="legend">
        <h2 id="page-heading" class="heading-l" tabindex="-1">
          <span class="statement__id">${statement.id}</span> ${s.text(statement.text)}
        </h2>
      </legend>
      ${s.wave === 'end' ? renderBaseline(s, id) : nothing}
      <div class="hint" id="rating-hint">${s.term('auditRatingHint', {})}</div>
      ${LEVELS.map((level) => levelOption(level, s.text(statement.descriptors[level])))}
      <div class="divider">${s.term('auditOr', {})}</div>
      ${levelOption('dont-know', s.term('auditDontKnowHint', {}))}
    </fieldset>
    ${renderPerception(s, id, gaps)} ${renderGuidance(s, statement)} ${renderEvidence(s, statement)}
    <div class="actions">
      <button
        type="button"
        part="button"
        class="button"
        @click=${() => s.go(next ? { page: 'statement', id: next.id } : { page: 'summary' })}
      >
        ${s.term(next ? 'auditContinue' : 'auditContinueToCheck', {})}
      </button>
      ${
        previous
          ? html`<button
              type="button"
              part="button"
              class="button button--secondary"
              @click=${() => s.go({ page: 'statement', id: previous.id })}
            >
              ${s.term('auditPrevious', {})}
            </button>`
          : nothing
      }
      <button type="button" class="link" @click=${() => s.go({ page: 'overview' })}>
        ${s.term('auditBackToOverview', {})}
      </button>
    </div>
  </div>`;
}

function renderBaseline(s: AuditScreen, id: string) {
  const before = s.baseline?.ratings[id];
  if (!s.baseline) return nothing;
  return html`<p part="baseline" class="inset">
    ${
      before
        ? s.term('auditBaselineRating', {
            rating: s.term(LEVEL_KEYS[before], {}),
          })
        : s.term('auditBaselineUnrated', {})
    }
  </p>`;
}

/**
 * What other groups say about a statement, as published (people counted, a small group `[c]`):
 * each group's agreement, and the gap flag where scoring's `agreementGapsPublished` finds one.
 */
function renderPerception(s: AuditScreen, id: string, gaps: readonly PublishedGap[]) {
  const groups = s.perception?.statements.find((x) => x.statement === id)?.groups;
  if (!groups || groups.length === 0) return nothing;
  const found = gaps.find((g) => g.statement === id);
  const gapBy = new Set(found?.gap ? found.below : []);
  return html`<section part="perception" class="perception" aria-labelledby="perception-heading">
    <h3 id="perception-heading" class="heading-s">${s.term('auditPerceptionHeading', {})}</h3>
    <ul class="perception__list">
      ${groups.map((row) => {
        const group = s.term(STAKEHOLDER_KEYS[row.stakeholder], {});
        const line =
          'value' in row.agree && 'value' in row.people
            ? s.term('auditPerceptionRow', {
                group,
                percent: row.agree.value,
                count: row.people.value,
              })
            : 'symbol' in row.agree && row.agree.symbol === '[z]'
              ? s.term('auditPerceptionNobody', { group })
              : s.term('auditPerceptionHidden', {
                  group,
                  symbol: 'symbol' in row.agree ? row.agree.symbol : '[c]',
                  min: s.minPeople,
                });
        return html`<li class=${gapBy.has(row.stakeholder) ? 'perception__row--gap' : ''}>
          ${line}
          ${
            gapBy.has(row.stakeholder)
              ? html`<strong class="flag">${s.term('auditPerceptionGap', { group })}</strong>`
              : nothing
          }
        </li>`;
      })}
    </ul>
  </section>`;
}

function renderGuidance(s: AuditScreen, statement: AuditStatement) {
  const { why, tips, resources } = statement.guidance;
  return html`<details part="guidance" class="details">
    <summary class="details__summary">
      <span>${s.term('auditGuidanceSummary', {})}</span>
    </summary>
    <div class="details__text">
      <h3 class="heading-s">${s.term('auditGuidanceWhy', {})}</h3>
      <p>${s.text(why)}</p>
      ${
        tips.length > 0
          ? html`<h3 class="heading-s">${s.term('auditGuidanceTips', {})}</h3>
              <ul>
                ${tips.map((t) => html`<li>${s.text(t)}</li>`)}
              </ul>`
          : nothing
      }
      ${
        resources.length > 0
          ? html`<h3 class="heading-s">${s.term('auditGuidanceResources', {})}</h3>
              <ul>
                ${resources.map(
                  (r) =>
                    html`<li>
                      <a class="link-text" href=${r.url} target="_blank" rel="noopener noreferrer"
                        >${s.text(r.title)} ${s.term('auditGuidanceExternal', {})}</a
                      >
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </div>
  </details>`;
}

function renderEvidence(s: AuditScreen, statement: AuditStatement) {
  const id = statement.id;
  const notes = s.draft.evidence[id] ?? [];
  const typed = s.pending[id] ?? { note: '', url: '' };
  const kindError = errorFor(s, 'evidence-kind');
  const noteError = errorFor(s, 'evidence-note');
  const urlError = errorFor(s, 'evidence-url');
  const prefix = s.term('auditErrorPrefix', {});
  return html`<section part="evidence" class="evidence" aria-labelledby="evidence-heading">
    <h3 id="evidence-heading" class="heading-m">${s.term('auditEvidenceHeading', {})}</h3>
    <p class="heading-s">${s.term('auditEvidencePrompts', {})}</p>
    <ul>
      ${statement.evidencePrompts.map((p) => html`<li>${s.text(p)}</li>`)}
    </ul>
    <p>${s.term('auditEvidenceCount', { count: notes.length })}</p>
    ${
      notes.length > 0
        ? html`<ol class="evidence__list">
            ${notes.map(
              (n, i) =>
                html`<li class="evidence__item">
                  ${
                    n.kind
                      ? html`<strong class="evidence__kind"
                          >${s.term(KIND_KEYS[n.kind], {})}</strong
                        >`
                      : nothing
                  }
                  <span class="evidence__note">${n.note}</span>
                  ${n.url ? html`<span class="evidence__url">${n.url}</span>` : nothing}
                  <button
                    type="button"
                    part="button"
                    class="button button--secondary button--small"
                    @click=${() => s.removeEvidence(id, i)}
                  >
                    ${s.term('auditEvidenceRemove', { n: i + 1 })}
                  </button>
                </li>`,
            )}
          </ol>`
        : nothing
    }
    <form class="evidence__form" novalidate @submit=${(e: Event) => s.addEvidence(e, id)}>
      <div class="field ${kindError ? 'field--error' : ''}">
        <label class="label" for="evidence-kind">${s.term('auditEvidenceKindLabel', {})}</label>
        ${
          kindError
            ? html`<p class="error-message" id="evidence-kind-error">
                <span class="visually-hidden">${prefix}</span> ${kindError.message}
              </p>`
            : nothing
        }
        <select
          id="evidence-kind"
          class="select"
          aria-describedby=${kindError ? 'evidence-kind-error' : nothing}
          aria-invalid=${kindError ? 'true' : 'false'}
          @change=${(e: Event) => s.typed(id, 'kind', (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!typed.kind}>
            ${s.term('auditEvidenceKindChoose', {})}
          </option>
          ${EvidenceKind.options.map(
            (k) =>
              html`<option value=${k} ?selected=${typed.kind === k}>
                ${s.term(KIND_KEYS[k], {})}
              </option>`,
          )}
        </select>
      </div>
      <div class="field ${noteError ? 'field--error' : ''}">
        <label class="label" for="evidence-note">${s.term('auditEvidenceNoteLabel', {})}</label>
        <div class="hint" id="evidence-note-hint">
          ${s.term('auditEvidenceNoteHint', {})}
          ${s.term('auditEvidenceAwardHint', { count: s.evidenceWords })}
        </div>
        ${
          noteError
            ? html`<p class="error-message" id="evidence-note-error">
                <span class="visually-hidden">${prefix}</span> ${noteError.message}
              </p>`
            : nothing
        }
        <textarea
          id="evidence-note"
          class="textarea"
          rows="3"
          aria-describedby="evidence-note-hint ${noteError ? 'evidence-note-error' : ''}"
          aria-invalid=${noteError ? 'true' : 'false'}
          .value=${live(typed.note)}
          @input=${(e: Event) => s.typed(id, 'note', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field ${urlError ? 'field--error' : ''}">
        <label class="label" for="evidence-url">${s.term('auditEvidenceUrlLabel', {})}</label>
        <div class="hint" id="evidence-url-hint">${s.term('auditEvidenceUrlHint', {})}</div>
        ${
          urlError
            ? html`<p class="error-message" id="evidence-url-error">
                <span class="visually-hidden">${prefix}</span> ${urlError.message}
              </p>`
            : nothing
        }
        <input
          id="evidence-url"
          class="input"
          type="text"
          inputmode="url"
          spellcheck="false"
          autocomplete="off"
          aria-describedby="evidence-url-hint ${urlError ? 'evidence-url-error' : ''}"
          aria-invalid=${urlError ? 'true' : 'false'}
          .value=${live(typed.url)}
          @input=${(e: Event) => s.typed(id, 'url', (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" part="button" class="button button--secondary">
        ${s.term('auditEvidenceAdd', {})}
      </button>
    </form>
  </section>`;
}
