#!/usr/bin/env node
// Folds the pending changesets of packages that have never been released into one first-release
// changeset per package, so that `changeset version` writes one first-release entry in each
// CHANGELOG instead of a list of changes to something nobody has installed.
//
// Release procedure (.changeset/README.md): `node scripts/fold-changesets.mjs`, read and edit the
// folded `.changeset/<folder>-first-release.md` files (the script joins the texts; a person makes
// them read as one description), then `pnpm changeset version` and `pnpm release`. Re-run it as
// often as you like: an already folded file is folded again, unchanged.
//
// - A package counts as unreleased while its package.json version is 0.0.0.
// - Its folded file keeps the text of its current first-release changeset (the one named
//   `<folder>-first-release.md`, or else the first whose text begins "First release"), then every
//   other changeset releasing it, oldest file name first, as a bullet each.
// - The bump is the largest declared, but at most `minor` (0.1.0): before anything is published a
//   "breaking" change breaks nobody. `--bump=major` makes the first release 1.0.0.
// - A changeset that also releases an already released package keeps that package (and its text);
//   only the unreleased packages are taken out of it.
//
// Usage: node scripts/fold-changesets.mjs [--dry-run] [--bump=minor|major]
import { readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from './check-changesets.mjs';

const ORDER = ['none', 'patch', 'minor', 'major'];

/** The text of a changeset after its front matter. */
export function bodyOf(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  return lines
    .slice(close + 1)
    .join('\n')
    .trim();
}

/** A changeset file's text from its releases and body. */
export function formatChangeset(releases, body) {
  const front = [...releases].map(([name, bump]) => `'${name}': ${bump}`).join('\n');
  return `---\n${front}\n---\n\n${body.trim()}\n`;
}

/** A body as one Markdown bullet (continuation lines indented under it). */
const asBullet = (body) =>
  `- ${body
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `  ${line}`))
    .join('\n')}`;

/**
 * Plans the fold.
 * @param {{ file: string, text: string }[]} changesets the pending changesets (file names only)
 * @param {Map<string, string>} unreleased package name → its folder name, for packages at 0.0.0
 * @param {{ bump?: 'minor' | 'major' }} [options]
 * @returns {{ write: Map<string, string>, remove: string[] }} files to write (name → text), and
 *   files to delete
 */
export function planFold(changesets, unreleased, options = {}) {
  const cap = options.bump ?? 'minor';
  const parsed = changesets
    .map((c) => ({ ...c, releases: parseFrontMatter(c.text), body: bodyOf(c.text) }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const write = new Map();
  const remove = new Set();

  for (const [name, folder] of unreleased) {
    const target = `${folder}-first-release.md`;
    const mine = parsed.filter((c) => ['patch', 'minor', 'major'].includes(c.releases.get(name)));
    if (mine.length === 0) continue;
    const first =
      mine.find((c) => c.file === target) ?? mine.find((c) => /^first release/i.test(c.body));
    const rest = mine.filter((c) => c !== first);
    const declared = Math.max(...mine.map((c) => ORDER.indexOf(c.releases.get(name))));
    const bump = ORDER[Math.min(declared, ORDER.indexOf(cap))] === 'major' ? 'major' : 'minor';
    const body = [
      first?.body ?? `First release of \`${name}\`.`,
      ...(rest.length ? [rest.map((c) => asBullet(c.body)).join('\n')] : []),
    ].join('\n\n');
    write.set(target, formatChangeset(new Map([[name, bump]]), body));
    for (const c of mine) if (c.file !== target) remove.add(c.file);
  }

  // A folded changeset that also releases a released package keeps it, without the folded ones.
  for (const c of parsed) {
    if (!remove.has(c.file)) continue;
    const left = new Map([...c.releases].filter(([name]) => !unreleased.has(name)));
    if ([...left.values()].some((bump) => bump !== 'none')) {
      remove.delete(c.file);
      write.set(c.file, formatChangeset(left, c.body));
    }
  }
  return { write, remove: [...remove].filter((file) => !write.has(file)).sort() };
}

/** Published packages under packages/ still at 0.0.0: name → folder. */
export function unreleasedPackages(root) {
  const found = new Map();
  const dir = join(root, 'packages');
  for (const folder of existsSync(dir) ? readdirSync(dir) : []) {
    const path = join(dir, folder, 'package.json');
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, 'utf8'));
    if (pkg.private !== true && pkg.version === '0.0.0') found.set(pkg.name, folder);
  }
  return found;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const root = process.env.FOLD_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = join(root, '.changeset');
  const changesets = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const bump = process.argv.find((a) => a.startsWith('--bump='))?.slice('--bump='.length);
  const { write, remove } = planFold(changesets, unreleasedPackages(root), { bump });
  const dry = process.argv.includes('--dry-run');
  for (const [file, text] of write) {
    const before = existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '';
    if (before === text) continue;
    console.log(`${dry ? 'would write' : 'wrote'} .changeset/${file}`);
    if (!dry) writeFileSync(join(dir, file), text);
  }
  for (const file of remove) {
    console.log(`${dry ? 'would remove' : 'removed'} .changeset/${file}`);
    if (!dry) rmSync(join(dir, file));
  }
  console.log(
    `${changesets.length} changesets → ${changesets.length - remove.length}` +
      (dry ? ' (dry run)' : '; now edit each folded first-release text to read as one'),
  );
}
