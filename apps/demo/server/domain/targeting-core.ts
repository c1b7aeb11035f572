/**
 * Where to target support, for an area's staff (docs/decisions/0034). The list comes from
 * `targetSupport` (scoring) over a publication of its own: one indicator (frequently bullied), the
 * area and each school by SEND and free school meals. The area's main publication (every
 * indicator, each school's totals) is protected apart, so before ranking, every figure the two
 * share — the area's tables of that indicator by SEND, free school meals and all pupils, and each
 * school's total — is hidden in the targeting publication wherever the main one hides it. The
 * browser then learns nothing about a shared figure that the main publication does not already
 * show, and each school's SEND and free-school-meals figures are protected within their own
 * publication, against the same area totals.
 */
import type {
  PublishedCell,
  PublishedResults,
  PupilSummary,
  SchoolCensus,
  TargetSupport,
} from '@all-together/model';
import { publishArea, targetSupport } from '@all-together/scoring';

export const TARGET_INDICATOR = 'victimisation.frequent';

export interface TargetingInput {
  viewer: 'trust' | 'local-authority';
  members: { id: string; baseline?: PupilSummary[]; end?: PupilSummary[] }[];
  census: SchoolCensus[];
  main: { area: PublishedResults; schools: { id: string; results: PublishedResults }[] };
}

type Field = 'base' | 'count' | 'percent' | 'interval';
const FIELDS: readonly Field[] = ['base', 'count', 'percent', 'interval'];

/** Hides in `cell` every field `main` hides (never shows one `main` hides). */
function overlay(cell: PublishedCell, main: PublishedCell | undefined): PublishedCell {
  if (!main) return cell;
  const out = { ...cell } as Record<Field, unknown> & PublishedCell;
  for (const f of FIELDS) if (!('value' in main[f])) out[f] = main[f];
  return out;
}

/** `target`'s tables of the indicator, with `main`'s hidden fields laid over the shared cells. */
function overlaid(target: PublishedResults, main: PublishedResults | undefined): PublishedResults {
  if (!main) return target;
  const out: PublishedResults = {
    ...target,
    pools: target.pools.map((pool) => {
      const mainPool = main.pools.find((p) => p.comparableAs === pool.comparableAs);
      const wave = (w: 'baseline' | 'end') => {
        const tw = pool[w];
        if (!tw) return tw;
        return {
          ...tw,
          binary: tw.binary.map((t) => {
            const mt = mainPool?.[w]?.binary.find(
              (x) => x.indicator === t.indicator && x.dimension === t.dimension,
            );
            if (!mt) return t;
            const byKey = (cells: readonly PublishedCell[], key: string) =>
              cells.find((c) => c.key === key);
            return {
              ...t,
              total: overlay(t.total, mt.total),
              groups: t.groups.map((g) => overlay(g, byKey(mt.groups, g.key))),
              derived: t.derived.map((g) => overlay(g, byKey(mt.derived, g.key))),
            };
          }),
        };
      };
      return { ...pool, baseline: wave('baseline') ?? null, end: wave('end') ?? null };
    }),
  } as PublishedResults;
  return out;
}

/** The targeting list for an area's members (pure; run in a worker by the server). */
export function targetingFor(input: TargetingInput): TargetSupport {
  const published = publishArea(
    { schools: input.members },
    {
      viewer: input.viewer,
      indicators: [TARGET_INDICATOR],
      dimensions: ['sen', 'fsm'],
      schoolDimensions: ['sen', 'fsm'],
    },
  );
  const mainSchools = new Map(input.main.schools.map((s) => [s.id, s.results]));
  return targetSupport({
    area: overlaid(published.area, input.main.area),
    schools: published.schools.map((s) => ({
      id: s.id,
      results: overlaid(s.results, mainSchools.get(s.id)),
    })),
    census: input.census,
  });
}
