// Proves the lint rules the docs rely on (reliability.md W2, style.md "no-only-tests, no any") by
// linting fixtures through the real eslint.config.js. Run: node --test scripts/lint-rules.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'scripts', 'fixtures', 'lint');

// ignore: false, because the config ignores the fixtures folder for `eslint .`.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: join(root, 'eslint.config.js'),
  ignore: false,
});

/** Lints a fixture (or inline code) as if it were the file at `filePath` in the repo. */
async function lint(code, filePath = 'packages/components/src/fixture.ts') {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages;
}

const fixture = (name) => readFileSync(join(fixtures, name), 'utf8');

const describeMessages = (messages) =>
  messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n') || '(none)';

describe('W2 banned sinks', () => {
  const sinks = [
    { sink: 'unsafeHTML', file: 'w2-unsafe-html.ts', rules: ['no-restricted-imports'] },
    { sink: 'unsafeSVG', file: 'w2-unsafe-svg.ts', rules: ['no-restricted-imports'] },
    { sink: 'unsafeStatic', file: 'w2-unsafe-static.ts', rules: ['no-restricted-imports'] },
    { sink: '.innerHTML =', file: 'w2-inner-html.ts', rules: [] },
    { sink: '.outerHTML =', file: 'w2-outer-html.ts', rules: [] },
    { sink: 'insertAdjacentHTML', file: 'w2-insert-adjacent-html.ts', rules: [] },
    { sink: 'eval', file: 'w2-eval.ts', rules: [] },
    { sink: 'new Function', file: 'w2-new-function.ts', rules: [] },
    { sink: 'styleMap', file: 'w2-style-map.ts', rules: ['no-restricted-imports'] },
    { sink: 'style= in templates', file: 'w2-style-attribute.ts', rules: [] },
  ];

  for (const { sink, file, rules } of sinks) {
    test(`W2 bans ${sink}`, async () => {
      const messages = await lint(fixture(file));
      const shown = describeMessages(messages);
      assert.ok(messages.length > 0, `${file}: expected a W2 error, got none`);
      // Every report is a W2 error: the fixture fails for the sink, not for something incidental.
      for (const m of messages) {
        assert.equal(m.severity, 2, `${file}: not an error:\n${shown}`);
        assert.match(m.message, /W2/, `${file}: a report that is not W2:\n${shown}`);
      }
      // The syntax rule catches every use; imports are also banned at the import line.
      const found = new Set(messages.map((m) => m.ruleId));
      for (const rule of ['no-restricted-syntax', ...rules]) {
        assert.ok(found.has(rule), `${file}: expected ${rule} to report:\n${shown}`);
      }
    });
  }

  test('W2 messages say why (styleMap points at the CSP-safe alternatives)', async () => {
    const messages = await lint(fixture('w2-style-map.ts'));
    assert.ok(
      messages.some((m) => m.message.startsWith('W2/fact 1: styleMap breaks a strict CSP')),
      describeMessages(messages),
    );
    assert.ok(messages.every((m) => /classes or el\.style\.setProperty\(\)/.test(m.message)));
  });

  test('W2 style= rule ignores property bindings and other attributes ending in "style"', async () => {
    const code =
      "import { html } from 'lit';\n" +
      'export const t = (s: string) => html`<p .style=${s} data-style=${s}>x</p>`;\n';
    assert.deepEqual(await lint(code), []);
  });

  test('W2 applies outside packages/components too', async () => {
    const messages = await lint(fixture('w2-eval.ts'), 'packages/scoring/src/fixture.ts');
    assert.ok(
      messages.some((m) => m.ruleId === 'no-restricted-syntax'),
      describeMessages(messages),
    );
  });
});

