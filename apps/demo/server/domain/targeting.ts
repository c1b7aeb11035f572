/**
 * Where to target support, served (docs/decisions/0034): the list for an area and programme year
 * is made once per distinct input (the publication cache, decision 0063) in a worker thread, so a
 * minute of publishing never stalls other requests. A request waits a moment for it; while it is
 * still being made the route says so and the page asks again.
 */
import { Worker } from 'node:worker_threads';
import type { SchoolCensus, TargetSupport } from '@all-together/model';
import { publications } from './publication-cache.js';
import { areaResults } from './results.js';
import type { AreaScope } from './scope.js';
import type { DomainContext } from './snapshots.js';
import type { TargetingInput } from './targeting-core.js';

type Outcome = { ok: true; value: TargetSupport } | { ok: false; error: string };

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs one input in the worker, one at a time (each is CPU-bound; two at once only share it). */
function inWorker(input: TargetingInput): Promise<Outcome> {
  const run = async (): Promise<Outcome> => {
    worker ??= new Worker(new URL('./targeting.worker.mjs', import.meta.url));
    // The worker never keeps the server (or a test) alive on its own.
    worker.unref();
    const w = worker;
    return new Promise<Outcome>((resolve) => {
      const done = (o: Outcome) => {
        w.off('message', done);
        w.off('error', failed);
        resolve(o);
      };
      const failed = (e: Error) => {
        worker = undefined;
        done({ ok: false, error: e.message });
      };
      w.on('message', done);
      w.on('error', failed);
      w.postMessage(input);
    });
  };
  const next = queue.then(run, run);
  queue = next;
  return next;
}

/** The census figures the list is weighted by, from the schools' own records. */
const censusOf = (
  rows: {
    urn: string;
    name: string;
    number_on_roll: number | null;
    send_percent: number | null;
    fsm_percent: number | null;
  }[],
): SchoolCensus[] =>
  rows.map((s) => ({
    id: s.urn,
    name: s.name,
    numberOnRoll: s.number_on_roll,
    sendPercent: s.send_percent,
    fsmPercent: s.fsm_percent,
  }));

/**
 * The targeting list of an area for a programme year: ready, still being made (after waiting
 * `waitMs`), or empty with a reason. The same main publication as the area's results page.
 */
export async function areaTargets(
  ctx: DomainContext,
  scope: AreaScope,
  year: string | undefined,
  waitMs = 2500,
): Promise<
  | { status: 'ready'; year: string | null; targets: TargetSupport }
  | { status: 'preparing'; year: string | null }
  | { status: 'none'; year: string | null; reason: string }
> {
  const r = await areaResults(ctx, scope, year);
  if (r.input.schools.length === 0)
    return {
      status: 'none',
      year: r.year,
      reason: 'No school has results in this programme year yet.',
    };
  const census = censusOf(await ctx.repo.tenancy.schools(scope));
  const input: TargetingInput = {
    viewer: scope.kind === 'trust' ? 'trust' : 'local-authority',
    members: r.input.schools as TargetingInput['members'],
    census,
    main: {
      area: r.area,
      schools: r.schools.map((s) => ({ id: s.school.urn, results: s.results })),
    },
  };
  // Everything in the input but the census is made from the main publication's input (the
  // viewer is part of its options), so its key stands for them: hashing the members and the
  // 1.5 MB publication again on every request would only repeat that work.
  const pending = publications.get('targets', { main: r.key, census }, () => inWorker(input));
  const outcome = await Promise.race([
    pending,
    new Promise<undefined>((resolve) => {
      const timer = setTimeout(resolve, waitMs) as unknown as { unref?: () => void };
      timer.unref?.();
    }),
  ]);
  if (!outcome) return { status: 'preparing', year: r.year };
  if (!outcome.ok)
    return {
      status: 'none',
      year: r.year,
      reason: 'The list could not be made. Please try again later.',
    };
  return { status: 'ready', year: r.year, targets: outcome.value };
}
