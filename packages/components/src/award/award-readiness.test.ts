import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import type { AwardRecommendation } from '@all-together/model';
import { recommendAward, scoreAudit } from '@all-together/scoring';
import { registerTranslation } from '../shared/i18n.js';
import {
  audit,
  generateAuditResponse,
  generatePlan,
  generatePupilInputs,
} from '../test-helpers/audit-data.js';
import { AtAwardReadiness } from './award-readiness.js';
import './at-award-readiness.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const recommendation: AwardRecommendation = recommendAward({
  baselineAudit: scoreAudit(audit, baseline),
  endAudit: scoreAudit(audit, end),
  plan: generatePlan(audit, baseline, { seed: 6, today: TODAY }),
  evidencePerArea: { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 },
  ...generatePupilInputs(41),
});

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: AtAwardReadiness) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=criterion]'),
];

async function make(r: unknown, level = 2): Promise<AtAwardReadiness> {
  const el = await fixture<AtAwardReadiness>(
    html`<at-award-readiness .recommendation=${r} heading-level=${level}></at-award-readiness>`,
  );
  await el.updateComplete;
  return el;
}

describe('<at-award-readiness>', () => {
  it('A11 has no axe violations', async () => {
    await expect(await make(recommendation)).to.be.accessible();
  });

  it('is registered, and renders every criterion of the recommendation, Met or Not met in words', async () => {
    expect(customElements.get('at-award-readiness') === AtAwardReadiness).to.equal(true);
    const el = await make(recommendation);
    expect(rows(el).length).to.equal(recommendation.criteria.length);
    rows(el).forEach((row, i) => {
      const c = recommendation.criteria[i]!;
      expect(text(row.querySelector('.tag'))).to.equal(c.met ? 'Met' : 'Not met');
      expect(text(row.querySelector('th')), c.id).to.not.equal('Another criterion');
      expect(text(row.querySelector('td:last-child')), c.id).to.not.match(/[{}]|^$/);
    });
    expect(el.shadowRoot!.querySelector('h2')).to.not.equal(null);
  });

  it('names and reasons come from the message keys and the criterion list, never from ids', async () => {
    const renamed = {
      ...recommendation,
      criteria: recommendation.criteria.map((c, i) => ({ ...c, id: `criterion-${i}` })),
    };
    const a = (await make(recommendation)).shadowRoot!;
    const b = (await make(renamed)).shadowRoot!;
    const words = (root: ShadowRoot) =>
      [...root.querySelectorAll('[part~=criterion]')].map((r) =>
        [...r.querySelectorAll('th, td')].map(text).join(' | '),
      );
    expect(words(b)).to.deep.equal(words(a));
    // The same key family with another wave names the other criterion.
    const end = recommendation.criteria.find((c) => c.message?.params['wave'] === 'end')!;
    expect(
      text(
        b.querySelector(`[data-criterion="criterion-${recommendation.criteria.indexOf(end)}"] th`),
      ),
    ).to.match(/^End/);
  });

  it('a key this version does not know shows the English reason; a translated language is used', async () => {
    registerTranslation('cy', { awardMet: 'Wedi’i gyflawni' });
    const odd: AwardRecommendation = {
      ...recommendation,
      criteria: [
        {
          ...recommendation.criteria[0]!,
          message: { key: 'somethingNew', params: {} },
          reason: 'A new rule, in English.',
        },
      ],
    };
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy"><at-award-readiness .recommendation=${odd}></at-award-readiness></div>`,
    );
    const el = wrapper.querySelector('at-award-readiness')!;
    await el.updateComplete;
    const row = rows(el)[0]!;
    expect(text(row.querySelector('th'))).to.equal('Another criterion');
    expect(text(row.querySelector('td:last-child'))).to.equal('A new rule, in English.');
    expect(text(row.querySelector('.tag'))).to.match(/^(Wedi’i gyflawni|Not met)$/);
  });

  it('an invalid recommendation: a kind message, the exact path on the console, no criteria', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      const el = await make({ ...recommendation, level: 'platinum' });
      expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal(
        'The award recommendation cannot be shown',
      );
      expect(logged.join('\n')).to.contain('level');
      expect(rows(el).length).to.equal(0);
    } finally {
      console.error = original;
    }
  });

  it('heading-level sets the panel heading (a host keeps its outline)', async () => {
    const el = await make(recommendation, 4);
    expect(el.shadowRoot!.querySelector('h4#award-heading')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('h2')).to.equal(null);
  });
});
