#!/usr/bin/env node
// CI check: every change to a published package carries a changeset (style.md "Comments, commits,
// releases"). Published = packages/*/package.json without "private": true; apps are never checked.
//
// Base: $CHANGESET_BASE if set (its merge-base with HEAD, so a moved main does not count), else the
// newest commit touching packages/*/CHANGELOG.md (the last `changeset version`), else the empty tree,
// so that before the first release everything counts as changed. Changed files: `git diff BASE`
// (history since BASE plus the working tree) and untracked files. Test files, stories, CHANGELOG.md
// and test-results/ do not make a package changed.
//
// Exits 1 when no pending .changeset/*.md releases a changed package (an empty changeset or a `none`
// bump does not count), or when a changeset cannot be parsed. The pure functions are exported for scripts/check-changesets.test.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumps a changeset may declare; `none` parses (changesets allows it) but covers nothing here. */
export const BUMPS = ['patch', 'minor', 'major', 'none'];
const RELEASING = new Set(['patch', 'minor', 'major']);

const FIX = 'run `pnpm changeset` and describe the change for consumers';

// The subset of YAML that `pnpm changeset` writes: one `name: bump` pair per line. Plain names may
// not start with a YAML indicator such as @, so scoped names must be quoted (as changesets requires).
const RELEASE_LINE =
  /^(?:"([^"\\]+)"|'([^']+)'|([^\s"'@`!&*|>%#{}[\],?:-][^\s:]*))\s*:\s+(["']?)([A-Za-z]+)\4\s*(?:#.*)?$/;

/**
 * Parses a changeset's YAML front matter into the releases it declares.
 * Accepts `"@scope/name": patch`, `'@scope/name': minor` and `name: major`; blank lines and
 * `#` comments are skipped. An empty changeset (`---\n---`) declares no releases.
 * @param {string} text the whole .md file
 * @returns {Map<string, 'patch' | 'minor' | 'major' | 'none'>} package name → bump
 * @throws {Error} when the front matter is missing, unterminated or has a line it cannot read
 */
export function parseFrontMatter(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0].trim() !== '---') throw new Error('does not start with a "---" line');
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close === -1) throw new Error('front matter is not closed by a "---" line');

  const releases = new Map();
  for (let i = 1; i < close; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = RELEASE_LINE.exec(line);
    if (!match) throw new Error(`line ${i + 1}: cannot read "${line}" (want "@scope/name": patch)`);
    const name = match[1] ?? match[2] ?? match[3];
    const bump = match[5];
    if (!BUMPS.includes(bump)) {
      throw new Error(`line ${i + 1}: "${bump}" for ${name} is not one of ${BUMPS.join(', ')}`);
    }
    if (releases.has(name)) throw new Error(`line ${i + 1}: ${name} is listed twice`);
    releases.set(name, bump);
  }
  return releases;
}

/** Whether a changeset releases `name` (a `none` bump does not). */
export const isReleasedBy = (changeset, name) => RELEASING.has(changeset.releases.get(name));

/**
 * Whether a changed file inside a package leaves its published content alone.
 * @param {string} pathInPackage path relative to the package folder, with forward slashes
 */
export function isIgnoredInPackage(pathInPackage) {
  const parts = pathInPackage.split('/');
  const base = parts.at(-1);
  return (
    parts.includes('test-results') ||
    base === 'CHANGELOG.md' ||
    /\.test\.(ts|mjs)$/.test(base) ||
    /\.test-d\.ts$/.test(base) ||
    /\.stories\.ts$/.test(base)
  );
}

/**
 * The published package a changed file belongs to, if the change counts.
 * @param {string} path repo-relative path with forward slashes, as git prints it
 * @param {Map<string, string>} packagesByDir folder under packages/ → package name (published only)
 * @returns {string | null} the package name, or null (not in a published package, or ignored)
 */
export function packageForPath(path, packagesByDir) {
  const match = /^packages\/([^/]+)\/(.+)$/.exec(path);
  if (!match) return null;
  const [, dir, rest] = match;
  const name = packagesByDir.get(dir);
  if (name === undefined || isIgnoredInPackage(rest)) return null;
  return name;
}

/**
 * @param {Iterable<string>} paths changed repo-relative paths
 * @param {Map<string, string>} packagesByDir
 * @returns {string[]} names of changed published packages, sorted
 */
export function changedPackages(paths, packagesByDir) {
  const names = new Set();
  for (const path of paths) {
    const name = packageForPath(path, packagesByDir);
    if (name !== null) names.add(name);
  }
  return [...names].sort();
}

/**
 * @param {string[]} changed names of changed packages
 * @param {{ file: string, releases: Map<string, string> }[]} changesets pending changesets
 * @returns {string[]} the changed packages no changeset releases, in the order given
 */
