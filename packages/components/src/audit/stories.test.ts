// Every story of <at-audit> and <at-action-plan> renders, runs its play function, and passes axe
// (A11), as GOV.UK loops over every example. Stories are built from package data only.
import { render, type TemplateResult } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import * as auditStories from './audit.stories.js';
import * as planStories from '../action-plan/action-plan.stories.js';

interface Story {
  render: () => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const suites = [
  { tag: 'at-audit', stories: auditStories as Record<string, unknown> },
  { tag: 'at-action-plan', stories: planStories as Record<string, unknown> },
];

describe('stories', () => {
  for (const { tag, stories } of suites) {
    for (const [name, story] of Object.entries(stories)) {
      if (name === 'default') continue;
      it(`A11 ${tag} story ${name} renders with no axe violations`, async () => {
        const { render: template, play } = story as Story;
        const canvas = await fixture<HTMLDivElement>(html`<div></div>`);
        // Invalid stories log the exact problem by design; keep it out of the test log.
        const logged: string[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
        let el: Element;
        try {
          render(template(), canvas);
          el = canvas.querySelector(tag)!;
          await waitUntil(() => el.shadowRoot?.querySelector('h2, .problem'), `${name} rendered`);
        } finally {
          console.error = original;
        }
        expect(logged.length > 0, 'logs only when invalid').to.equal(name.startsWith('Invalid'));
        const shown = () => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
        if (name === 'Gaps360') expect(shown()).to.contain('rate this lower than you did');
        if (name === 'OverdueAndAward') expect(shown()).to.contain('days overdue');
        if (play) {
          await play({ canvasElement: canvas });
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        }
        if (name === 'EvidenceError') expect(shown()).to.contain('There is a problem');
        expect(shown().trim().length).to.be.greaterThan(0);
        await expect(canvas).to.be.accessible();
      });
    }
  }
});
