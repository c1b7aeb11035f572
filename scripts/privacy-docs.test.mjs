// The privacy paperwork (docs/privacy, reliability.md P12) says true things in words its readers
// follow: the notices for pupils in Reception to Year 6 keep to short sentences (A10: at most 12
// words), and nothing calls linked mode (codes from school records) "anonymous" (P1).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../docs/privacy/', import.meta.url);
const read = (name) => readFileSync(new URL(name, dir), 'utf8');

/** The text a pupil hears: no headings, no italic instructions for the adult, no markup. */
const spoken = (md) =>
  md
    .split('\n')
    .filter((l) => !l.startsWith('#') && !/^_.*_$/.test(l.trim()))
    .join('\n')
    .replace(/\*\*/g, '');

/** Sentences (a colon ends a lead-in too), each as its words. */
const sentences = (text) =>
  text
    .split(/(?<=[.!?:])\s+|\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)));

describe('privacy paperwork (P12)', () => {
  it('ships a DPIA template and notices for each key stage and for parents', () => {
    const files = readdirSync(dir);
    for (const f of [
      'dpia-template.md',
      'notice-pupils-ks1.md',
      'notice-pupils-ks2.md',
      'notice-pupils-secondary.md',
      'notice-parents.md',
    ])
      assert.ok(files.includes(f), f);
  });

  it('A10: the notices for pupils up to Year 6 keep every sentence to 12 words or fewer', () => {
    for (const f of ['notice-pupils-ks1.md', 'notice-pupils-ks2.md']) {
      const long = sentences(spoken(read(f))).filter((w) => w.length > 12);
      assert.deepEqual(
        long.map((w) => w.join(' ')),
        [],
        `${f}: sentences longer than 12 words`,
      );
    }
  });

  it('P1: every document covers both modes, and nothing said of codes from records says "anonymous"', () => {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      const text = read(f);
      assert.match(text, /own code|school records|from records/i, `${f} covers linked mode`);
      // A table cell or a sentence is one thing said.
      for (const said of text.split(/\||(?<=[.!?:])\s+|\n\s*\n/))
        if (/own code|school records|from school records|class list|linked/i.test(said))
          assert.doesNotMatch(said, /anonymous/i, `${f}: ${said.trim().slice(0, 80)}`);
    }
  });
});
