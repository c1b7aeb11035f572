// Issue 18.6: information for parents and carers, as versioned content.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentText, getDocument, listDocuments } from './index.js';

const en = (t: Record<string, string> | undefined) => t?.['en-GB'] ?? '';

describe('parent information (issue 18.6)', () => {
  it('is shipped as a versioned document for parents and carers', () => {
    assert.deepEqual(
      listDocuments().map((d) => d.id),
      ['parent-information'],
    );
    assert.equal(getDocument('parent-information').audience, 'parent-carer');
  });

  it('covers what bullying is and is not, signs, reporting, what the school does, SEND, online and help', () => {
    const doc = getDocument('parent-information');
    assert.deepEqual(
      doc.sections.map((s) => s.id),
      [
        'what-bullying-is',
        'signs',
        'if-your-child-is-bullied',
        'how-to-report',
        'what-the-school-will-do',
        'online',
        'if-your-child-bullies',
        'send',
        'help',
      ],
    );
    const all = JSON.stringify(doc);
    assert.match(all, /0808 808 3555/);
    assert.match(all, /SENDIASS/);
    assert.match(all, /0800 1111/);
  });

  it('puts the school’s own contact in, or a default true for any school', () => {
    const info = getDocument('parent-information');
    const report = info.sections.find((s) => s.id === 'how-to-report')!.paragraphs[0]!;
    assert.match(documentText(info, 'en-GB')(report), /^Tell your child's class teacher/);
    assert.match(
      documentText(info, 'en-GB', { reportContact: 'Ms Patel, our anti-bullying lead' })(report),
      /^Tell Ms Patel, our anti-bullying lead\./,
    );
  });

  it('says a one-off falling-out is not bullying (the programme’s definition)', () => {
    const s = getDocument('parent-information').sections[0]!;
    assert.match(s.paragraphs.map(en).join(' '), /not bullying/);
  });
});
