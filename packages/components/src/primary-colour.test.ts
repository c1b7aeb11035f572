import { html } from 'lit';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { getQuestionnaire } from '@all-together/questionnaires';
import { memoryStorage } from './shared/storage.js';
import { audit, generateAuditResponse } from './test-helpers/audit-data.js';
import './questionnaire/at-questionnaire.js';
import './audit/at-audit.js';
import './action-plan/at-action-plan.js';

/**
 * One primary colour from the theme tokens (issue 16: the questionnaire's buttons were blue while
 * the audit's and the plan's were green): every element's primary button reads
 * `--at-color-primary`, so a host sets its brand once.
 */
describe('one primary colour', () => {
  it('the questionnaire, the audit and the action plan all draw primary buttons in --at-color-primary', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <at-questionnaire
          .definition=${getQuestionnaire('pupil-ks2')}
          school="900001"
          wave="baseline"
          .storage=${memoryStorage()}
        ></at-questionnaire>
        <at-audit .definition=${audit} school="900001" .storage=${memoryStorage()}></at-audit>
        <at-action-plan
          .definition=${audit}
          .baseline=${generateAuditResponse(audit, { seed: 31, wave: 'baseline' })}
          school="900001"
          today="2027-03-15"
          .storage=${memoryStorage()}
        ></at-action-plan>
      </div>`,
    );
    wrapper.style.setProperty('--at-color-primary', 'rgb(1, 2, 3)');
    const primary = (tag: string, selector: string) =>
      wrapper.querySelector(tag)!.shadowRoot!.querySelector<HTMLElement>(selector);
    await waitUntil(
      () =>
        primary('at-questionnaire', 'button.button') &&
        primary('at-audit', 'button.button') &&
        primary('at-action-plan', 'button.button'),
      'every element rendered a primary button',
    );
    for (const tag of ['at-questionnaire', 'at-audit', 'at-action-plan']) {
      expect(getComputedStyle(primary(tag, 'button.button')!).backgroundColor, tag).to.equal(
        'rgb(1, 2, 3)',
      );
    }
  });
});
