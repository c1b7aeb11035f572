#!/usr/bin/env node
// The prepack guard of every published package (`"prepack": "node ../../scripts/check-built.mjs"`):
// npm and pnpm run it before `pack` and `publish`, so a package whose build is missing or older than
// its source is never packed. It happened once the easy way: `changeset version`, then publishing
// without `pnpm build`, would ship packages with no `dist/`.
//
// Checks, from the package's folder: every file its package.json points at (`exports` targets,
// `types`, `main`, `customElements`, `web-types`; a `*` pattern needs one matching file), then that
// no file under src/ is newer than the newest file the build wrote. Exits 1 naming the problem.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every string target in an `exports` value (conditions nested to any depth). */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(targets);
}

/** Files under `dir`, recursively (empty when it does not exist). */
function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Whether a `./dir/*.ext` pattern matches at least one file. */
function patternMatches(root, pattern) {
  const [before, after] = pattern.split('*');
  const base = join(root, before.slice(0, before.lastIndexOf('/') + 1));
  return walk(base).some((file) => {
    const rel = `./${relative(root, file).split('\\').join('/')}`;
    return rel.startsWith(before) && rel.endsWith(after);
  });
}

/**
 * The files a package.json points at that do not exist, as paths relative to the package.
 * @param {string} root the package's folder
 * @param {Record<string, unknown>} pkg its package.json
 * @returns {string[]} sorted, without a leading `./`
 */
export function missingFiles(root, pkg) {
  const pointed = [
    ...targets(pkg.exports),
    ...['types', 'main', 'module', 'customElements', 'web-types']
      .map((field) => pkg[field])
      .filter((value) => typeof value === 'string'),
  ].map((path) => (path.startsWith('./') ? path : `./${path}`));
  const missing = new Set();
  for (const path of pointed) {
    const found = path.includes('*')
      ? patternMatches(root, path)
      : existsSync(join(root, path.slice(2)));
    if (!found) missing.add(path.slice(2));
  }
  return [...missing].sort();
}

/** Source files the build does not read: tests, stories, benchmarks and their helpers. */
const NOT_BUILT = /(\.(test|test-d|stories|bench)\.ts$|\/test-helpers\/)/;

/** The newest built source file, if it is newer than every file the build wrote. */
export function newerSource(root, pkg) {
  const builtFiles = [
    ...walk(join(root, 'dist')),
    ...(typeof pkg.customElements === 'string' ? [join(root, pkg.customElements)] : []),
  ].filter((file) => existsSync(file));
  if (builtFiles.length === 0) return null;
  const newestBuild = Math.max(...builtFiles.map((file) => statSync(file).mtimeMs));
  let newest = null;
  for (const file of walk(join(root, 'src'))) {
    if (NOT_BUILT.test(file.split('\\').join('/'))) continue;
    const mtime = statSync(file).mtimeMs;
    if (mtime > newestBuild && (newest === null || mtime > newest.mtime)) newest = { file, mtime };
  }
  return newest && relative(root, newest.file).split('\\').join('/');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const root = process.cwd();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const missing = missingFiles(root, pkg);
  const fix = `Run \`pnpm build\` at the repository root first (releases: \`pnpm release\`).`;
  if (missing.length > 0) {
    console.error(
      `${pkg.name}: refusing to pack without a build. Missing:\n` +
        missing.map((file) => `  ${file}`).join('\n') +
        `\n${fix}`,
    );
    process.exit(1);
  }
  const stale = newerSource(root, pkg);
  if (stale) {
    console.error(
      `${pkg.name}: refusing to pack a stale build: ${stale} is newer than the build.\n${fix}`,
    );
    process.exit(1);
  }
}
