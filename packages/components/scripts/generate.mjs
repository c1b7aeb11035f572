// Build step after rollup and `cem analyze`: everything generated from custom-elements.json, so it
// follows whatever elements, properties and events exist when the package is built.
//
// - dist/react/<tag>.js + .d.ts and dist/react/index.js: React wrappers made by @lit/react's
//   createComponent, one per element, each event an `on…` prop (`at-submit` → `onAtSubmit`) typed
//   with the element's own event type from `GlobalEventHandlersEventMap`;
// - dist/jsx.d.ts: `CustomElements`, the props of every tag for any JSX (React 19, Preact…): its
//   settable properties, its attributes, and `onat-…` handlers; dist/react/jsx.d.ts puts them in
//   React's `JSX.IntrinsicElements` (each .d.ts has an empty .js twin, so importing it is harmless);
// - dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json and dist/web-types.json:
//   editor data for VS Code and JetBrains IDEs;
// - cdn/: precompiled ES modules with Lit, the model and zod bundled, one per element and all.js,
//   sharing chunks (one Lit per page); minified; with LICENSES.txt for what they bundle. Rollup
//   splits (it keeps execution order across chunks), esbuild minifies.
//
// Usage: node scripts/generate.mjs (run by `pnpm build` in this package).
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { rollup } from 'rollup';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, pkg.customElements), 'utf8'));

// ---------------------------------------------------------------------------------------------
// What the manifest says about each element.

/**
 * @typedef {object} Element
 * @property {string} tag            `at-questionnaire`
 * @property {string} className      `AtQuestionnaire`
 * @property {string} classModule    `dist/questionnaire/questionnaire.js` (declares the class)
 * @property {string} defineModule   `dist/questionnaire/at-questionnaire.js` (registers the tag)
 * @property {string} summary
 * @property {{ name: string, description: string }[]} events
 * @property {{ name: string, description: string }[]} properties settable public fields
 * @property {{ name: string, field?: string, description: string }[]} attributes
 */

