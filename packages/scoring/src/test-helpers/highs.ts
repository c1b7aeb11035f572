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
    // HiGHS's presolve (1.x, in WebAssembly) has been seen to call a system infeasible when
    // minimising and optimal when maximising the same variable over it (seed 1241677676, a school
    // of 40): one region cannot be both, and the truth satisfies it. A disagreement is solved again
    // without presolve before it counts as a failure.
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const first = h.solve(lp(sub, i, sense));
      return first.Status === 'Optimal' ? first : h.solve(lp(sub, i, sense), { presolve: 'off' });
    };
    const min = solve('Minimize');
    const max = solve('Maximize');
    if (min.Status !== 'Optimal' || max.Status !== 'Optimal')
      throw new Error(
        `HiGHS could not solve ${adv.names[u.variable]}: ${min.Status} / ${max.Status}`,
      );
    if (Math.round(min.ObjectiveValue) === Math.round(max.ObjectiveValue))
      pinned.push(adv.names[u.variable]!);
  }
  return pinned;
}
