// Minifies the CSS of lit's css`…` tagged templates at library build time, safely: comments out,
// whitespace collapsed, spaces next to `{ } ;` and after `,` dropped. Nothing else is rewritten:
// spaces around `:` (`.a :hover` is not `.a:hover`), `+ -` (calc) and `> ~` stay, so do strings,
// escapes and every `${…}` expression. The scan is a small CSS tokenizer over the template's raw
// static parts; the templates are found with rollup's parser, so strings, comments, regular
// expressions and other templates in the JavaScript around them are never mistaken for CSS.

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f']);
/** A space next to these (before or after) is dropped. */
const CLOSE_BOTH = new Set(['{', '}', ';']);
/** A space after these is dropped too. */
const CLOSE_AFTER = new Set(['{', '}', ';', ',']);
/** Characters that end a CSS token on their own: a comment beside one can go without a trace. */
const SEPARATORS = new Set([
  '{',
  '}',
  '(',
  ')',
  ';',
  ',',
  ':',
  '[',
  ']',
  '>',
  '~',
  '=',
  '"',
  "'",
  '!',
]);
const HEX = /[0-9a-fA-F]/;

/** What was emitted last: a character, the template's start, or a `${…}` (unknown content). */
const START = Symbol('start');
const EXPRESSION = Symbol('expression');

const SIMPLE_ESCAPES = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', b: '\b', 0: '\0' };

/**
 * A raw static part as units: each is one character as written, or one JavaScript escape
 * (`\``, `\\`, `\n`, `\u{…}`…), with the character it stands for in the CSS (`cooked`; '' for a
 * line continuation). The CSS is read through `cooked`, the output is written from `raw`, so an
 * escape is never split, and raw `\\` (one backslash in the CSS) starts a CSS escape.
 *
 * @param {string} part
 * @returns {{ raw: string, cooked: string, start: number }[]}
 */
function units(part) {
  const out = [];
  let i = 0;
  while (i < part.length) {
    const c = part[i];
    if (c !== '\\' || i + 1 >= part.length) {
      out.push({ raw: c, cooked: c, start: i });
      i++;
      continue;
    }
    const d = part[i + 1];
    let len = 2;
    let cooked = SIMPLE_ESCAPES[d] ?? d;
    if (d === '\r' || d === '\n' || d === '\u2028' || d === '\u2029') {
      if (d === '\r' && part[i + 2] === '\n') len = 3;
      cooked = ''; // a line continuation
    } else if (d === 'x' && /^[0-9a-fA-F]{2}$/.test(part.slice(i + 2, i + 4))) {
      len = 4;
      cooked = String.fromCharCode(parseInt(part.slice(i + 2, i + 4), 16));
    } else if (d === 'u') {
      // \uXXXX or \u{X…}; anything else is an invalid escape, kept as its two characters.
      const m = /^(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})/.exec(part.slice(i + 2));
      const code = m ? parseInt(m[1] ?? m[2], 16) : NaN;
      if (m && code <= 0x10ffff) {
        len = 2 + m[0].length;
        cooked = String.fromCodePoint(code);
      }
    }
    out.push({ raw: part.slice(i, i + len), cooked, start: i });
    i += len;
  }
  return out;
}

/**
 * Minifies the static parts of one css`…` template, given as raw source text (what lies between
 * the backticks and the `${…}`s, escapes as written). Returns the parts minified, with, for each
 * output character, the index in its input part that it comes from (for source maps).
 *
 * @param {readonly string[]} parts
 * @returns {{ parts: string[], origins: number[][] }}
 */
