// Size benchmark: <at-questionnaire> (its registration entry: the element, <at-progress>, Lit, the
// model and zod: everything it loads) against SurveyJS's one-survey page (survey-core +
// survey-js-ui + its CSS), each bundled and minified by esbuild in this run and gzipped at level 9.
// Run: pnpm bench (from the root, through turbo) or pnpm --filter @all-together/components bench.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

async function bundle(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    outdir: here('../.bench-out'),
    metafile: true,
    legalComments: 'none',
    logLevel: 'error',
    ...options,
  });
  const files = result.outputFiles.map((f) => ({
    path: f.path,
    bytes: f.contents.length,
    gzip: gz(f.contents),
  }));
  return { files, metafile: result.metafile, contents: result.outputFiles };
}

const ours = await bundle(here('../src/questionnaire/at-questionnaire.ts'), {
  conditions: ['@all-together/source'],
  splitting: true,
  tsconfig: here('../tsconfig.json'),
});
const survey = await bundle(here('./bench/surveyjs-entry.js'));

const total = (b) => b.files.reduce((n, f) => n + f.gzip, 0);
const oursGz = total(ours);
const surveyGz = total(survey);

// Where our bytes go: each input's share of the minified output, grouped into parts. The gzip
// figure per part is its share of the whole gzip size (gzip is not additive; an estimate).
const part = (path) =>
  /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(lit|lit-html|lit-element|@lit)\//.test(path)
    ? 'lit'
    : /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?zod\//.test(path)
      ? 'zod'
      : /(^|\/)model\/(src|dist)\//.test(path)
        ? 'model'
        : /src\/questionnaire\//.test(path)
          ? 'element (at-questionnaire)'
          : /src\/progress\//.test(path)
            ? 'element (at-progress)'
            : /src\/shared\//.test(path)
              ? 'shared (base, i18n, storage)'
              : 'other';
const parts = new Map();
for (const output of Object.values(ours.metafile.outputs)) {
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    parts.set(part(path), (parts.get(part(path)) ?? 0) + bytesInOutput);
  }
}
// Initial: the entry chunk and what it imports statically; the rest arrives through import().
const outputs = ours.metafile.outputs;
const initial = new Set();
const visit = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  for (const i of outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
};
visit(Object.keys(outputs).find((f) => outputs[f].entryPoint));
const gzOf = (file) =>
  ours.files.find((f) => f.path.endsWith(file.replace(/^.*\.bench-out\//, '/'))).gzip;
const initialGz = [...initial].reduce((n, f) => n + gzOf(f), 0);
const oursMin = ours.files.reduce((n, f) => n + f.bytes, 0);

const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
const w = [28, 12, 12];
console.log('\nBundle size (esbuild --minify, gzip -9), measured in this run\n');
console.log(row(['', 'KB min', 'KB gzip'], w));
console.log(row(['<at-questionnaire> initial', '', kb(initialGz)], w));
console.log(row(['<at-questionnaire> (all)', kb(oursMin), kb(oursGz)], w));
for (const f of survey.files) {
  const name = f.path.endsWith('.css') ? 'SurveyJS CSS' : 'SurveyJS JS';
  console.log(row([name, kb(f.bytes), kb(f.gzip)], w));
}
console.log(
  row(['SurveyJS (all)', kb(survey.files.reduce((n, f) => n + f.bytes, 0)), kb(surveyGz)], w),
);
console.log(
  `\nRatio: SurveyJS / ours = ${(surveyGz / oursGz).toFixed(1)}x; ours is ${((oursGz / surveyGz) * 100).toFixed(1)}% of SurveyJS`,
);
console.log(
  `Initial = the registration entry with Lit and the element (${ours.files.length} files in all). ` +
    'The model and zod follow through import() as soon as a definition is given, and every ' +
    'definition is validated before its first page is shown, so a pupil always loads the total.',
);

console.log(
  '\nWhere <at-questionnaire> bytes go (share of minified output; gzip estimated pro rata)\n',
);
console.log(row(['part', 'KB min', '~KB gzip'], w));
for (const [name, bytes] of [...parts].sort((a, b) => b[1] - a[1])) {
  console.log(row([name, kb(bytes), kb((bytes / oursMin) * oursGz)], w));
}

const target = 25 * 1024;
const met = (ok) => (ok ? 'met' : 'NOT met');
console.log(
  `\nTargets (25 KB gzip; 1/15 of SurveyJS = ${kb(surveyGz / 15)} KB):\n` +
    `  initial ${kb(initialGz)} KB: <= 25 KB ${met(initialGz <= target)}, <= 1/15 ${met(initialGz * 15 <= surveyGz)}\n` +
    `  total   ${kb(oursGz)} KB: <= 25 KB ${met(oursGz <= target)}, <= 1/15 ${met(oursGz * 15 <= surveyGz)}`,
);
