import { html, type TemplateResult } from 'lit';
import type { Face } from '@all-together/model';

const MOUTHS: Readonly<Record<Face, string>> = {
  happy: 'M15 27 Q24 36 33 27',
  neutral: 'M15 30 H33',
  sad: 'M15 33 Q24 24 33 33',
};

/**
 * A face pictogram drawn by Lit as inline SVG: decorative (`aria-hidden`), since the option's text
 * label beside it is its name (A10). Colours come from `currentColor` so forced colours keep it.
 */
export function faceIcon(face: Face): TemplateResult {
  return html`<svg class="face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" />
    <circle cx="17" cy="19" r="3" fill="currentColor" />
    <circle cx="31" cy="19" r="3" fill="currentColor" />
    <path
      d=${MOUTHS[face]}
      fill="none"
      stroke="currentColor"
      stroke-width="3"
      stroke-linecap="round"
    />
  </svg>`;
}