export function uncoveredPackages(changed, changesets) {
  return changed.filter((name) => !changesets.some((c) => isReleasedBy(c, name)));
}

/**
 * One line per changed package saying which changesets cover it.
 * @param {string[]} changed
 * @param {{ file: string, releases: Map<string, string> }[]} changesets
 */
export function coverageLines(changed, changesets) {
  return changed.map((name) => {
    const naming = changesets
      .filter((c) => c.releases.has(name))
      .map((c) => `${c.file} (${c.releases.get(name)})`);
    const covered = changesets.some((c) => isReleasedBy(c, name));
    return `  ${covered ? 'ok     ' : 'MISSING'}  ${name}: ${naming.join(', ') || 'no changeset'}`;
  });
}

const git = (cwd, args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const nulList = (out) => out.split('\0').filter(Boolean);

/** Published workspace packages under packages/*: folder name → package name. */
export function readPublishedPackages(root) {
  const packagesByDir = new Map();
  const dir = join(root, 'packages');
  if (!existsSync(dir)) return packagesByDir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const manifest = join(dir, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (pkg.private !== true && typeof pkg.name === 'string') {
      packagesByDir.set(entry.name, pkg.name);
    }
  }
  return packagesByDir;
}

/** @returns {{ ref: string, label: string }} what to diff against, and how to describe it */
export function findBase(root, env = process.env) {
  if (env.CHANGESET_BASE) {
    const given = env.CHANGESET_BASE;
    let ref = given;
    try {
      ref = git(root, ['merge-base', given, 'HEAD']).trim();
    } catch {
      // No common history (or no HEAD yet): diff against the given ref as it is.
    }
    return { ref, label: `CHANGESET_BASE=${given} (${ref.slice(0, 12)})` };
  }
  let release = '';
  try {
    release = git(root, ['log', '-1', '--format=%H', '--', 'packages/*/CHANGELOG.md']).trim();
  } catch {
    // No commits yet: fall through to the empty tree.
  }
  if (release) return { ref: release, label: `last release ${release.slice(0, 12)}` };
  const emptyTree = execFileSync('git', ['hash-object', '-t', 'tree', '--stdin'], {
    cwd: root,
    input: '',
    encoding: 'utf8',
  }).trim();
  return { ref: emptyTree, label: 'the empty tree (no release yet: everything counts as changed)' };
}

/** Changed and untracked files since `base`, repo-relative. */
export function changedFiles(root, base) {
  const diffed = nulList(git(root, ['diff', '--name-only', '--no-renames', '-z', base]));
  const untracked = nulList(git(root, ['ls-files', '--others', '--exclude-standard', '-z']));
  return [...new Set([...diffed, ...untracked])].sort();
}

/** Pending changesets: .changeset/*.md except README.md. Parse errors are collected, not thrown. */
export function readChangesets(root) {
  const dir = join(root, '.changeset');
  const changesets = [];
  const errors = [];
  if (!existsSync(dir)) return { changesets, errors };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md') || name.toLowerCase() === 'readme.md') continue;
    const file = `.changeset/${name}`;
    try {
      changesets.push({ file, releases: parseFrontMatter(readFileSync(join(dir, name), 'utf8')) });
    } catch (error) {
      errors.push(`${file}: ${error.message}`);
    }
  }
  return { changesets, errors };
}

/** Runs the check in the repository containing `cwd`; returns the exit code. */
export function main({ cwd = process.cwd(), env = process.env, log = console.log } = {}) {
  const root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const packagesByDir = readPublishedPackages(root);
  const base = findBase(root, env);
  const changed = changedPackages(changedFiles(root, base.ref), packagesByDir);
  const { changesets, errors } = readChangesets(root);

  log(`Changesets check against ${base.label}.`);
  if (errors.length > 0) {
    log('Cannot read these changesets:');
    for (const error of errors) log(`  ${error}`);
  }
  const published = new Set(packagesByDir.values());
  for (const { file, releases } of changesets) {
    for (const name of releases.keys()) {
      if (!published.has(name)) log(`Note: ${file} names ${name}, not a published package.`);
    }
  }
  if (changed.length === 0) {
    log('No published package changed.');
    return errors.length > 0 ? 1 : 0;
  }
  log('Changed published packages:');
  for (const line of coverageLines(changed, changesets)) log(line);

  const uncovered = uncoveredPackages(changed, changesets);
  if (uncovered.length > 0) {
    log(`\nNo changeset covers ${uncovered.join(', ')}: ${FIX}.`);
    log('Only test files, stories, CHANGELOG.md and test-results/ may change without one.');
    return 1;
  }
  return errors.length > 0 ? 1 : 0;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));

if (invokedDirectly) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`check-changesets: ${error.message}`);
    process.exitCode = 1;
  }
}
