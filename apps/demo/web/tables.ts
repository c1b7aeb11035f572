/** Published (already suppressed, D8) breakdowns as accessible tables. */
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import type { client } from './api.js';

/** A published breakdown as the server sends it (the type comes from the route). */
export type Published = InferResponseType<
  typeof client.trust.overview.$get,
  200
>['trust']['published'][number];
type Shown = Published['total']['count'];

const INDICATOR_NAMES: Record<string, string> = {
  'victimisation.frequent': 'Bullied two or three times a month or more',
  'victimisation.any': 'Bullied at all',
  'victimisation-online.frequent': 'Bullied online two or three times a month or more',
  'bullying-others.frequent': 'Bullied others two or three times a month or more',
};
const DIMENSION_NAMES: Record<string, string> = {
  all: 'All pupils',
  sen: 'by SEN status',
  fsm: 'by free school meals',
  sex: 'by sex',
};
const GROUP_NAMES: Record<string, string> = {
  all: 'All pupils',
  E: 'EHC plan',
  K: 'SEN support',
  N: 'No SEN',
  'any-sen': 'Any SEN',
  yes: 'Yes',
  no: 'No',
  female: 'Girls',
  male: 'Boys',
  unknown: 'Not known',
  'prefer-not-to-say': 'Prefer not to say',
};

export const indicatorName = (k: string): string => INDICATOR_NAMES[k] ?? k;
export const groupName = (k: string): string => GROUP_NAMES[k] ?? k;
export const show = (s: Shown, suffix = ''): string =>
  'value' in s ? `${s.value}${suffix}` : s.symbol;

export function publishedTable(t: Published, caption?: string): TemplateResult {
  const rows = t.dimension === 'all' ? [{ ...t.total, key: 'all' }] : [...t.groups, ...t.derived];
  return html`<table>
      <caption>
        ${caption ?? `${indicatorName(t.indicator)} — ${DIMENSION_NAMES[t.dimension] ?? t.dimension}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" class="num">Pupils answering</th>
          <th scope="col" class="num">Of whom</th>
          <th scope="col" class="num">Per cent</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (c) =>
            html`<tr>
              <th scope="row">${groupName(c.key)}</th>
              <td class="num">${show(c.base)}</td>
              <td class="num">${show(c.count)}</td>
              <td class="num">${show(c.percent, '%')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${t.notes.length ? html`<p class="notes">${t.notes.join('. ')}.</p>` : nothing}`;
}
