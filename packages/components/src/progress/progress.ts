import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { AtElement } from '../shared/at-element.js';
import { styles } from './progress.styles.js';
import { defineDefaultStrings } from '../shared/i18n.js';
import { progressStrings } from './progress.strings.js';

// This element's English strings, the fallback of every language (see i18n.ts).
defineDefaultStrings({ ...progressStrings });

/** What the element shows: a position it can state truthfully. */
interface Position {
  readonly current: number;
  readonly total: number;
}

/** A whole number from a property that may hold anything at run time (attributes give `null`). */
function whole(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  // Round down: "Question 2.7" is not a question, and progress must never be overstated.
  return Number.isNaN(n) ? undefined : Math.floor(n);
}

/**
 * The position to show, or `undefined` when the inputs cannot describe one (no total, or no idea
 * where the pupil is): then nothing is shown rather than something misleading.
 */
function position(current: unknown, total: unknown): Position | undefined {
  const t = whole(total);
  const c = whole(current);
  if (t === undefined || !Number.isFinite(t) || t < 1 || c === undefined) return undefined;
  return { current: Math.min(Math.max(c, 1), t), total: t };
}

/**
 * The questionnaire's progress indicator: text such as "Question 3 of 12" and a bar.
 *
 * The text is the accessible content; the bar repeats it visually and is hidden from assistive
 * technology. Bad values are handled quietly: `current` is rounded down and clamped to
 * 1…`total`; when `total` is below 1 or either value is not a number, nothing is rendered.
 *
 * The text comes from the `progressLabel` translation, in the language of the nearest `lang`.
 *
 * @summary Shows how far a pupil is through a questionnaire, as text and a decorative bar.
 * @tagname at-progress
 *
 * @csspart base - The wrapper around the text and the bar.
 * @csspart label - The text, for example "Question 3 of 12".
 * @csspart bar - The bar's track (decorative).
 * @csspart bar__fill - The filled part of the bar.
 *
 * @cssproperty --at-progress-bar-color - Colour of the filled part. Default: `--at-color-primary`, else #1d70b8.
 * @cssproperty --at-progress-track-color - Colour of the unfilled track. Default: `--at-color-track`, else #f3f2f1.
 */
export class AtProgress extends AtElement {
  static override styles = styles;

  /** The question the pupil is on, counting from 1. Rounded down and clamped to 1…`total`. */
  @property({ type: Number }) current = 1;

  /** How many questions there are. Below 1, or not a number: the element renders nothing. */
  @property({ type: Number }) total = 0;

  /**
   * Text to show instead of the translated "Question {current} of {total}", for example
   * "Section 2 of 5" when a page holds several questions. The caller keeps it true to `current`
   * and `total`. Empty (the default): the `progressLabel` translation.
   */
  @property() label = '';

  private shown: Position | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('current') && !changed.has('total')) return;
    this.shown = position(this.current, this.total);
    // The fill width reaches the shadow tree through an inherited custom property set from code:
    // a `style` attribute or styleMap in the template would break a strict CSP (reliability.md W2).
    if (this.shown) {
      this.style.setProperty(
        '--_at-progress-fill',
        `${(this.shown.current / this.shown.total) * 100}%`,
      );
    } else {
      this.style.removeProperty('--_at-progress-fill');
      if (this.style.length === 0) this.removeAttribute('style');
    }
  }

  protected override render() {
    if (!this.shown) return nothing;
    const { current, total } = this.shown;
    return html`
      <div part="base" class="base">
        <p part="label" class="label">
          ${this.label || this.localize.term('progressLabel', { current, total })}
        </p>
        <div part="bar" class="bar" aria-hidden="true">
          <div part="bar__fill" class="bar__fill"></div>
        </div>
      </div>
    `;
  }
}
