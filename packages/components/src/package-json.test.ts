// The package's public API, as GOV.UK Frontend tests its own package.json: the exports map, the
// registration files and `sideEffects` must agree, and importing the barrel must register nothing.
import { DESIGN_TOKENS } from './shared/tokens.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface Conditions {
  readonly [condition: string]: string;
}
interface PackageJson {
  readonly name: string;
  readonly exports: Readonly<Record<string, string | Conditions>>;
  readonly sideEffects: readonly string[] | boolean;
  readonly files: readonly string[];
  readonly customElements: string;
}
interface SourceFile {
  readonly path: string; // "src/progress/at-progress.ts"
  readonly source: string;
}

/** A file registers an element if it calls defineElement/customElements.define with a literal tag. */
const registers = (source: string) =>
  /\b(?:defineElement|customElements\.define)\(\s*['"`]at-/.test(
    source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''),
  );

/** The dist file a source file is built to. */
const builtAs = (path: string) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** A `sideEffects` glob as a RegExp (bundlers' semantics: `**` any depth, `*` within a segment). */
const globToRegExp = (glob: string) =>
  new RegExp(
    '^' +
      glob
        .replace(/^\.\//, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '\uE000') // a private-use placeholder for "**/" while * is rewritten
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/\uE000/g, '(?:.*/)?') +
      '$',
  );

/** Subpaths exported as plain files: the manifest, the theme stylesheets and package.json. */
const PLAIN_FILES = ['./package.json', './custom-elements.json', './themes/*.css'];

/**
 * Subpaths built from custom-elements.json by scripts/generate.mjs (React wrappers, JSX types):
 * they have no TypeScript source, so no source condition, only `types` and `default` in dist/.
 */
const GENERATED = {
  './react': { types: './dist/react/index.d.ts', default: './dist/react/index.js' },
  './react/*.js': { types: './dist/react/*.d.ts', default: './dist/react/*.js' },
  './jsx.js': { types: './dist/jsx.d.ts', default: './dist/jsx.js' },
};

let pkg: PackageJson;
let files: readonly SourceFile[];
let registrations: readonly string[];

describe('package.json', () => {
  before(async () => {
    const response = await fetch(new URL('../package.json', import.meta.url));
    expect(response.ok, 'package.json served').to.equal(true);
    pkg = (await response.json()) as PackageJson;
    files = await executeServerCommand<SourceFile[], undefined>('at-shipped-source-files');
    registrations = files.filter((f) => registers(f.source)).map((f) => f.path);
  });

  it('finds the source files and at least one registration file (the test can see something)', () => {
    expect(files.map((f) => f.path)).to.include('src/index.ts');
    expect(registrations).to.include('src/progress/at-progress.ts');
  });

  it('every subpath has conditions in the order source, types, default', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (PLAIN_FILES.includes(subpath)) {
        // Files served as they are (no build, no types): the subpath names the file itself.
        expect(target, subpath).to.equal(subpath);
        continue;
      }
      if (subpath in GENERATED) {
        expect(target, subpath).to.deep.equal(GENERATED[subpath as keyof typeof GENERATED]);
        continue;
      }
      expect(target, subpath).to.be.an('object');
      expect(Object.keys(target), subpath).to.deep.equal([
        '@all-together/source',
        'types',
        'default',
      ]);
    }
  });

  it('every subpath points at one module: its source, its built .js and its .d.ts', () => {
    const paths = new Set(files.map((f) => f.path));
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string' || subpath in GENERATED) continue;
      const source = target['@all-together/source']!.replace(/^\.\//, '');
      expect(paths.has(source), `${subpath}: ${source} exists and is shipped`).to.equal(true);
      expect(target['default'], subpath).to.equal(`./${builtAs(source)}`);
      expect(target['types'], subpath).to.equal(`./${builtAs(source).replace(/\.js$/, '.d.ts')}`);
    }
    expect((pkg.exports['.'] as Conditions)['@all-together/source']).to.equal('./src/index.ts');
  });

  it('every registration file is an at-*.ts file exported as ./at-*.js', () => {
    for (const path of registrations) {
      const name = path.split('/').pop()!;
      expect(name, path).to.match(/^at-[a-z0-9-]+\.ts$/);
      const target = pkg.exports[`./${name.replace(/\.ts$/, '.js')}`];
      expect(target, `${path} exported`).to.be.an('object');
      expect((target as Conditions)['@all-together/source']).to.equal(`./${path}`);
    }
  });

  it('only the barrel and registration files are exported', () => {
    const exported = Object.entries(pkg.exports)
      .filter(([subpath]) => !(subpath in GENERATED))
      .map(([, target]) => target)
      .filter((t): t is Conditions => typeof t === 'object')
      .map((t) => t['@all-together/source']!.replace(/^\.\//, ''))
      .sort();
    expect(exported).to.deep.equal(['src/index.ts', ...registrations].sort());
  });

  it('sideEffects lists exactly the registration files and the zod switch, in src and in dist', () => {
    expect(pkg.sideEffects).to.be.an('array');
    const globs = (pkg.sideEffects as readonly string[]).map(globToRegExp);
    const isSideEffect = (path: string) => globs.some((glob) => glob.test(path));
    // zod-jitless.ts must run before the model loads (W3), so bundlers must keep its bare import.
    const effects = [...registrations, 'src/shared/zod-jitless.ts'];
    for (const { path } of files) {
      const registration = effects.includes(path);
      expect(isSideEffect(path), `${path} in sideEffects`).to.equal(registration);
      expect(isSideEffect(builtAs(path)), `${builtAs(path)} in sideEffects`).to.equal(registration);
    }
  });

  it('publishes dist and the custom elements manifest', () => {
    expect(pkg.files).to.include('dist');
    expect(pkg.files).to.include(pkg.customElements);
  });

  it('publishes the no-build modules (cdn/) and points JetBrains IDEs at web-types', () => {
    expect(pkg.files).to.include('cdn');
    expect((pkg as unknown as Record<string, unknown>)['web-types']).to.equal(
      './dist/web-types.json',
    );
  });

  it('publishes the themes, exported as CSS files and listed as side effects', () => {
    expect(pkg.files).to.include('themes');
    expect(pkg.exports['./themes/*.css']).to.equal('./themes/*.css');
    expect(pkg.sideEffects).to.include('./themes/*.css');
  });

  for (const theme of ['default', 'govuk']) {
    it(`themes/${theme}.css sets every global token of ADR 0005 on :root`, async () => {
      const response = await fetch(new URL(`../themes/${theme}.css`, import.meta.url));
      expect(response.ok, `themes/${theme}.css served`).to.equal(true);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await response.text());
      const rules = [...sheet.cssRules].filter((r): r is CSSStyleRule => r instanceof CSSStyleRule);
      expect(rules.map((r) => r.selectorText)).to.deep.equal([':root']);
      const set = new Set([...rules[0]!.style].filter((name) => name.startsWith('--at-')));
      const missing = DESIGN_TOKENS.filter((token) => !set.has(token));
      expect(missing.join(', '), `tokens missing from ${theme}.css`).to.equal('');
      const extra = [...set].filter((token) => !DESIGN_TOKENS.includes(token));
      expect(extra.join(', '), `tokens outside ADR 0005 in ${theme}.css`).to.equal('');
    });
  }

  it('custom-elements.json defines every registered tag in its registration file', async () => {
    const response = await fetch(new URL('../custom-elements.json', import.meta.url));
    // The manifest is a build output; turbo builds the package before its tests. A missing manifest
    // fails rather than skips, so a broken manifest step cannot pass unnoticed.
    if (!response.ok) {
      throw new Error(
        'custom-elements.json is missing: run `pnpm build` in packages/components first.',
      );
    }
    const manifest = (await response.json()) as {
      modules: { path: string; exports?: { kind: string; name: string }[] }[];
    };
    for (const path of registrations) {
      const tag = path.split('/').pop()!.replace(/\.ts$/, '');
      const module = manifest.modules.find((m) => m.path === builtAs(path));
      const defined = module?.exports?.some(
        (e) => e.kind === 'custom-element-definition' && e.name === tag,
      );
      expect(defined, `<${tag}> in custom-elements.json (stale? run pnpm build)`).to.equal(true);
    }
  });

  it('the manifest tells consumers real types: no public property typed unknown (or untyped), every event a CustomEvent with a typed detail', async () => {
    const manifest = (await (
      await fetch(new URL('../custom-elements.json', import.meta.url))
    ).json()) as {
      modules: {
        declarations?: {
          tagName?: string;
          customElement?: boolean;
          members?: {
            kind: string;
            name: string;
            privacy?: string;
            static?: boolean;
            type?: { text: string };
          }[];
          events?: { name: string; type?: { text: string } }[];
        }[];
      }[];
    };
    const problems: string[] = [];
    let events = 0;
    for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
      if (!d.customElement) continue;
      for (const m of d.members ?? []) {
        if (m.kind !== 'field' || m.privacy || m.static) continue;
        const type = m.type?.text ?? '';
        if (type === '' || /\bunknown\b/.test(type))
          problems.push(`<${d.tagName}>.${m.name}: "${type}"`);
      }
      for (const e of d.events ?? []) {
        events++;
        if (!/^CustomEvent<\{ .+ \}>$/.test(e.type?.text ?? ''))
          problems.push(`<${d.tagName}> ${e.name}: "${e.type?.text ?? ''}"`);
      }
    }
    expect(events).to.be.greaterThan(8);
    expect(problems).to.deep.equal([]);
  });

  it('importing the barrel registers no element', async function () {
    // The first import of the barrel transforms every element and its dependencies (zod, scoring).
    this.timeout(20_000);
    const api = await import('./index.js');
    expect(api.AtProgress).to.be.a('function');
    for (const path of registrations) {
      const tag = path.split('/').pop()!.replace(/\.ts$/, '');
      // A class as the actual value stalls wtr's reporting: compare its name.
      expect(customElements.get(tag)?.name, `<${tag}> registered by the barrel`).to.equal(
        undefined,
      );
    }
  });
});
