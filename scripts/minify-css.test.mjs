// Run: node --test scripts/minify-css.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { minifyCss, minifyCssParts, minifyCssPlugin, minifyCssTemplates } from './minify-css.mjs';

/** The parts of a template literal's source (`a ${x} b` → ['a ', ' b']), as written. */
const partsOf = (source) => {
  const ast = parseAst(`css\`${source}\``);
  return ast.body[0].expression.quasi.quasis.map((q) => q.value.raw);
};
const min = (source) => minifyCss(partsOf(source));

describe('minifyCss', () => {
  const cases = [
    ['collapses whitespace and trims the ends', '\n  .a   .b\n\t.c {\n  }\n', ['.a .b .c{}']],
    [
      'drops spaces next to { } ; and after ,',
      ' a , b { color: red ; margin: 0 } c { } ',
      ['a ,b{color: red;margin: 0}c{}'],
    ],
    [
      'keeps spaces around : (descendant :hover), + - (calc), > and ~',
      '.a :hover { width: calc(100% - 2px + 1em) } .b > .c ~ .d { }',
      ['.a :hover{width: calc(100% - 2px + 1em)}.b > .c ~ .d{}'],
    ],
    [
      'removes comments, braces and quotes inside them too',
      '/* { "x" } ; */ a { /* } */ color: red; /* \' */ }',
      ['a{color: red;}'],
    ],
    [
      'a comment between two tokens still separates them',
      'a { margin: 1px/**/2px; } .a/* x */.b { }',
      ['a{margin: 1px/**/2px;}.a/**/.b{}'],
    ],
    [
      'leaves strings as written: spaces, braces, semicolons, comment-like text, escaped quotes',
      "a::before { content: \"  {  } ;  /* no */  \"; } b::after { content: 'it\\\\'s  ;  }' }",
      ["a::before{content: \"  {  } ;  /* no */  \";}b::after{content: 'it\\\\'s  ;  }'}"],
    ],
    [
      'leaves attribute selector values alone',
      '[data-x="b  c"] ,  [title=\'d  { e\']  { }',
      ['[data-x="b  c"] ,[title=\'d  { e\']{}'],
    ],
    [
      'keeps :host(...) and :host-context selectors intact',
      ':host( [hidden] )  {  display: none ; }\n:host(:focus-within) .x { }',
      [':host( [hidden] ){display: none;}:host(:focus-within) .x{}'],
    ],
    [
      'keeps escaped backticks and other JavaScript escapes whole',
      '.a::after { content: "\\`"; } .b \\` .c { }',
      ['.a::after{content: "\\`";}.b \\` .c{}'],
    ],
    [
      'a string written with JavaScript-escaped quotes is still a string',
      "a { content: \\'x  y\\'; }",
      ["a{content: \\'x  y\\';}"],
    ],
    [
      'keeps a CSS escape and the space that ends it',
      '.a\\\\31 23 { } .b\\\\{ { }',
      ['.a\\\\31 23{}.b\\\\{{}'],
    ],
    ['never makes ${ out of $ and {', '$ { } $/**/{ }', ['$ {}$/**/{}']],
    ['keeps a line continuation as written', 'a {\\\n  b: c; $\\\n{ }', ['a{\\\nb: c;$\\\n{}']],
    [
      'keeps a space beside an interpolation, drops what is safe to drop anywhere',
      ':host { color: ${x} ; }  .a ${y} .b , ${z} {  }  ${w}  ',
      [':host{color: ', ';}.a ', ' .b ,', '{}', ''],
    ],
    [
      'an interpolation mid-rule, mid-value and mid-string',
      'a { margin: ${m}px  ${n}px; content: "${c}  x"; }',
      ['a{margin: ', 'px ', 'px;content: "', '  x";}'],
    ],
    ['an empty template', '', ['']],
  ];
  for (const [name, source, expected] of cases) {
    test(name, () => assert.deepEqual(min(source), expected));
  }

  test('a comment that runs into an interpolation is kept whole', () => {
    assert.deepEqual(min('a { /* ${x} */ color: red; }'), ['a{/* ', ' */ color: red;}']);
  });

  test('every output character comes from the same character of its part (or is a space)', () => {
    const parts = partsOf('\n  /* c */ .a   {\n  color:  red ;\n}\n  .b { margin: ${x}  }');
    const { parts: out, origins } = minifyCssParts(parts);
    out.forEach((text, p) => {
      assert.equal(origins[p].length, text.length);
      [...text].forEach((ch, k) => {
        const from = parts[p][origins[p][k]];
        assert.ok(ch === from || (ch === ' ' && /\s/.test(from)), `${p}:${k} ${ch} from ${from}`);
      });
    });
  });

  test('is idempotent on its own output', () => {
    const once = min('  .a  { b : c ;  }  /* x */ .d , .e { content: " f " }  ');
    assert.deepEqual(minifyCss(once), once);
  });
});

