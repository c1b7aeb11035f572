import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import {
  AWARD_MESSAGE_KEYS,
  AwardCriterionId,
  type AwardRecommendation,
} from '@all-together/model';
import { registerTranslation, translate } from '../shared/i18n.js';
import {
  audit,
  generateAuditResponse,
  generateAward,
  generatePerception,
  generatePlan,
  generatePupilResults,
  SEED_DECIDED,
  SEED_OPEN,
} from '../test-helpers/audit-data.js';
import { AtAwardReadiness } from './award-readiness.js';
import { AWARD_NAMES, AWARD_REASONS } from './award.strings.js';
import * as stories from './award-readiness.stories.js';
import './at-award-readiness.js';

const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });
const plan = generatePlan(audit, baseline, {
  seed: 6,
  today: TODAY,
  statusWeights: [0, 0.1, 0.9, 0],
});
const perception = { baseline: generatePerception(7), end: generatePerception(8) };
/** Silver, every criterion decided. */
const recommendation: AwardRecommendation = generateAward({
  baseline,
  end,
  plan,
  pupils: generatePupilResults(SEED_DECIDED),
  perception,
});
/** A school whose SEND figure is hidden and whose rise is too small to test: for judgement. */
const open: AwardRecommendation = generateAward({
  baseline,
  end,
  plan,
  pupils: generatePupilResults(SEED_OPEN),
  perception,
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

  describe('A11 every story is accessible', () => {
    for (const [name, story] of Object.entries(stories)) {
      if (typeof story !== 'object' || !('render' in story)) continue;
      it(name, async () => {
        const host = await fixture<HTMLDivElement>(html`<div>${story.render()}</div>`);
        await host.querySelector('at-award-readiness')!.updateComplete;
        await expect(host).to.be.accessible();
      });
    }
  });

  it('is registered, and renders every criterion in words: Met, Not met or Needs the moderator’s judgement', async () => {
    expect(customElements.get('at-award-readiness') === AtAwardReadiness).to.equal(true);
    for (const r of [recommendation, open]) {
      const el = await make(r);
      expect(rows(el).length).to.equal(r.criteria.length);
      rows(el).forEach((row, i) => {
        const c = r.criteria[i]!;
        const word = {
          met: 'Met',
          'not-met': 'Not met',
          'needs-judgement': 'Needs the moderator’s judgement',
        }[c.status];
        expect(text(row.querySelector('.tag')), c.id).to.equal(word);
        expect(row.querySelector('.tag')!.classList.contains(`tag--${c.status}`)).to.equal(true);
        expect(text(row.querySelector('td:last-child')), c.id).to.not.match(/[{}]|^$/);
      });
    }
    expect(open.criteria.some((c) => c.status === 'needs-judgement')).to.equal(true);
    expect(recommendation.criteria.some((c) => c.status === 'not-met')).to.equal(true);
  });

  it('the three states differ without colour: words, and the judgement tag’s dashed border', async () => {
    const el = await make(open);
    const look = (status: string) => {
      const tag = el.shadowRoot!.querySelector<HTMLElement>(`.tag--${status}`)!;
      return `${text(tag)}|${getComputedStyle(tag).borderInlineStartStyle}`;
    };
    const looks = ['met', 'not-met', 'needs-judgement'].map(look);
    expect(new Set(looks).size).to.equal(3);
    expect(looks[2]).to.match(/\|dashed$/);
  });

  it('level and, when different, the level if the moderator judges the open criteria met', async () => {
    expect(open.levelIfJudged).to.not.equal(open.level);
    const el = await make(open);
    const levels = {
      participation: 'A certificate of participation',
      bronze: 'Bronze',
      silver: 'Silver',
      gold: 'Gold',
    };
    expect(text(el.shadowRoot!.querySelector('#award-level'))).to.equal(
      `The evidence so far supports: ${levels[open.level]}, or ${levels[open.levelIfJudged]} if the moderator judges the ${open.needsJudgement.length} open ${open.needsJudgement.length === 1 ? 'criterion' : 'criteria'} met.`,
    );
    const same = await make(recommendation);
    expect(text(same.shadowRoot!.querySelector('#award-level'))).to.equal(
      `The evidence so far supports: ${levels[recommendation.level]}.`,
    );
  });

  it('a hidden SEND figure is for judgement, in words that do not read as "no pupils"', async () => {
    const el = await make(open);
    const send = el.shadowRoot!.querySelector('[data-criterion="bronze.pupil-outcomes.send"]')!;
    expect(text(send.querySelector('th'))).to.equal('Bullying not worse: pupils with SEND');
    expect(text(send.querySelector('td:last-child'))).to.equal(
      'Pupils with SEND (Years 3 to 13): the figures are hidden to protect privacy (too few pupils to publish at a wave). This does not mean no pupils were affected; the moderator must judge, for example from the trust or local authority figure.',
    );
  });

  it('every message key of the model has an English string, and every criterion a name', () => {
    expect(Object.keys(AWARD_REASONS).sort()).to.deep.equal([...AWARD_MESSAGE_KEYS].sort());
    for (const key of AWARD_MESSAGE_KEYS) {
      const reason = AWARD_REASONS[key];
      const english = translate('en-GB', reason, { count: 2 });
      expect(english, key).to.not.equal(reason);
      expect(english.length, key).to.be.greaterThan(10);
    }
    expect(Object.keys(AWARD_NAMES).sort()).to.deep.equal([...AwardCriterionId.options].sort());
    for (const id of AwardCriterionId.options)
      expect(translate('en-GB', AWARD_NAMES[id], {}), id).to.not.equal(AWARD_NAMES[id]);
  });

  it('names come from the criterion id and reasons from the message; a translated language is used', async () => {
    registerTranslation('cy', {
      awardMet: 'Wedi’i gyflawni',
      awardReasonAuditDone: 'Archwiliad {wave}: {overall}% yn gyffredinol.',
      awardReasonWaveBaseline: 'sylfaenol',
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="cy">
        <at-award-readiness .recommendation=${recommendation}></at-award-readiness>
      </div>`,
    );
    const el = wrapper.querySelector('at-award-readiness')!;
    await el.updateComplete;
    const row = el.shadowRoot!.querySelector('[data-criterion="eligibility.baseline-audit"]')!;
    const done = recommendation.criteria.find((c) => c.id === 'eligibility.baseline-audit')!;
    const overall = (done.message.params as { overall: number }).overall;
    expect(text(row.querySelector('th'))).to.equal('Baseline audit');
    expect(text(row.querySelector('td:last-child'))).to.equal(
      `Archwiliad sylfaenol: ${overall}% yn gyffredinol.`,
    );
    expect(text(row.querySelector('.tag'))).to.equal('Wedi’i gyflawni');
  });

  it('an invalid recommendation: a kind message, the exact path on the console, no criteria', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    try {
      const el = await make({
        ...recommendation,
        criteria: recommendation.criteria.map((c, i) => (i === 2 ? { ...c, status: 'maybe' } : c)),
      });
      expect(text(el.shadowRoot!.querySelector('[role=alert]'))).to.equal(
        'The award recommendation cannot be shown',
      );
      expect(logged.join('\n')).to.contain('criteria.2.status');
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
