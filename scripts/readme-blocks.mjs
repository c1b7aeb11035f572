// Runs the code blocks of the package READMEs, so an example that breaks fails CI
// (scripts/readme-blocks.test.mjs calls this; `node scripts/readme-blocks.mjs` runs it alone).
//
// Which blocks, and how:
// - ```ts and ```js blocks are extracted; other languages (sh, html, css, json) are not code to run.
// - Each block is its own module, type-checked with tsc against the packages' published types
//   (TypeScript blocks strictly; JavaScript blocks with checkJs, as a JavaScript user's editor
//   would; ```tsx blocks as React), and then run with tsx against the
//   packages' TypeScript source (the @all-together/source condition), in Node. A block fails if it
//   throws or writes to stderr (an example's error branch).
// - A README that says `<!-- readme-blocks: check -->` has its blocks type-checked only: the
//   components' examples need a browser.
// - ```ts continued appends a block to the one before it (one module), for an example split by
//   prose.
// - `<!-- readme-blocks setup … -->` (hidden when the README is rendered) is a module of example
//   data the blocks may use by name, such as a summary to publish; a block imports every function
//   it calls itself.
//
// The modules are written to <package>/.readme-blocks/ (git-ignored) so that bare imports resolve
// through the package's own dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNNABLE = new Set(['ts', 'typescript', 'tsx', 'js', 'javascript']);

/**
 * The ```ts and ```js blocks of a README, with continuations merged into the block before.
 * @param {string} markdown
 * @returns {{ line: number, lang: 'ts' | 'tsx' | 'js', code: string }[]}
 */
export function extractBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w+)?\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, lang = '', info] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^${indent}\`\`\`\\s*$`).test(lines[j])) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
      j++;
    }
    if (RUNNABLE.has(lang)) {
      const code = body.join('\n');
      const kind = lang === 'tsx' ? 'tsx' : lang.startsWith('t') ? 'ts' : 'js';
      if (/\bcontinued\b/.test(info) && blocks.length > 0) {
        blocks.at(-1).code += `\n${code}`;
      } else {
        blocks.push({ line: i + 1, lang: kind, code });
      }
    }
    i = j;
  }
  return blocks;
}

/** The hidden setup module of a README, if it has one. */
export function extractSetup(markdown) {
  return /<!--\s*readme-blocks setup\s*\n([\s\S]*?)-->/.exec(markdown)?.[1] ?? null;
}

/** Whether the README asks for its blocks to be type-checked only. */
export const checkOnly = (markdown) => /<!--\s*readme-blocks:\s*check\s*-->/.test(markdown);

/** Names a module exports (`export const a`, `export function b`, `export { c }`). */
function exportedNames(code) {
  const names = new Set();
  for (const m of code.matchAll(
    /export\s+(?:declare\s+)?(?:const|let|var|function|class|async function)\s+(\w+)/g,
  ))
    names.add(m[1]);
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** Names a block declares or imports at its top level, which the setup must not shadow. */
function declaredNames(code) {
  const names = new Set();
  for (const m of code.matchAll(
    /^(?:export\s+)?(?:const|let|var|function|class|interface|type)\s+(\w+)/gm,
  ))
    names.add(m[1]);
  for (const m of code.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/^import\s+\*\s+as\s+(\w+)/gm)) names.add(m[1]);
  return names;
}

/**
 * Writes one module per block (and the setup) into `<package>/.readme-blocks/`.
 * @returns {{ dir: string, files: { file: string, block: { line: number, lang: string } }[] }}
 */
export function writeModules(pkgDir, markdown) {
  const dir = join(pkgDir, '.readme-blocks');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const setup = extractSetup(markdown);
  const provided = setup ? exportedNames(setup) : [];
  if (setup) writeFileSync(join(dir, 'setup.mts'), setup);
  const files = extractBlocks(markdown).map((block, i) => {
    const own = declaredNames(block.code);
    const names = provided.filter((n) => !own.has(n) && new RegExp(`\\b${n}\\b`).test(block.code));
    const ext = { ts: 'mts', tsx: 'tsx', js: 'mjs' }[block.lang];
    const header = [
      `// ${block.lang === 'js' ? 'JavaScript' : 'TypeScript'} block at README.md line ${block.line}.`,
      ...(names.length ? [`import { ${names.join(', ')} } from './setup.mjs';`] : []),
    ];
    const file = `block-${String(i + 1).padStart(2, '0')}.${ext}`;
    // `export {}` keeps a block without imports a module (its names stay its own).
    writeFileSync(join(dir, file), `${header.join('\n')}\n${block.code}\nexport {};\n`);
    return { file, block };
  });
  return { dir, files };
}

