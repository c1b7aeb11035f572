import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '@all-together/model';
import { InformationDocument, getDocument } from './index.js';

const shipped = () => structuredClone(getDocument('parent-information')) as InformationDocument;
const problems = (value: unknown) => {
  const result = check(InformationDocument, value);
  return result.ok ? [] : result.problems.map((p) => `${p.at}: ${p.message}`);
};

describe('InformationDocument', () => {
  it('accepts the shipped parent information', () => {
    assert.deepEqual(problems(shipped()), []);
  });

  it('refuses a placeholder that is not a declared parameter, with its path', () => {
    const doc = shipped();
    doc.sections[1]!.paragraphs[0] = { 'en-GB': 'Ask {headteacher} for help.' };
    assert.deepEqual(problems(doc), [
      'sections.1.paragraphs.0.en-GB: "{headteacher}" is not a declared parameter.',
    ]);
  });

  it('W1: refuses a javascript: link and keeps markup as text', () => {
    const doc = shipped();
    doc.sections[0]!.links = [{ title: { 'en-GB': 'Click' }, url: 'javascript:alert(1)' }];
    assert.ok(problems(doc).some((p) => p.startsWith('sections.0.links.0.url')));
    const markup = shipped();
    markup.sections[0]!.paragraphs[0] = { 'en-GB': '<img src=x onerror=alert(1)>' };
    assert.deepEqual(problems(markup), []); // text, never markup: shown as typed
  });

  it('refuses a section id used twice, and a text missing a declared locale', () => {
    const doc = shipped();
    doc.sections[1]!.id = doc.sections[0]!.id;
    doc.locales = ['en-GB', 'cy-GB'];
    const found = problems(doc);
    assert.ok(
      found.some((p) => p.startsWith('sections.1.id')),
      found.join('\n'),
    );
    assert.ok(
      found.some((p) => p.includes('cy-GB')),
      found.join('\n'),
    );
  });
});
