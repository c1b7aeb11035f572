import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as stories from './questionnaire.stories.js';
import type { AtQuestionnaire } from './questionnaire.js';
import { $, heading, screen, text } from './test-helpers/drive.js';

interface Story {
  args: Record<string, unknown>;
  render?: (args: never) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const meta = stories.default as { render: (args: never) => TemplateResult };
const all = Object.entries(stories).filter(([name]) => name !== 'default') as [string, Story][];

/** What each story must show, so a story that silently renders the wrong state fails. */
const expected: Record<string, string> = {
  StartPage: 'start',
  MidWay: 'question',
  ErrorsShown: 'question',
  CheckAnswers: 'check',
  Confirmation: 'done',
  Ks1FacesWithReadAloud: 'question',
  Secondary: 'question',
  SectionPerPage: 'question',
  InvalidDefinition: 'other',
  RightToLeft: 'question',
};

describe('<at-questionnaire> stories', function () {
  this.timeout(30_000);

  it('A11 every story renders its state with no axe violations', async () => {
    expect(all.map(([name]) => name).sort()).to.deep.equal(Object.keys(expected).sort());
    const realError = console.error;
    console.error = () => undefined; // the invalid-definition story logs on purpose
    try {
      for (const [name, story] of all) {
        const wrapper = await fixture<HTMLDivElement>(
          (story.render ?? meta.render)(story.args as never),
        );
        const el = (
          wrapper.matches('at-questionnaire') ? wrapper : wrapper.querySelector('at-questionnaire')
        ) as AtQuestionnaire;
        await el.updateComplete;
        const canvas = document.createElement('div');
        wrapper.replaceWith(canvas);
        canvas.append(wrapper);
        await story.play?.({ canvasElement: canvas });
        expect(screen(el), name).to.equal(expected[name]);
        if (name === 'ErrorsShown')
          expect(text($(el, '.error-summary h2'))).to.equal('There is a problem');
        if (name === 'Ks1FacesWithReadAloud') expect($(el, '.faces') !== null).to.equal(true);
        if (name === 'Secondary') expect($(el, 'textarea') !== null).to.equal(true);
        if (name === 'InvalidDefinition')
          expect(text($(el, '[role="alert"]'))).to.include('cannot be shown');
        expect(heading(el).length > 0 || name === 'InvalidDefinition', name).to.equal(true);
        await expect(el, name).to.be.accessible();
      }
    } finally {
      console.error = realError;
    }
  });
});