/** Type-checks the modules; returns tsc's output, or '' when they pass. */
export function typecheck(pkgDir, dir, files) {
  const config = (name, include, options) => {
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        extends: '../tsconfig.json',
        // As a consumer's strict project checks them: the packages' published types (dist/, so
        // `pnpm build` first), not their source, and not this repository's extra strictness.
        compilerOptions: {
          noEmit: true,
          customConditions: [],
          noUncheckedIndexedAccess: false,
          jsx: 'react-jsx',
          ...options,
        },
        // The package's own declarations (such as questionnaires' `*.json` module type).
        include: [...include, '../src/**/*.d.ts'],
      }),
    );
    return join(dir, name);
  };
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const out = [];
  const ts = files.filter((f) => /\.(mts|tsx)$/.test(f.file)).map((f) => f.file);
  const js = files.filter((f) => f.file.endsWith('.mjs')).map((f) => f.file);
  const runs = [];
  if (ts.length)
    runs.push(
      config(
        'tsconfig.ts.json',
        [...ts, ...(existsSync(join(dir, 'setup.mts')) ? ['setup.mts'] : [])],
        {},
      ),
    );
  // JavaScript as a JavaScript user's editor checks it: types, but no strict null checks.
  if (js.length)
    runs.push(
      config('tsconfig.js.json', js, {
        allowJs: true,
        checkJs: true,
        strict: false,
        noImplicitAny: false,
      }),
    );
  for (const project of runs) {
    const result = spawnSync(process.execPath, [tsc, '-p', project], {
      cwd: pkgDir,
      encoding: 'utf8',
    });
    if (result.status !== 0) out.push(`${result.stdout}${result.stderr}`.trim());
  }
  return out.join('\n');
}

/**
 * Runs a README's block modules, one after another in one Node process (tsx, on the source
 * condition), so the setup module is evaluated once. Returns each block's error output, or '' for
 * a block that passed. A block that writes to stderr fails too: examples log problems on their
 * error path (`if (!result.ok) console.error(…)`), and an example run as written must not take it.
 * @returns {Map<string, string>} block file → error ('' when it passed)
 */
export function runBlocks(pkgDir, dir, files) {
  const runner = join(dir, 'run.mjs');
  writeFileSync(
    runner,
    `import { inspect } from 'node:util';
const files = ${JSON.stringify(files.map((f) => f.file))};
const results = {};
const write = process.stderr.write.bind(process.stderr);
for (const file of files) {
  let captured = '';
  process.stderr.write = (chunk) => ((captured += String(chunk)), true);
  const { error: log, warn } = console;
  console.error = console.warn = (...args) =>
    void (captured += args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' ') + '\\n');
  try {
    await import('./' + file);
  } catch (error) {
    captured += (error && error.stack) || String(error);
  } finally {
    process.stderr.write = write;
    Object.assign(console, { error: log, warn });
  }
  results[file] = captured.trim();
}
process.stdout.write('\\n@@results ' + JSON.stringify(results) + '\\n');
`,
  );
  const result = spawnSync(
    process.execPath,
    ['--conditions=@all-together/source', '--import', 'tsx', runner],
    {
      cwd: pkgDir,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
  const line = result.stdout.split('\n').find((l) => l.startsWith('@@results '));
  if (!line) {
    const why = `${result.stderr || result.stdout || `exit ${result.status ?? result.signal}`}`;
    return new Map(files.map((f) => [f.file, `the block runner failed: ${why.trim()}`]));
  }
  return new Map(Object.entries(JSON.parse(line.slice('@@results '.length))));
}

/** The package READMEs: `{ name, dir, readme }` for each published package. */
export function packageReadmes() {
  const dirs = ['model', 'questionnaires', 'scoring', 'components'];
  return dirs
    .map((d) => join(root, 'packages', d))
    .filter((dir) => existsSync(join(dir, 'README.md')))
    .map((dir) => ({
      name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name,
      dir,
      readme: readFileSync(join(dir, 'README.md'), 'utf8'),
    }));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  // Optional arguments: package folder names to check (`node scripts/readme-blocks.mjs model`).
  const only = process.argv.slice(2);
  let failed = 0;
  for (const { name, dir, readme } of packageReadmes()) {
    if (only.length && !only.some((o) => dir.endsWith(`/${o}`))) continue;
    const { dir: out, files } = writeModules(dir, readme);
    const errors = typecheck(dir, out, files);
    console.log(`${name}: ${files.length} blocks, type-check ${errors ? 'FAILED' : 'ok'}`);
    if (errors) (failed++, console.log(errors));
    if (!checkOnly(readme)) {
      const errors = runBlocks(dir, out, files);
      for (const { file, block } of files) {
        const error = errors.get(file);
        if (error) (failed++, console.log(`  line ${block.line}: FAILED\n${error}`));
      }
    }
    rmSync(out, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}
