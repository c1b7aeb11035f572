/**
 * An independent check of the adversary's system with an integer-programming solver (HiGHS, in
 * WebAssembly): for each unknown figure, its least and greatest value over every solution. A figure
 * whose least equals its greatest is pinned. Only the figure's own component is solved (the rest is
 * fixed or unconnected), so each solve is small.
 */
import * as HighsModule from 'highs';
import type { Highs } from 'highs';

// The package's types describe a CommonJS module; its ES build's default export is the loader.
type Loader = (options?: Record<string, unknown>) => Promise<Highs>;
const highsLoader: Loader =
  (HighsModule as unknown as { default?: Loader }).default ?? (HighsModule as unknown as Loader);
import { componentOf, indexConstraints, restrict, type IntegerSystem } from '../auditor.js';
import type { Adversary } from './adversary.js';

let solver: Highs | undefined;

async function highs(): Promise<Highs> {
  return (solver ??= await highsLoader());
}

function lp(
  sub: ReturnType<typeof restrict>,
  objective: number,
  sense: 'Minimize' | 'Maximize',
): string {
  const x = (i: number) => `x${i}`;
  const lines = [sense, ` obj: ${x(objective)}`, 'Subject To'];
  sub.constraints.forEach((c, k) => {
    const terms = [...c.plus.map((i) => `+ ${x(i)}`), ...c.minus.map((i) => `- ${x(i)}`)].join(' ');
    lines.push(` c${k}: ${terms} ${c.kind === 'eq' ? '=' : '<='} ${c.rhs}`);
  });
  lines.push('Bounds');
  sub.lo.forEach((l, i) => lines.push(` ${l} <= ${x(i)} <= ${sub.hi[i]}`));
  lines.push('General', ` ${sub.vars.map((_, i) => x(i)).join(' ')}`, 'End');
  return lines.join('\n');
}

/** Unknown figures HiGHS finds pinned (least = greatest over every integer solution). */
export async function pinnedByHighs(adv: Adversary): Promise<string[]> {
  const h = await highs();
  const { system } = adv;
  const byVar = indexConstraints(system.lo.length, system.constraints);
  const pinned: string[] = [];
  for (const u of adv.unknown) {
    const group = componentOf(system as IntegerSystem, byVar, [u.variable]);
    if (group.length === 0) {
      if (system.lo[u.variable] === system.hi[u.variable]) pinned.push(adv.names[u.variable]!);
      continue;
    }
    const sub = restrict(system, group, system.lo, byVar);
    const i = sub.local.get(u.variable)!;
    // HiGHS's presolve (1.x, in WebAssembly) is not to be trusted on these systems: it has called
    // a system infeasible when minimising and optimal when maximising over the same region (seed
    // 1241677676, a school of 40), and has reported a maximum of 0 for a count that a solution
    // without presolve, checked constraint by constraint, puts at 5 (seed 1256179920, a school of
    // 31). So each solution HiGHS returns is checked against the system, and two checked solutions
    // that differ are proof the figure is not pinned, whatever HiGHS claims about optimality. When
    // the solves with presolve do not give that proof, both extremes are solved again without it,
    // and the figure is pinned only if every checked solution gives it the same value.
    const seen = new Set<number>();
    for (const options of [{}, { presolve: 'off' as const }]) {
      for (const sense of ['Minimize', 'Maximize'] as const) {
        const r = h.solve(lp(sub, i, sense), options);
        if (r.Status === 'Optimal')
          seen.add(checkedValue(sub, i, r.Columns, adv.names[u.variable]!));
      }
      if (seen.size > 1) break;
    }
    if (seen.size === 0)
      throw new Error(`HiGHS could not solve ${adv.names[u.variable]} with presolve on or off.`);
    if (seen.size === 1) pinned.push(adv.names[u.variable]!);
  }
  return pinned;
}

/**
 * The objective's value in a solution HiGHS returned, after checking that the solution is one:
 * integers within their bounds that satisfy every constraint. A solution that is not one is a
 * solver fault, and fails the test rather than deciding it.
 */
function checkedValue(
  sub: ReturnType<typeof restrict>,
  objective: number,
  columns: Record<string, { Primal?: number }>,
  name: string,
): number {
  const values = sub.vars.map((_, k) => Math.round(columns[`x${k}`]?.Primal ?? NaN));
  const bad = (why: string) => new Error(`HiGHS returned a non-solution for ${name}: ${why}`);
  values.forEach((v, k) => {
    if (!Number.isFinite(v) || v < sub.lo[k]! || v > sub.hi[k]!) throw bad(`x${k} = ${v}`);
  });
  sub.constraints.forEach((c, k) => {
    const sum =
      c.plus.reduce((n, x) => n + values[x]!, 0) - c.minus.reduce((n, x) => n + values[x]!, 0);
    if (c.kind === 'eq' ? sum !== c.rhs : sum > c.rhs) throw bad(`constraint c${k}`);
  });
  return values[objective]!;
}