describe('tests and types', () => {
  for (const [file, focus] of [
    ['focused-it.test.ts', 'it.only'],
    ['focused-describe.test.ts', 'describe.only'],
  ]) {
    for (const dir of ['packages/model/src', 'packages/components/src']) {
      test(`${focus}( is reported in a *.test.ts file under ${dir}`, async () => {
        const messages = await lint(fixture(file), `${dir}/${file}`);
        assert.deepEqual(
          messages.map((m) => [m.ruleId, m.severity]),
          [['no-only-tests/no-only-tests', 2]],
          describeMessages(messages),
        );
      });
    }
  }

  test('node:test { only: true } is reported in a *.test.ts file', async () => {
    const code = "import { test } from 'node:test';\ntest('a', { only: true }, () => {});\n";
    const messages = await lint(code, 'packages/model/src/fixture.test.ts');
    assert.deepEqual(
      messages.map((m) => m.ruleId),
      ['no-restricted-syntax'],
      describeMessages(messages),
    );
  });

  test('any is reported', async () => {
    const messages = await lint(fixture('explicit-any.ts'), 'packages/model/src/fixture.ts');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity]),
      [['@typescript-eslint/no-explicit-any', 2]],
      describeMessages(messages),
    );
  });

  test('unused variables are errors unless their name starts with _', async () => {
    const code =
      'export function f(_unused: number, used: number) {\n  const dead = 1;\n  return used;\n}\n';
    const messages = await lint(code, 'packages/model/src/fixture.ts');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity, m.line]),
      [['@typescript-eslint/no-unused-vars', 2, 2]],
      describeMessages(messages),
    );
  });
});

describe('clean code passes', () => {
  test('a small Lit element produces no reports at all', async () => {
    const messages = await lint(fixture('clean-element.ts'));
    assert.deepEqual(messages, [], describeMessages(messages));
  });

  test('eslint-plugin-lit is active on components (the clean result is not an empty config)', async () => {
    // binding-positions: a binding as a tag name is invalid Lit and must be reported.
    const code =
      "import { html } from 'lit';\nexport const t = (tag: string) => html`<${tag}></${tag}>`;\n";
    const messages = await lint(code);
    assert.ok(
      messages.some((m) => m.ruleId === 'lit/binding-positions'),
      describeMessages(messages),
    );
  });
});

describe('ignores', () => {
  const linted = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
  // Only .js/.ts paths: ESLint also calls a file "ignored" when no config matches its extension.
  for (const path of [
    'scripts/fixtures/lint/w2-eval.ts',
    'packages/components/dist/index.js',
    'packages/model/node_modules/zod/index.js',
    'packages/model/test-results/reporter.js',
    'packages/model/coverage/lcov-report/sorter.js',
    'apps/storybook/storybook-static/main.js',
    'packages/model/.turbo/cache.js',
  ]) {
    test(`${path} is ignored by \`eslint .\``, async () => {
      assert.equal(await linted.isPathIgnored(join(root, path)), true);
    });
  }

  test('package sources are linted', async () => {
    assert.equal(await linted.isPathIgnored(join(root, 'packages/model/src/ids.ts')), false);
  });
});

describe('zod imports in the published packages', () => {
  test("`import { z } from 'zod'` is reported: it pulls every zod locale into esbuild bundles", async () => {
    for (const dir of [
      'packages/model/src',
      'packages/components/src',
      'packages/questionnaires/src',
    ]) {
      const code = "import { z } from 'zod';\nexport const S = z.string();\n";
      const messages = await lint(code, `${dir}/fixture.ts`);
      assert.deepEqual(
        messages.map((m) => m.ruleId),
        ['no-restricted-syntax'],
        describeMessages(messages),
      );
      assert.match(messages[0].message, /import \* as z from 'zod'/);
    }
  });

  test("`import * as z from 'zod'` and named imports such as `{ config }` pass", async () => {
    const code =
      "import * as z from 'zod';\nimport { config } from 'zod';\nimport type { z as Z } from 'zod';\n" +
      'config({ jitless: true });\nexport const S: Z.ZodString = z.string();\n';
    const messages = await lint(code, 'packages/components/src/fixture.ts');
    assert.deepEqual(messages, [], describeMessages(messages));
  });

  test('the W2 syntax bans still apply in the packages (the zod rule does not replace them)', async () => {
    const messages = await lint(fixture('w2-eval.ts'), 'packages/model/src/fixture.ts');
    assert.ok(
      messages.some((m) => /W2/.test(m.message)),
      describeMessages(messages),
    );
  });
});
