/** Published (already suppressed, D8) breakdowns as accessible tables. */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  IndicatorInfo,
  PublishedBreakdown,
  PublishedPool,
  PublishedResults,
  Shown,
} from '@all-together/model';

export type { PublishedBreakdown };

const DIMENSION_NAMES: Record<string, string> = {
  all: 'All pupils',
  sen: 'by SEND',
  fsm: 'by free school meals',
  sex: 'by sex',
  yearGroup: 'by year group',
  phase: 'by phase',
  eal: 'by English as an additional language',
  lookedAfter: 'by whether looked after (from school records)',
  youngCarer: 'by whether a young carer (from school records)',
  ethnicity: 'by ethnic group (from school records)',
};
const GROUP_NAMES: Record<string, string> = {
  all: 'All pupils',
  E: 'EHC plan',
  K: 'SEN support',
  N: 'No SEND',
  'any-sen': 'Any SEND',
  yes: 'Yes',
  no: 'No',
  female: 'Girls',
  male: 'Boys',
  asian: 'Asian, Asian British or Asian Welsh',
  black: 'Black, Black British, Black Welsh, Caribbean or African',
  mixed: 'Mixed or multiple ethnic groups',
  white: 'White',
  other: 'Other ethnic group',
  unknown: 'Not known',
  'prefer-not-to-say': 'Prefer not to say',
};
/** Plain names of the pools: KS1 is never added to KS2 and secondary, so each has its own table. */
const POOL_NAMES: Record<string, string> = {
  'pupil-ks1': 'Reception to Year 2',
  'pupil-ks2-secondary': 'Years 3 to 13',
};

export const poolName = (k: string): string => POOL_NAMES[k] ?? k;
export const groupName = (k: string): string => GROUP_NAMES[k] ?? k;
export const show = (s: Shown<number>, suffix = ''): string =>
  'value' in s ? `${s.value}${suffix}` : s.symbol;
/** What an indicator asked, from its declaration (never from its key). */
export const indicatorName = (info: IndicatorInfo | undefined, key: string): string =>
  info?.label['en-GB'] ?? key;
/** Of whom a percentage is. */
export const ofWhom = (info: IndicatorInfo | undefined): string =>
  info?.population === 'bullied'
    ? 'of pupils who were bullied'
    : info?.population === 'bullied-and-told'
      ? 'of pupils who were bullied and told someone'
      : 'of pupils who answered';

export function publishedTable(
  t: PublishedBreakdown,
  results: Pick<PublishedResults, 'notes'>,
  info: IndicatorInfo | undefined,
  caption?: string,
): TemplateResult {
  const rows = t.dimension === 'all' ? [{ ...t.total, key: 'all' }] : [...t.groups, ...t.derived];
  return html`<table>
      <caption>
        ${
          caption ??
          `${indicatorName(info, t.indicator)} — ${DIMENSION_NAMES[t.dimension] ?? t.dimension}`
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" class="num">Pupils answering</th>
          <th scope="col" class="num">Of whom</th>
          <th scope="col" class="num">Per cent (${ofWhom(info)})</th>
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
    ${
      t.reasons.length
        ? html`<p class="notes">${t.reasons.map((r) => results.notes[r]).join('. ')}.</p>`
        : nothing
    }`;
}

/** The headline indicators an area's pages show, where a pool has them. */
export const HEADLINE = [
  'victimisation.frequent',
  'victimisation.any',
  'victimisation-online.frequent',
  'bullying-others.frequent',
];

/**
 * One row per school, one column per headline indicator: each school's published per cent at a
 * wave, from the area's publication (each school's totals, protected with the area's figures).
 * With `anchors`, each row's heading has the id `school-<urn>`, so other pages can link to it (give
 * it to one table of a page only).
 */
export function schoolsTable(
  pool: PublishedPool,
  schools: readonly { urn: string; name: string; results: PublishedResults | null }[],
  wave: 'baseline' | 'end',
  anchors = false,
): TemplateResult {
  const headline = HEADLINE.filter((k) =>
    (pool[wave]?.binary ?? []).some((t) => t.indicator === k),
  );
  const id = `schools-${pool.comparableAs}-${wave}`;
  return html`<div class="table-wrap" role="region" aria-labelledby=${id} tabindex="0">
    <table>
      <caption id=${id}>
        Per cent of pupils who answered, by school (${poolName(pool.comparableAs)},
        ${wave === 'end' ? 'Time 2' : 'Time 1'})
      </caption>
      <thead>
        <tr>
          <th scope="col">School</th>
          ${headline.map(
            (k) => html`<th scope="col" class="num">${indicatorName(pool.indicators[k], k)}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${schools.map((s) => {
          const mine = s.results?.pools.find((p) => p.comparableAs === pool.comparableAs);
          return html`<tr>
            <th scope="row" id=${anchors ? `school-${s.urn}` : nothing}>${s.name}</th>
            ${headline.map((k) => {
              const t = mine?.[wave]?.binary.find(
                (x) => x.indicator === k && x.dimension === 'all',
              );
              return html`<td class="num">${t ? show(t.total.percent, '%') : '[x]'}</td>`;
            })}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