/** Decodes source map mappings into [generatedLine, generatedColumn, line, column] tuples. */
function decode(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = [];
  const state = [0, 0, 0, 0];
  mappings.split(';').forEach((line, gl) => {
    state[0] = 0;
    if (!line) return;
    for (const seg of line.split(',')) {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      state[0] += values[0];
      if (values.length >= 4) {
        state[1] += values[1];
        state[2] += values[2];
        state[3] += values[3];
        out.push([gl, state[0], state[2], state[3]]);
      }
    }
  });
  return out;
}

/** Where `needle` sits (line, column) in `text`. */
const where = (text, needle) => {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at).split('\n');
  return [before.length - 1, before[before.length - 1].length];
};

/** The original [line, column] that the map gives for a generated position (the segment at or before it). */
const trace = (map, [line, column]) => {
  const seg = decode(map.mappings)
    .filter(([gl, gc]) => gl === line && gc <= column)
    .pop();
  assert.ok(seg, `no mapping for ${line}:${column}`);
  return [seg[2], seg[3]];
};

const SOURCE = [
  "import { css } from 'lit';",
  'const notCss = `a   {  b  }`; // not a css template: untouched',
  "const re = /css`  x  `/; const s = 'css`  y  `';",
  'export const styles = css`',
  '  :host {',
  '    display: block;',
  '  }',
  '  .a ${notCss} {',
  '    color: red;',
  '  }',
  '`;',
  'export function after() {',
  '  return MARKER;',
  '}',
  '',
].join('\n');

describe('minifyCssTemplates', () => {
  test('minifies css`` templates only, and maps code after them to where it was', () => {
    const result = minifyCssTemplates(SOURCE, parseAst(SOURCE), 'x.js');
    assert.ok(result);
    assert.ok(result.code.includes('css`:host{display: block;}.a ${notCss}{color: red;}`'));
    assert.ok(result.code.includes('const notCss = `a   {  b  }`;'));
    assert.ok(result.code.includes("/css`  x  `/; const s = 'css`  y  `';"));
    assert.deepEqual(trace(result.map, where(result.code, 'MARKER')), where(SOURCE, 'MARKER'));
    assert.deepEqual(trace(result.map, where(result.code, 'color')), where(SOURCE, 'color'));
    assert.deepEqual(trace(result.map, where(result.code, 'notCss}')), where(SOURCE, 'notCss}'));
  });

  test('returns null when there is nothing to change', () => {
    const code = "import { css } from 'lit'; export const s = css`a{b: c}`;";
    assert.equal(minifyCssTemplates(code, parseAst(code), 'x.js'), null);
  });
});

describe('minifyCssPlugin in a rollup build', () => {
  async function build(include) {
    const bundle = await rollup({
      input: 'entry.js',
      external: ['lit'],
      plugins: [
        {
          name: 'virtual',
          resolveId: (id) => (id === 'entry.js' ? id : null),
          load: (id) => (id === 'entry.js' ? SOURCE : null),
        },
        minifyCssPlugin({ include }),
      ],
    });
    const { output } = await bundle.generate({ format: 'es', sourcemap: true });
    await bundle.close();
    return output[0];
  }

  test('the chunk has the minified CSS and its source map still points into the source', async () => {
    const chunk = await build((id) => id === 'entry.js');
    assert.ok(chunk.code.includes(':host{display: block;}'), chunk.code);
    const map = chunk.map;
    assert.deepEqual(map.sources, ['entry.js']);
    assert.deepEqual(trace(map, where(chunk.code, 'MARKER')), where(SOURCE, 'MARKER'));
    assert.deepEqual(trace(map, where(chunk.code, 'after')), where(SOURCE, 'after'));
  });

  test('modules it does not include are left alone', async () => {
    const chunk = await build(() => false);
    assert.ok(chunk.code.includes('  :host {\n    display: block;'), chunk.code);
  });
});
