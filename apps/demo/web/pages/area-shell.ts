/**
 * What every page under /area shares: the area as the server describes it, the programme year
 * being looked at, and the header with the area's navigation and its years.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { InferResponseType } from 'hono/client';
import { client } from '../api.js';

export type Area = InferResponseType<typeof client.area.$get, 200>;

export const STAGE_WORDS: Record<string, string> = {
  enrolled: 'Enrolled',
  'baseline-audit': 'Baseline audit',
  'time-1-survey': 'Time 1 survey',
  'action-plan': 'Action plan',
  'termly-reviews': 'Termly reviews',
  'time-2-survey': 'Time 2 survey',
  'end-audit': 'End audit',
  award: 'Award',
};

export const yearOf = (a: Area): string =>
  new URLSearchParams(location.search).get('year') ?? a.currentYear;
export const withYear = (path: string, year: string) => `${path}?${new URLSearchParams({ year })}`;
export const orgWord = (a: Area) => (a.organisation.kind === 'trust' ? 'trust' : 'local authority');

/** The area's caption, its navigation (as far as the role may go) and its programme years. */
export function header(a: Area, year: string, here: string): TemplateResult {
  const links = [
    ['/area', 'Tracker'],
    ['/area/results', 'Results and targeting'],
    ['/area/enrol', 'Enrol schools'],
    ['/area/windows', 'Open a survey window'],
    ['/area/codes', 'Class codes'],
    ['/area/cpd', 'Training'],
    ['/area/outbox', 'Messages'],
    ['/area/users', 'Staff accounts'],
    ['/area/log', 'Activity log'],
    ['/area/report', 'Annual report'],
  ] as const;
  const canWrite = a.role.access.includes('write');
  const canManage = a.role.access.includes('manage-users');
  return html`<p class="caption">${a.organisation.name} · ${a.role.label}</p>
    <nav aria-label="Programme" class="views">
      ${links
        .filter(([p]) => canWrite || !['/area/enrol', '/area/windows', '/area/codes'].includes(p))
        .filter(([p]) => canManage || p !== '/area/users')
        .map(
          ([p, label]) =>
            html`<a href=${withYear(p, year)} aria-current=${p === here ? 'page' : 'false'}
              >${label}</a
            >`,
        )}
    </nav>
    ${
      a.years.length > 1
        ? html`<nav aria-label="Programme years" class="views views--years">
            ${a.years.map(
              (y) =>
                html`<a
                  href=${withYear(here, y.id)}
                  aria-current=${y.id === year ? 'page' : 'false'}
                  >${y.id}</a
                >`,
            )}
          </nav>`
        : nothing
    }`;
}
