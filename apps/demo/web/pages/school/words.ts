/** Words the lead's pages share: waves, round states, award levels. */
import { html, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import type { client } from '../../api.js';

export const WAVE = { baseline: 'Time 1 (baseline)', end: 'Time 2 (end)' } as const;

export const LEVEL: Record<string, string> = {
  participation: 'Participation',
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
};

type RoundLike = Pick<
  InferResponseType<(typeof client.schools)[':urn']['rounds']['$get'], 200>['rounds'][number],
  'state' | 'accepting'
>;

/** The round's state as a tag, in words (never colour alone). */
export function stateTag(r: RoundLike): TemplateResult {
  if (r.state === 'locked')
    return html`<strong class="tag tag--locked">Locked for the award</strong>`;
  if (r.state === 'closed') return html`<strong class="tag tag--closed">Closed</strong>`;
  if (!r.accepting) return html`<strong class="tag tag--grey">Not started</strong>`;
  return html`<strong class="tag tag--open">Open</strong>`;
}
