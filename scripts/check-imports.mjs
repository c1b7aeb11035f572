#!/usr/bin/env node
// The import graph of every package's source (packages/*/src/**/*.ts, tests included): fails on an
// import cycle, and on an import that points the wrong way (style.md "Dependencies point down"):
//
// - `shared/` of the components imports no element folder (each element adds its strings to the
//   shared translation type by declaration merging instead);
// - an element folder imports another element folder only through its public files, the
//   registration (`at-*.ts`) and the events (`*.events.ts`): an element may show another element
//   and hear its events, never reach into its internals.
//
// Relative imports, `export … from`, `import type` and `import()` are edges; `@all-together/<pkg>`
// resolves to that package's `src/index.ts` (so a cycle across packages is found too). Run from the
// repository root, or pass the root to check: `node scripts/check-imports.mjs [root]`.
// Exits 1 and prints each cycle and each wrong-way import; prints one summary line either way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`. */
const SPECIFIERS =
  /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Source files of every package under `root`. */
export function sourceFiles(root) {
  const out = [];
  const packages = join(root, 'packages');
  if (!existsSync(packages)) return out;
  for (const pkg of readdirSync(packages)) {
    const src = join(packages, pkg, 'src');
    if (!existsSync(src)) continue;
    (function walk(dir) {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
      }
    })(src);
  }
  return out.sort();
}

/** The specifiers a file imports, with comments removed first (JSDoc examples are not imports). */
export function importsOf(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out = [];
  for (const m of code.matchAll(SPECIFIERS)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The file an import names, or undefined for a package outside this repository. */
function resolveImport(root, from, specifier) {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier);
    for (const candidate of [
      base.replace(/\.js$/, '.ts'),
      base.replace(/\.mjs$/, '.mts'),
      base,
      `${base}.ts`,
      join(base, 'index.ts'),
    ]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    return undefined;
  }
  const named = /^@all-together\/([^/]+)$/.exec(specifier);
  if (named) {
    const index = join(root, 'packages', named[1], 'src', 'index.ts');
    return existsSync(index) ? index : undefined;
  }
  return undefined;
}

/** The graph: file → files it imports (inside the repository). */
export function importGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const edges = new Set();
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(root, file, specifier);
      if (target && target !== file) edges.add(target);
    }
    graph.set(file, [...edges].sort());
  }
  return graph;
}

/** Every cycle, each once, as a list of files (Tarjan's strongly connected components). */
export function findCycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return cycles;
}

const isTestFile = (path) =>
  /\.(test|test-d|stories|bench)\.ts$/.test(path) || path.includes(`${sep}test-helpers${sep}`);

/** Imports that point the wrong way inside the components package (see the header). */
export function wrongWay(root, graph) {
  const src = join(root, 'packages', 'components', 'src');
  const folderOf = (file) => {
    const rel = relative(src, file);
    return rel.startsWith('..') || !rel.includes(sep) ? undefined : rel.split(sep)[0];
  };
  const problems = [];
  for (const [file, edges] of graph) {
    const from = folderOf(file);
    if (!from || isTestFile(file)) continue;
    for (const target of edges) {
      const to = folderOf(target);
      if (!to || to === from || to === 'shared') continue;
      const rel = (p) => relative(root, p).split(sep).join('/');
      if (from === 'shared') {
        problems.push(`${rel(file)} → ${rel(target)}: shared/ must not import an element folder`);
      } else if (!/^(at-[\w-]+|[\w-]+\.events)\.ts$/.test(target.split(sep).pop())) {
        problems.push(
          `${rel(file)} → ${rel(target)}: an element imports another only through its registration (at-*.ts) or events`,
        );
      }
    }
  }
  return problems;
}

export function check(root) {
  const graph = importGraph(root);
  const rel = (p) => relative(root, p).split(sep).join('/');
  const cycles = findCycles(graph).map((c) => c.map(rel));
  return { files: graph.size, cycles, wrongWay: wrongWay(root, graph) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const { files, cycles, wrongWay: wrong } = check(root);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' → ')} → ${cycle[0]}`);
  for (const problem of wrong) console.error(`wrong-way import: ${problem}`);
  const failed = cycles.length + wrong.length;
  console.log(
    `check-imports: ${files} files, ${cycles.length} cycles, ${wrong.length} wrong-way imports`,
  );
  process.exit(failed ? 1 : 0);
}