export function minifyCssParts(parts) {
  const outParts = [];
  const outOrigins = [];
  let out = '';
  let origins = [];
  /** @type {string | symbol} The CSS character emitted last (or START, EXPRESSION). */
  let last = START;
  /** The raw character written last: a `$` must never meet a `{` (that would open a `${`). */
  let lastRaw = '';
  /** Where pending whitespace starts in the current part, or -1. */
  let pendingSpace = -1;
  let commentGap = false;
  /** The quote of the string being copied, or ''. */
  let quote = '';
  /** A comment that runs into a `${…}` is copied as written (removing it would remove code). */
  let keptComment = false;
  let keptStar = false;

  /** Appends `raw`: copied from `origin` onwards, or inserted (every character at `origin`). */
  const write = (raw, origin, copied = true) => {
    out += raw;
    for (let k = 0; k < raw.length; k++) origins.push(copied ? origin + k : origin);
    if (raw) lastRaw = raw[raw.length - 1];
  };
  /** Settles pending whitespace or a removed comment before `next` (a character or EXPRESSION). */
  const settle = (next, origin) => {
    const dollar = lastRaw === '$' && next === '{';
    if (pendingSpace >= 0) {
      const drop =
        last === START ||
        CLOSE_AFTER.has(last) ||
        (typeof next === 'string' && CLOSE_BOTH.has(next));
      if (!drop || dollar) write(' ', pendingSpace);
    } else if (commentGap && last !== START) {
      // A comment between two tokens separates them: `1px/**/2px` is not `1px2px`.
      if (dollar || (!separates(last) && !separates(next))) write('/**/', origin, false);
    }
    pendingSpace = -1;
    commentGap = false;
  };
  /** Writes one unit of CSS outside strings and comments. */
  const emit = (u) => {
    settle(u.cooked, u.start);
    write(u.raw, u.start);
    last = u.cooked;
  };

  parts.forEach((part, p) => {
    const us = units(part);
    const n = us.length;
    let i = 0;
    while (i < n) {
      const u = us[i];
      const c = u.cooked;
      if (quote) {
        // Copied as written, CSS escapes included, until the closing quote.
        write(u.raw, u.start);
        if (c === '\\' && i + 1 < n) write(us[++i].raw, us[i].start);
        else if (c === quote) quote = '';
        last = c;
        i++;
        continue;
      }
      if (keptComment) {
        write(u.raw, u.start);
        if (c === '/' && keptStar) keptComment = false;
        keptStar = c === '*';
        last = c;
        i++;
        continue;
      }
      if (c === '') {
        // A line continuation stands for nothing; kept as written, so it can never bring a `$`
        // and a `{` together.
        write(u.raw, u.start);
        i++;
        continue;
      }
      if (WHITESPACE.has(c)) {
        if (pendingSpace < 0) pendingSpace = u.start;
        i++;
        continue;
      }
      if (c === '/' && us[i + 1]?.cooked === '*') {
        let end = i + 2;
        while (end + 1 < n && !(us[end].cooked === '*' && us[end + 1].cooked === '/')) end++;
        if (end + 1 >= n) {
          // A comment that runs into a `${…}` (or never ends): kept as written.
          emit(u);
          write(us[i + 1].raw, us[i + 1].start);
          last = '*';
          keptComment = true;
          keptStar = false;
          i += 2;
          continue;
        }
        if (pendingSpace < 0) commentGap = true;
        i = end + 2;
        continue;
      }
      emit(u);
      i++;
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\') i = escaped(us, i, write);
    }
    if (p < parts.length - 1) {
      // A `${…}` follows: its content is unknown, so only the spaces that are safe anywhere go.
      settle(EXPRESSION, part.length);
      last = EXPRESSION;
      lastRaw = '';
      keptStar = false;
    } else {
      pendingSpace = -1; // trimmed at the end
      commentGap = false;
    }
    outParts.push(out);
    outOrigins.push(origins);
    out = '';
    origins = [];
  });
  return { parts: outParts, origins: outOrigins };
}

/** True when a removed comment beside `c` can leave nothing behind. */
function separates(c) {
  return typeof c === 'string' && (SEPARATORS.has(c) || WHITESPACE.has(c));
}

/**
 * After a CSS backslash (units[i - 1]), copies what it escapes as written and returns the index
 * after it: up to six hex digits and the one whitespace that ends them, or one character.
 */
function escaped(us, i, write) {
  const n = us.length;
  if (i < n && HEX.test(us[i].cooked)) {
    const start = i;
    while (i < n && i - start < 6 && HEX.test(us[i].cooked)) write(us[i].raw, us[i++].start);
    if (i < n && WHITESPACE.has(us[i].cooked)) {
      write(us[i].raw, us[i].start);
      i++;
      if (us[i - 1].cooked === '\r' && us[i]?.cooked === '\n') write(us[i].raw, us[i++].start);
    }
  } else if (i < n) {
    write(us[i].raw, us[i].start);
    i++;
  }
  return i;
}

