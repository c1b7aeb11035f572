// Every TypeScript and JavaScript block in the package READMEs is type-checked, and run unless the
// README says its examples need a browser (scripts/readme-blocks.mjs says how). Also: the READMEs
// speak to someone on npm: no rule ids without their meaning, no documents they cannot open.
// Run: node --test scripts/readme-blocks.test.mjs
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  checkOnly,
  extractBlocks,
  packageReadmes,
  root,
  runBlocks,
  typecheck,
  writeModules,
} from './readme-blocks.mjs';

describe('extractBlocks', () => {
  test('takes ts and js blocks, merges `continued` ones, leaves other languages', () => {
    const md = [
      '# x',
      '```ts',
      'const a = 1;',
      '```',
      'prose',
      '```ts continued',
      'console.log(a);',
      '```',
      '```sh',
      'pnpm build',
      '```',
      '```js',
      'export {};',
      '```',
    ].join('\n');
    assert.deepEqual(extractBlocks(md), [
      { line: 2, lang: 'ts', code: 'const a = 1;\nconsole.log(a);' },
      { line: 12, lang: 'js', code: 'export {};' },
    ]);
  });
});

const readmes = packageReadmes();
const cleanups = [];
after(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
});

test('finds the four package READMEs and their code blocks', () => {
  assert.equal(readmes.length, 4);
  for (const { name, readme } of readmes)
    assert.ok(extractBlocks(readme).length > 0, `${name}: no ts/js block`);
});

for (const { name, dir, readme } of readmes) {
  describe(`${name} README`, () => {
    const { dir: out, files } = writeModules(dir, readme);
    cleanups.push(out);

    test(`its ${files.length} code blocks type-check as written`, () => {
      assert.equal(typecheck(dir, out, files), '');
    });

    if (checkOnly(readme)) {
      test('says in words that its examples are type-checked, not run (they need a browser)', () => {
        assert.match(readme, /type-checked in CI/);
      });
      return;
    }
    let errors;
    for (const { file, block } of files) {
      test(`the example at line ${block.line} runs`, () => {
        errors ??= runBlocks(dir, out, files);
        assert.equal(errors.get(file), '');
      });
    }
  });
}

describe('READMEs speak to their reader', () => {
  const rules = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
  const RULES_URL = 'https://github.com/all-together-sdk/all-together/blob/main/docs/rules.md';

  for (const { name, readme } of readmes) {
    test(`${name}: names no document a consumer cannot open`, () => {
      for (const doc of ['reliability.md', 'domain.md', 'style.md', 'toolchain.md'])
        assert.ok(!readme.includes(doc), `mentions ${doc}`);
    });

    test(`${name}: every rule id it cites links to its explanation in docs/rules.md`, () => {
      const prose = readme.replace(/```[\s\S]*?```/g, '');
      const ids = [...new Set([...prose.matchAll(/\b([PDWSAT]\d{1,2})\b/g)].map((m) => m[1]))];
      for (const id of ids) {
        assert.match(
          rules,
          new RegExp(`^### ${id}\\b`, 'm'),
          `${id} is not explained in docs/rules.md`,
        );
        assert.ok(
          readme.includes(`${RULES_URL}#${id.toLowerCase()}`),
          `${id} is cited but never linked (${RULES_URL}#${id.toLowerCase()})`,
        );
      }
    });
  }

  test('the components README no longer says it holds one element', () => {
    const { readme } = readmes.find((r) => r.name === '@all-together/components');
    assert.doesNotMatch(readme, /contains one element/);
  });
});
