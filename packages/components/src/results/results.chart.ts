/**
 * The SVG bar chart of `<at-results>`, drawn with Lit's `svg` templates (no chart library).
 * Horizontal bars on a 0–100 scale, one row per group with its label above, up to three series
 * told apart by colour **and** pattern **and** a legend, intervals as whiskers, hidden figures as a
 * hatched placeholder with their GSS symbol (never 0 or an empty bar). Right-to-left mirrors the
 * geometry by computation (text is never mirrored; it keeps the inherited direction).
 *
 * @module
 */
import { svg, type SVGTemplateResult } from 'lit';
import type { RagRating } from '@all-together/scoring';

/** One bar: a shown percentage (with an optional interval) or a hidden one's symbol. */
export type BarValue =
  | { readonly value: number; readonly text: string; readonly interval?: readonly [number, number] }
  | { readonly symbol: string; readonly text: string };

/** One row of a chart: a group or an item, with one value per series. */
export interface ChartRow {
  readonly label: string;
  readonly values: readonly BarValue[];
  /** A red/amber/green badge, always with words or a symbol (comparison view). */
  readonly badge?: { readonly rag: RagRating | null; readonly text: string };
}

/** What a chart draws. */
export interface ChartSpec {
  readonly id: string;
  readonly series: readonly string[];
  readonly rows: readonly ChartRow[];
  readonly axisTitle: string;
  readonly summaryId: string;
  readonly rtl: boolean;
  /** The drawing's width in CSS pixels (the element's width, 300–720), so text stays 14px. */
  readonly width: number;
}

const X0 = 12;
const BAR_H = 20;
const LINE_H = 18;

