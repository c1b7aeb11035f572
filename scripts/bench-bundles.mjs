#!/usr/bin/env node
// Bundle figures a host cares about, measured in this run and printed, never asserted (part of
// `pnpm bench`). esbuild --minify, gzip -9, from the packages' source (the @all-together/source
// condition), as a host's bundler would build the published files; and the precompiled cdn/
// modules as a browser downloads them (run `pnpm build` first).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');

async function bundle(dir, code) {
  const result = await build({
    stdin: { contents: code, resolveDir: join(root, 'packages', dir), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@all-together/source'],
    tsconfig: join(root, 'packages', dir, 'tsconfig.json'),
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const zod = inputs
    .filter(([path]) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?zod\//.test(path))
    .reduce((n, [, { bytesInOutput }]) => n + bytesInOutput, 0);
  return { min: bytes.length, gzip: gz(bytes), zod };
}

const w = [50, 10, 10, 8];
console.log('\nBundles a host builds (esbuild --minify; gzip -9), measured in this run\n');
console.log(pad(['entry', 'min', 'gzip', 'zod'], w));
const components = JSON.parse(readFileSync(join(root, 'packages/components/package.json'), 'utf8'));
for (const [subpath, target] of Object.entries(components.exports)) {
  if (!/^\.\/at-.*\.js$/.test(subpath)) continue;
  const file = join(root, 'packages/components', target['@all-together/source']);
  const b = await bundle('components', `import ${JSON.stringify(file)};`);
  const share = b.zod ? `${Math.round((b.zod / b.min) * 100)}%` : '-';
  console.log(
    pad([`@all-together/components/${subpath.slice(2)}`, kb(b.min), kb(b.gzip), share], w),
  );
}
const root1 = await bundle(
  'questionnaires',
  `import { getQuestionnaire } from '@all-together/questionnaires'; console.log(getQuestionnaire('pupil-ks2'));`,
);
const one = await bundle(
  'questionnaires',
  `import { definition } from '@all-together/questionnaires/pupil-ks2.js'; console.log(definition());`,
);
console.log(
  pad(["getQuestionnaire('pupil-ks2') (every definition)", kb(root1.min), kb(root1.gzip), ''], w),
);
console.log(
  pad(['questionnaires/pupil-ks2.js (one definition)', kb(one.min), kb(one.gzip), ''], w),
);
console.log(
  `  one-definition entry: ${((one.min / root1.min) * 100).toFixed(0)}% of the root's bytes (minified)`,
);

// The no-build modules: what a plain page downloads for each entry, following its imports.
const cdn = join(root, 'packages/components/cdn');
if (!existsSync(cdn)) {
  console.log('\ncdn/ is not built: run `pnpm build` for the no-build figures.');
} else {
  console.log('\nNo-build pages (packages/components/cdn), every module the entry loads\n');
  console.log(pad(['entry', 'modules', 'raw', 'gzip'], [24, 8, 10, 10]));
  const importsOf = (file) =>
    [
      ...readFileSync(join(cdn, file), 'utf8').matchAll(
        /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g,
      ),
    ].map((m) => join(dirname(file), m[1]).split('\\').join('/'));
  for (const entry of ['at-questionnaire.js', 'at-audit.js', 'at-results.js', 'all.js']) {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      importsOf(file).forEach(visit);
    };
    visit(entry);
    const files = [...seen].map((f) => readFileSync(join(cdn, f)));
    const raw = files.reduce((n, b) => n + b.length, 0);
    const zipped = files.reduce((n, b) => n + gz(b), 0);
    console.log(pad([entry, seen.size, kb(raw), kb(zipped)], [24, 8, 10, 10]));
  }
  console.log("  (includes modules loaded on demand, such as the questionnaire's validation)");
}
