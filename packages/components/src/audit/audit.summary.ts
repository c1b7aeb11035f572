/**
 * The summary page of `<at-audit>`: area scores, rating counts, the statements marked Don't know
 * and, in the end audit, the change since the baseline. Every figure comes from scoring.
 *
 * @module
 */
import { html, nothing } from 'lit';
import { compareAudits, type AuditScores } from '@all-together/scoring';
import { round1, signed } from '../shared/text.js';
import { renderErrors, type AuditScreen } from './audit.render.js';

export function renderSummary(s: AuditScreen, scores: AuditScores) {
  const definition = s.definition;
  const end = s.wave === 'end' && s.baseline !== undefined;
  const comparison = end ? compareAudits(definition, s.baseline!, s.draft) : null;
  const percent = (x: number | null) =>
    x === null ? s.term('auditNoScore', {}) : s.term('auditPercent', { value: round1(x) });
  const changeText = (x: number | null) => {
    if (x === null) return s.term('auditNoScore', {});
    return s.term('auditChange', { value: signed(s.lang, round1(x)) });
  };
  const counts: readonly [string, number][] = [
    [s.term('auditLevelFullyMet', {}), scores.counts['fully-met']],
    [s.term('auditLevelPartiallyMet', {}), scores.counts['partially-met']],
    [s.term('auditLevelNotYetMet', {}), scores.counts['not-yet-met']],
    [s.term('auditLevelDontKnow', {}), scores.counts['dont-know']],
    [s.term('auditLevelUnrated', {}), scores.counts.unrated],
  ];
  return html`<div part="summary" class="summary">
    ${renderErrors(s)}
    <h2 id="page-heading" class="heading-l" tabindex="-1">${s.term('auditSummaryHeading', {})}</h2>
    ${s.draft.completedAt ? html`<p class="inset">${s.term('auditCompleted', {})}</p>` : nothing}
    <table class="table" id="area-scores">
      <caption class="heading-m">
        ${s.term('auditSummaryScoresCaption', {})}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.term('auditSummaryArea', {})}</th>
          ${
            end
              ? html`<th scope="col" class="num">${s.term('auditSummaryBaseline', {})}</th>`
              : nothing
          }
          <th scope="col" class="num">${s.term('auditSummaryScore', {})}</th>
          ${
            end
              ? html`<th scope="col" class="num">${s.term('auditSummaryChange', {})}</th>`
              : nothing
          }
        </tr>
      </thead>
      <tbody>
        ${definition.areas.map((area, i) => {
          const change = comparison?.areas[i];
          return html`<tr data-area=${area.number}>
            <th scope="row">
              ${s.term('auditAreaName', {
                number: area.number,
                title: s.text(area.title),
              })}
            </th>
            ${end ? html`<td class="num">${percent(change!.baseline)}</td>` : nothing}
            <td class="num" data-score>${percent(scores.areas[i]!.percent)}</td>
            ${end ? html`<td class="num" data-change>${changeText(change!.change)}</td>` : nothing}
          </tr>`;
        })}
        <tr data-area="overall">
          <th scope="row">${s.term('auditSummaryOverall', {})}</th>
          ${end ? html`<td class="num">${percent(comparison!.overall.baseline)}</td>` : nothing}
          <td class="num" data-score>${percent(scores.overall)}</td>
          ${
            end
              ? html`<td class="num" data-change>${changeText(comparison!.overall.change)}</td>`
              : nothing
          }
        </tr>
      </tbody>
    </table>
    <table class="table" id="rating-counts">
      <caption class="heading-m">
        ${s.term('auditSummaryCountsCaption', {})}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.term('auditSummaryRating', {})}</th>
          <th scope="col" class="num">${s.term('auditSummaryStatements', {})}</th>
        </tr>
      </thead>
      <tbody>
        ${counts.map(
          ([label, n]) =>
            html`<tr>
              <th scope="row">${label}</th>
              <td class="num">${n}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      scores.dontKnow.length > 0
        ? html`<h3 class="heading-s">${s.term('auditSummaryDontKnow', {})}</h3>
            <ul class="dont-know" id="dont-know">
              ${scores.dontKnow.map((id) => {
                const found = s.statement(id);
                return html`<li>
                  <button
                    type="button"
                    class="link"
                    @click=${() => s.go({ page: 'statement', id })}
                  >
                    ${id} ${found ? s.text(found.statement.text) : ''}
                  </button>
                </li>`;
              })}
            </ul>`
        : nothing
    }
    ${
      comparison
        ? html`<p id="directions">
            ${s.term('auditSummaryDirections', {
              improved: comparison.directions.improved,
              same: comparison.directions.same,
              worse: comparison.directions.worse,
              notComparable: comparison.directions['not-comparable'],
            })}
          </p>`
        : nothing
    }
    <div class="actions">
      <button type="button" part="button" class="button" id="complete" @click=${() => s.complete()}>
        ${s.term('auditComplete', {})}
      </button>
      <button type="button" class="link" @click=${() => s.go({ page: 'overview' })}>
        ${s.term('auditBackToOverview', {})}
      </button>
    </div>
  </div>`;
}