/** @returns {Element[]} every element the manifest registers, by tag */
export function elementsOf(cem) {
  const declarations = new Map();
  for (const mod of cem.modules) {
    for (const d of mod.declarations ?? [])
      if (d.customElement) declarations.set(d.name, { d, mod });
  }
  const elements = [];
  for (const mod of cem.modules) {
    for (const entry of mod.exports ?? []) {
      if (entry.kind !== 'custom-element-definition') continue;
      const found = declarations.get(entry.declaration.name);
      if (!found) throw new Error(`<${entry.name}>: no declaration of ${entry.declaration.name}`);
      const { d, mod: classMod } = found;
      const text = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
      elements.push({
        tag: entry.name,
        className: d.name,
        classModule: classMod.path,
        defineModule: mod.path,
        summary: text(d.summary || d.description),
        events: (d.events ?? [])
          .filter((e) => e.name)
          .map((e) => ({ name: e.name, description: text(e.description) })),
        properties: (d.members ?? [])
          .filter(
            (m) =>
              m.kind === 'field' &&
              !m.static &&
              !m.readonly &&
              (m.privacy ?? 'public') === 'public' &&
              !m.name.startsWith('_'),
          )
          .map((m) => ({ name: m.name, description: text(m.description) })),
        attributes: (d.attributes ?? []).map((a) => ({
          name: a.name,
          field: a.fieldName,
          description: text(a.description),
        })),
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** `at-breakdown-change` → `onAtBreakdownChange`: the React wrapper's prop for an event. */
export const reactEventProp = (event) =>
  `on${event.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}`;

const doc = (text, indent = '') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '';
const fromDist = (from, module) => {
  const path = relative(dirname(join(root, from)), join(root, module))
    .split('\\')
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

// ---------------------------------------------------------------------------------------------
// React wrappers.

function reactWrapper(el) {
  const file = `dist/react/${el.tag}.js`;
  const classPath = fromDist(file, el.classModule);
  const definePath = fromDist(file, el.defineModule);
  const events = el.events.map((e) => `    ${reactEventProp(e.name)}: '${e.name}',`);
  const js = [
    `// Generated by scripts/generate.mjs from custom-elements.json: <${el.tag}> for React.`,
    // Registration first: it loads the element (and, for elements that need it, switches zod to
    // jitless) before anything else of the package is evaluated.
    `import '${definePath}';`,
    `import { ${el.className} as Element } from '${classPath}';`,
    "import * as React from 'react';",
    "import { createComponent } from '@lit/react';",
    '',
    `export const ${el.className} = createComponent({`,
    `  tagName: '${el.tag}',`,
    '  elementClass: Element,',
    '  react: React,',
    `  events: {\n${events.join('\n')}${events.length ? '\n' : ''}  },`,
    `  displayName: '${el.className}',`,
    '});',
    '',
  ].join('\n');
  const dts = [
    `// Generated by scripts/generate.mjs from custom-elements.json: <${el.tag}> for React.`,
    "import type { EventName, ReactWebComponent } from '@lit/react';",
    `import type { ${el.className} as Element } from '${classPath}';`,
    // The registration module's types declare the tag and its events (GlobalEventHandlersEventMap).
    `import '${definePath}';`,
    '',
    `/** The events of \`<${el.tag}>\` as React props, each typed with the element's own event. */`,
    `export interface ${el.className}Events {`,
    ...el.events.map(
      (e) =>
        `${doc(`\`${e.name}\`: ${e.description}`, '  ')}  ${reactEventProp(e.name)}: EventName<GlobalEventHandlersEventMap['${e.name}']>;`,
    ),
    '}',
    '',
    '/**',
    ` * \`<${el.tag}>\` as a React component (made with \`@lit/react\`): ${el.summary}`,
    ' * Properties are set as properties (objects too); events are `on…` props. Importing this',
    ' * module registers the element.',
    ' */',
    `export declare const ${el.className}: ReactWebComponent<Element, ${el.className}Events>;`,
    '',
  ].join('\n');
  return { js, dts };
}

// ---------------------------------------------------------------------------------------------
// JSX: the props of each tag, and React's IntrinsicElements.

function jsxTypes(elements) {
  const lines = [
    '// Generated by scripts/generate.mjs from custom-elements.json: the SDK tags in JSX.',
    ...elements.map(
      (el) => `import type { ${el.className} } from '${fromDist('dist/jsx.js', el.classModule)}';`,
    ),
    // Each registration module's types declare its tag and events.
    ...elements.map((el) => `import '${fromDist('dist/jsx.js', el.defineModule)}';`),
    '',
  ];
  for (const el of elements) {
    const fields = new Set(el.properties.map((p) => p.name));
    lines.push(
      '/**',
      ` * \`<${el.tag}>\` in JSX: its properties (set as properties by React 19 and Preact), its`,
      " * attributes, and `on<event>` handlers (`onat-submit`), each typed with the element's event.",
      ' */',
      `export interface ${el.className}JsxProps {`,
      ...el.properties.map(
        (p) => `${doc(p.description, '  ')}  ${p.name}?: ${el.className}['${p.name}'];`,
      ),
      ...el.attributes
        .filter((a) => !fields.has(a.name))
        .map(
          (a) =>
            `${doc(a.field ? `The attribute of \`${a.field}\`. ${a.description}` : a.description, '  ')}  '${a.name}'?: ${
              a.field && fields.has(a.field) ? `${el.className}['${a.field}']` : 'string'
            };`,
        ),
      ...el.events.map(
        (e) =>
          `${doc(e.description, '  ')}  'on${e.name}'?: (event: GlobalEventHandlersEventMap['${e.name}']) => void;`,
      ),
      '}',
      '',
    );
  }
  lines.push(
    '/**',
    " * Every SDK tag and its JSX props. Extend your framework's intrinsic elements with it, for",
    ' * example `interface IntrinsicElements extends CustomElements {}`; for React, import',
    ' * `@all-together/components/react/jsx.js` instead, which does it for you.',
    ' */',
    'export interface CustomElements {',
    ...elements.map((el) => `${doc(el.summary, '  ')}  '${el.tag}': ${el.className}JsxProps;`),
    '}',
    '',
  );
  const react = [
    '// Generated by scripts/generate.mjs from custom-elements.json: the SDK tags in React 19 JSX.',
    "// Import it once for its types: import type {} from '@all-together/components/react/jsx.js';",
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    "import type { CustomElements } from '../jsx.js';",
    ...elements.map(
      (el) =>
        `import type { ${el.className} } from '${fromDist('dist/react/jsx.js', el.classModule)}';`,
    ),
    '',
    "/** React's own props for an element, with the SDK tag's props taking precedence. */",
    'type Tag<E extends HTMLElement, P> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & P;',
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    ...elements.map(
      (el) =>
        `${doc(el.summary, '      ')}      '${el.tag}': Tag<${el.className}, CustomElements['${el.tag}']>;`,
    ),
    '    }',
    '  }',
    '}',
    '',
  ];
  return { jsx: lines.join('\n'), react: react.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// The no-build modules.

/** Every registration entry of package.json `exports`, built: `{ tag, file }`. */
function registrationEntries() {
  return Object.entries(pkg.exports)
    .filter(([subpath, target]) => /^\.\/at-[a-z0-9-]+\.js$/.test(subpath) && target.default)
    .map(([subpath, target]) => ({ tag: subpath.slice(2, -3), file: join(root, target.default) }));
}

async function buildCdn(elements) {
  const outdir = join(root, 'cdn');
  rmSync(outdir, { recursive: true, force: true });
  const entries = registrationEntries();
  const tags = new Set(entries.map((e) => e.tag));
  for (const el of elements) {
    if (!tags.has(el.tag)) throw new Error(`<${el.tag}> has no ./${el.tag}.js export to bundle`);
  }
  // Rollup, not esbuild, splits this build: rollup keeps the modules' execution order across
  // chunks, and the order matters. zod must be switched to jitless before the model's schemas are
  // built (shared/zod-jitless.ts), or zod's `new Function` probe breaks a strict CSP; esbuild's
  // splitting ran a model chunk before the chunk holding that switch.
  const ALL = '\0at-all';
  const bundle = await rollup({
    input: { ...Object.fromEntries(entries.map((e) => [e.tag, e.file])), all: ALL },
    plugins: [
      {
        name: 'at-all',
        resolveId: (id) => (id === ALL ? ALL : null),
        load: (id) =>
          id === ALL ? entries.map((e) => `import ${JSON.stringify(e.file)};`).join('\n') : null,
      },
      nodeResolve({ browser: true }),
      {
        name: 'at-minify',
        async renderChunk(code) {
          const out = await transform(code, {
            minify: true,
            format: 'esm',
            target: 'es2022',
            legalComments: 'none',
          });
          return { code: out.code, map: null };
        },
      },
    ],
    onwarn(warning, warn) {
      // Known and harmless: circular imports, a module-level `this`, and zod's esbuild-only
      // `@__PURE__` comments that rollup cannot place.
      const known = ['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'];
      if (known.includes(warning.code)) return;
      warn(warning);
    },
  });
  const { output } = await bundle.write({
    dir: outdir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // zod and the switch to jitless in one chunk: every chunk that builds a schema imports it, so
    // the switch runs before any schema is built, whatever order rollup gives the other chunks.
    manualChunks: (id) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(id) || /[\\/]shared[\\/]zod-jitless\.js$/.test(id)
        ? 'zod'
        : undefined,
    banner: `/*! ${pkg.name} ${pkg.version} (MIT). Bundles third-party code: see LICENSES.txt. */`,
  });
  await bundle.close();
  // The licences of everything bundled, from each package's own LICENSE file.
  const packages = new Map();
  for (const chunk of output) {
    for (const id of chunk.type === 'chunk' ? chunk.moduleIds : []) {
      const path = id.split('\\').join('/');
      const at = path.lastIndexOf('node_modules/');
      if (at === -1) continue;
      const parts = path.slice(at + 'node_modules/'.length).split('/');
      const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
      if (!packages.has(name)) packages.set(name, `${path.slice(0, at)}node_modules/${name}`);
    }
  }
  const sections = [
    `The modules in this folder bundle ${pkg.name} (MIT, see ../LICENSE) with the packages below.`,
  ];
  for (const [name, dir] of [...packages].sort()) {
    if (name.startsWith('@all-together/')) continue; // ours: the same MIT licence
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licence = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']
      .map((f) => join(dir, f))
      .find((f) => existsSync(f));
    sections.push(
      `${'-'.repeat(78)}\n${name} ${meta.version} (${meta.license})\n\n` +
        (licence ? readFileSync(licence, 'utf8').trim() : `Licence: ${meta.license}`),
    );
  }
  writeFileSync(join(outdir, 'LICENSES.txt'), sections.join('\n\n') + '\n');
}

// ---------------------------------------------------------------------------------------------

const elements = elementsOf(manifest);
if (elements.length === 0) throw new Error('custom-elements.json registers no element');

mkdirSync(join(root, 'dist/react'), { recursive: true });
for (const el of elements) {
  const { js, dts } = reactWrapper(el);
  writeFileSync(join(root, `dist/react/${el.tag}.js`), js);
  writeFileSync(join(root, `dist/react/${el.tag}.d.ts`), dts);
}
const index = elements.map((el) => `export { ${el.className} } from './${el.tag}.js';`);
const indexTypes = elements.map(
  (el) => `export { ${el.className}, type ${el.className}Events } from './${el.tag}.js';`,
);
const banner =
  '// Generated by scripts/generate.mjs: every element for React (registers them all).';
writeFileSync(join(root, 'dist/react/index.js'), [banner, ...index, ''].join('\n'));
writeFileSync(join(root, 'dist/react/index.d.ts'), [banner, ...indexTypes, ''].join('\n'));

const { jsx, react } = jsxTypes(elements);
const typesOnly = '// Types only: see the .d.ts beside this file.\nexport {};\n';
writeFileSync(join(root, 'dist/jsx.d.ts'), jsx);
writeFileSync(join(root, 'dist/jsx.js'), typesOnly);
writeFileSync(join(root, 'dist/react/jsx.d.ts'), react);
writeFileSync(join(root, 'dist/react/jsx.js'), typesOnly);

// The editor tools read a manifest; give them a copy (they add to what they are given).
const quiet = { outdir: 'dist', hideLogs: true, descriptionSrc: 'summary' };
process.chdir(root);
generateVsCodeCustomElementData(structuredClone(manifest), {
  ...quiet,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
});
generateJetBrainsWebTypes(structuredClone(manifest), {
  ...quiet,
  webTypesFileName: 'web-types.json',
  packageJson: false,
});

await buildCdn(elements);
console.log(
  `generated React wrappers, JSX types, editor data and cdn/ for ${elements.map((e) => `<${e.tag}>`).join(', ')}`,
);