/**
 * {@link minifyCssParts} without the origins.
 *
 * @param {readonly string[]} parts - The raw static parts of one css`…` template.
 * @returns {string[]}
 */
export function minifyCss(parts) {
  return minifyCssParts(parts).parts;
}

/** Every css`…` template in an ESTree program: the raw ranges of its static parts. */
function cssTemplates(ast) {
  const found = [];
  (function walk(node) {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (
      node.type === 'TaggedTemplateExpression' &&
      node.tag.type === 'Identifier' &&
      node.tag.name === 'css'
    ) {
      found.push(node.quasi.quasis.map((q) => ({ start: q.start, end: q.end })));
    }
    for (const key of Object.keys(node)) {
      if (key !== 'type' && key !== 'start' && key !== 'end') walk(node[key]);
    }
  })(ast);
  return found;
}

/**
 * Minifies every css`…` template of a JavaScript module. Returns the new code and a source map to
 * the old (one mapping per character, which rollup folds into its own), or `null` when nothing
 * changed.
 *
 * @param {string} code - The module's JavaScript.
 * @param {object} ast - Its ESTree program with `start`/`end` offsets (rollup's `this.parse`).
 * @param {string} file - The module's name, for the map.
 * @returns {{ code: string, map: { version: 3, sources: string[], names: string[], mappings: string } } | null}
 */
export function minifyCssTemplates(code, ast, file) {
  const edits = [];
  for (const quasis of cssTemplates(ast)) {
    const { parts, origins } = minifyCssParts(quasis.map((q) => code.slice(q.start, q.end)));
    quasis.forEach((q, k) => edits.push({ ...q, text: parts[k], origins: origins[k] }));
  }
  edits.sort((a, b) => a.start - b.start);
  if (edits.every((e) => e.text === code.slice(e.start, e.end))) return null;
  let result = '';
  /** For each character of the result, its offset in `code`. */
  const from = [];
  let at = 0;
  const copy = (end) => {
    result += code.slice(at, end);
    for (let k = at; k < end; k++) from.push(k);
  };
  for (const e of edits) {
    copy(e.start);
    result += e.text;
    for (const o of e.origins) from.push(e.start + o);
    at = e.end;
  }
  copy(code.length);
  return {
    code: result,
    map: { version: 3, sources: [file], names: [], mappings: mappings(result, from, code) },
  };
}

/** Source map mappings (VLQ) giving each character of `result` its place in `original`. */
function mappings(result, from, original) {
  const lineStarts = [0];
  for (let k = 0; k < original.length; k++) if (original[k] === '\n') lineStarts.push(k + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, offset - lineStarts[lo]];
  };
  const lines = [];
  let segments = [];
  let column = 0;
  let previousColumn = 0;
  let previousLine = 0;
  let previousSourceColumn = 0;
  for (let k = 0; k < result.length; k++) {
    if (result[k] === '\n') {
      lines.push(segments.join(','));
      segments = [];
      column = 0;
      previousColumn = 0;
      continue;
    }
    const [line, sourceColumn] = position(from[k]);
    segments.push(
      vlq(column - previousColumn) +
        vlq(0) +
        vlq(line - previousLine) +
        vlq(sourceColumn - previousSourceColumn),
    );
    previousColumn = column;
    previousLine = line;
    previousSourceColumn = sourceColumn;
    column++;
  }
  lines.push(segments.join(','));
  return lines.join(';');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += BASE64[digit];
  } while (v > 0);
  return s;
}

/**
 * A rollup plugin that minifies the CSS of css`…` templates in the modules `include` accepts. It
 * runs on JavaScript, so it goes after the TypeScript plugin.
 *
 * @param {{ include: (id: string) => boolean }} options
 * @returns {import('rollup').Plugin}
 */
export function minifyCssPlugin({ include }) {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      // TypeScript writes `css \`…\``: a space may sit between the tag and its template.
      if (!include(id) || !/\bcss\s*`/.test(code)) return null;
      return minifyCssTemplates(code, this.parse(code), id);
    },
  };
}