/** Splits a label into lines of at most `max` characters, at spaces. */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The chart as an SVG whose accessible name is the summary sentence (`aria-labelledby`). */
export function barChart(spec: ChartSpec): SVGTemplateResult {
  const { id, rtl } = spec;
  const W = Math.max(300, Math.min(720, Math.round(spec.width)));
  // Room after the longest bar for its value text ("Rest of the area: 100%").
  const X1 = W - (W < 500 ? 150 : 180);
  const wrap = Math.floor((W - 24) / 8.2);
  const narrow = W < 560;
  // Mirror x positions for right-to-left; text anchors are swapped rather than mirrored.
  const X = (x: number) => (rtl ? W - x : x);
  // The SVG inherits the element's direction, so "start" is already the right-hand end in RTL.
  const anchor = (a: 'start' | 'end') => a;
  const scale = (v: number) => X0 + ((X1 - X0) * Math.max(0, Math.min(100, v))) / 100;
  const rect = (x: number, w: number) => (rtl ? W - x - w : x);

  let y = 8;
  const parts: SVGTemplateResult[] = [];
  if (spec.series.length > 1) {
    let lx = X0;
    spec.series.forEach((name, i) => {
      const itemWidth = 40 + name.length * 8;
      if (lx > X0 && lx + itemWidth > W) {
        lx = X0;
        y += 24;
      }
      parts.push(svg`<rect class="bar s${i}" x=${rect(lx, 16)} y=${y} width="16" height="16"></rect>
        ${i > 0 ? svg`<rect fill="url(#${id}-p${i})" x=${rect(lx, 16)} y=${y} width="16" height="16"></rect>` : null}
        <text class="legend" x=${X(lx + 22)} y=${y + 13} text-anchor=${anchor('start')}>${name}</text>`);
      lx += itemWidth;
    });
    y += 32;
  }
  // Gridlines run beside the bars only, so they never cross a label.
  const blocks: [number, number][] = [];
  for (const row of spec.rows) {
    const lines = wrapLabel(row.label, wrap);
    lines.forEach((line, i) => {
      parts.push(
        svg`<text class="label" x=${X(X0)} y=${y + 14 + i * LINE_H} text-anchor=${anchor('start')}>${line}</text>`,
      );
    });
    y += lines.length * LINE_H + 6;
    if (row.badge) {
      // Wide: at the end of the label's line. Narrow: on its own line under the label.
      const w = row.badge.text.length * 7.6 + 16;
      const bx = narrow ? X0 : W - 8 - w;
      const by = narrow ? y - 2 : y - lines.length * LINE_H - 6;
      parts.push(svg`<g class="badge rag-${row.badge.rag ?? 'none'}">
        <rect x=${rect(bx, w)} y=${by} width=${w} height="20" rx="3"></rect>
        <text x=${X(bx + w / 2)} y=${by + 14} text-anchor="middle">${row.badge.text}</text>
      </g>`);
      if (narrow) y += 24;
    }
    const blockTop = y - 3;
    row.values.forEach((v, i) => {
      const cy = y + BAR_H / 2;
      if ('value' in v) {
        const w = scale(v.value) - X0;
        parts.push(
          svg`<rect class="bar s${i}" x=${rect(X0, w)} y=${y} width=${w} height=${BAR_H}></rect>`,
        );
        if (i > 0 && w > 0)
          parts.push(
            svg`<rect fill="url(#${id}-p${i})" x=${rect(X0, w)} y=${y} width=${w} height=${BAR_H}></rect>`,
          );
        let end = X0 + w;
        if (v.interval) {
          const [lo, hi] = v.interval;
          const a = scale(lo);
          const b = scale(hi);
          parts.push(svg`<g class="whisker">
            <line x1=${X(a)} x2=${X(b)} y1=${cy} y2=${cy}></line>
            <line x1=${X(a)} x2=${X(a)} y1=${cy - 6} y2=${cy + 6}></line>
            <line x1=${X(b)} x2=${X(b)} y1=${cy - 6} y2=${cy + 6}></line>
          </g>`);
          end = Math.max(end, b);
        }
        const label = spec.series.length > 1 ? `${spec.series[i]}: ${v.text}` : v.text;
        parts.push(
          svg`<text class="value" x=${X(end + 6)} y=${cy + 5} text-anchor=${anchor('start')}>${label}</text>`,
        );
      } else {
        // A hidden figure: a hatched placeholder box and its symbol, never a bar of any length.
        parts.push(svg`<rect class="hidden-cell" x=${rect(X0, 44)} y=${y} width="44" height=${BAR_H}></rect>
          <rect fill="url(#${id}-hatch)" x=${rect(X0, 44)} y=${y} width="44" height=${BAR_H}></rect>`);
        const label = spec.series.length > 1 ? `${spec.series[i]}: ${v.text}` : v.text;
        parts.push(
          svg`<text class="value" x=${X(X0 + 50)} y=${cy + 5} text-anchor=${anchor('start')}>${label}</text>`,
        );
      }
      y += BAR_H + 4;
    });
    blocks.push([blockTop, y - 1]);
    y += 12;
  }
  const bottom = y;
  const ticks = [0, 25, 50, 75, 100].map(
    (t) => svg`${blocks.map(
      ([a, b]) =>
        svg`<line class=${t === 0 ? 'axis' : 'grid'} x1=${X(scale(t))} x2=${X(scale(t))} y1=${a} y2=${b}></line>`,
    )}
      <text class="tick" x=${X(scale(t))} y=${bottom + 18} text-anchor="middle">${t}%</text>`,
  );
  const height = bottom + 48;
  return svg`<svg class="chart" part="chart" viewBox="0 0 ${W} ${height}" width=${W}
      role="img" aria-labelledby=${spec.summaryId} focusable="false">
    <defs>
      <pattern id="${id}-p1" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line class="stripe" x1="0" y1="0" x2="0" y2="8"></line>
      </pattern>
      <pattern id="${id}-p2" width="6" height="6" patternUnits="userSpaceOnUse">
        <circle class="dot" cx="3" cy="3" r="1.4"></circle>
      </pattern>
      <pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <line class="hatch" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
    </defs>
    ${ticks}
    ${parts}
    <text class="axis-title" x=${X(X0)} y=${bottom + 40} text-anchor=${anchor('start')}>${spec.axisTitle}</text>
  </svg>`;
}
