// ESLint flat config for the whole monorepo. Packages run `eslint .` from their own folder; ESLint
// finds this file by looking up from each linted file, so every pattern below is relative to the
// repository root. The W2 rules (reliability.md) are proved by scripts/lint-rules.test.mjs.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test-d.ts',
  '**/*.test.js',
  '**/*.test.mjs',
  '**/*.spec.ts',
  '**/*.spec.js',
];
const CONFIG_FILES = ['**/*.config.{js,mjs,cjs,ts,mts}', '**/.storybook/**/*.{js,mjs,ts}'];

const UNUSED_VARS = [
  'error',
  {
    argsIgnorePattern: '^_',
    varsIgnorePattern: '^_',
    caughtErrorsIgnorePattern: '^_',
    destructuredArrayIgnorePattern: '^_',
  },
];

// W2: sinks that turn data into markup or code. Messages say why, so the fix is obvious from the
// lint output alone.
const MARKUP_WHY =
  'renders markup from data, and Lit passes plain strings through its own Trusted Types policy, ' +
  'so enforcing Trusted Types would not catch it (fact 2, lit#5320). Render text, or the ' +
  'allow-listed rich-text tree (W1).';
const STYLE_MAP_WHY =
  'W2/fact 1: styleMap breaks a strict CSP (it writes a style attribute, which style-src ' +
  "'self' blocks); use classes or el.style.setProperty().";
const STYLE_ATTR_WHY =
  'W2/fact 1: a style= attribute in a template breaks a strict CSP (style-src blocks it and it ' +
  'can never carry a nonce); use classes or el.style.setProperty().';
const EVAL_WHY =
  "runs a string as code: an injection sink, and blocked by the strict CSP (no 'unsafe-eval', W3).";

const unsafeDirective = (name) => ({
  message: `W2: ${name} ${MARKUP_WHY}`,
  importNames: [name],
});

const W2_IMPORTS = [
  { name: 'lit/directives/unsafe-html.js', ...unsafeDirective('unsafeHTML') },
  { name: 'lit-html/directives/unsafe-html.js', ...unsafeDirective('unsafeHTML') },
  { name: 'lit/directives/unsafe-svg.js', ...unsafeDirective('unsafeSVG') },
  { name: 'lit-html/directives/unsafe-svg.js', ...unsafeDirective('unsafeSVG') },
  { name: 'lit/static-html.js', ...unsafeDirective('unsafeStatic') },
  { name: 'lit-html/static.js', ...unsafeDirective('unsafeStatic') },
  { name: 'lit/directives/style-map.js', importNames: ['styleMap'], message: STYLE_MAP_WHY },
  { name: 'lit-html/directives/style-map.js', importNames: ['styleMap'], message: STYLE_MAP_WHY },
];

// Identifiers are banned as well as imports, so re-exports, namespace access (`d.unsafeHTML`) and
// dynamic imports are caught too.
const W2_SYNTAX = [
  ...['unsafeHTML', 'unsafeSVG', 'unsafeStatic'].map((name) => ({
    selector: `Identifier[name='${name}']:not(ImportSpecifier > Identifier.local)`,
    message: `W2: ${name} ${MARKUP_WHY}`,
  })),
  {
    selector:
      'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/], AssignmentExpression > MemberExpression.left[property.value=/^(innerHTML|outerHTML)$/]',
    message:
      'W2: assigning .innerHTML/.outerHTML renders markup from data. Set textContent, or render a Lit template.',
  },
  {
    selector:
      "MemberExpression[property.name='insertAdjacentHTML'], MemberExpression[property.value='insertAdjacentHTML']",
    message:
      'W2: insertAdjacentHTML renders markup from data. Use insertAdjacentText, or build nodes with the DOM API.',
  },
  { selector: "Identifier[name='eval']", message: `W2: eval ${EVAL_WHY}` },
  {
    selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='Function']",
    message: `W2: new Function ${EVAL_WHY}`,
  },
  {
    selector: "Identifier[name='styleMap']:not(ImportSpecifier > Identifier.local)",
    message: STYLE_MAP_WHY,
  },
  {
    // Only the literal parts of the template are searched: `style=` written in the markup,
    // whether its value is static or a binding. Property bindings (`.style=`) are not matched.
    selector:
      'TaggedTemplateExpression[tag.name=/^(html|svg)$/] > TemplateLiteral.quasi > TemplateElement[value.raw=/\\sstyle\\s*=/i]',
    message: STYLE_ATTR_WHY,
  },
];

// zod's `z` export is one namespace object holding all of zod, locales included; esbuild cannot
// tree-shake it, so `import { z }` put every translated error message into each element's bundle.
const ZOD_NAMESPACE = {
  // Type-only imports (`import type { z }`) put nothing in a bundle and stay allowed.
  selector:
    "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
  message:
    "Write `import * as z from 'zod'`: the named `z` export is one object holding all of zod " +
    '(every locale too), which bundlers such as esbuild cannot tree-shake.',
};

// node:test's `{ only: true }` option focuses a test the same way `it.only` does.
const ONLY_OPTION = {
  selector:
    "CallExpression > ObjectExpression.arguments > Property[key.name='only'][value.value=true]",
  message: 'Focused test ({ only: true }) would skip the rest of the suite in CI; remove it.',
};

export default [
  {
    ignores: [
      '**/dist/',
      // The components' precompiled no-build modules (minified bundles, built by scripts/generate.mjs).
      'packages/components/cdn/',
      // README code blocks written out by scripts/readme-blocks.mjs while they are checked.
      '**/.readme-blocks/',
      '**/node_modules/',
      '**/.turbo/',
      '**/test-results/',
      '**/storybook-static/',
      '**/custom-elements.json',
      '**/coverage/',
      // Lint fixtures contain the banned sinks on purpose; only scripts/lint-rules.test.mjs lints them.
      'scripts/fixtures/lint/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),
  {
    files: TS_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': UNUSED_VARS,
    },
  },
  {
    files: JS_FILES,
    rules: { 'no-unused-vars': UNUSED_VARS },
  },
  {
    files: ['packages/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [...JS_FILES, ...CONFIG_FILES],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      'no-implied-eval': 'error',
      'no-restricted-imports': ['error', { paths: W2_IMPORTS }],
      'no-restricted-syntax': ['error', ...W2_SYNTAX],
    },
  },
  {
    // Published code only: the demo's server may import zod as it likes. Restating the W2 list: a
    // later no-restricted-syntax entry replaces, not extends, the options (test files, below, go
    // back to the W2 list: they are never bundled for users).
    files: ['packages/**'],
    rules: { 'no-restricted-syntax': ['error', ...W2_SYNTAX, ZOD_NAMESPACE] },
  },
  {
    files: TEST_FILES,
    plugins: { 'no-only-tests': noOnlyTests },
    rules: {
      'no-only-tests/no-only-tests': [
        'error',
        { block: ['describe', 'it', 'test', 'suite', 'context'], focus: ['only'] },
      ],
      // Restating the W2 list: a later no-restricted-syntax entry replaces, not extends, the options.
      'no-restricted-syntax': ['error', ...W2_SYNTAX, ONLY_OPTION],
    },
  },
];
