import { html } from 'lit';
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AtModeration } from './moderation.js';
import type { AtModerationDecisionEvent } from './moderation.events.js';
import { areas, completeItems, decisions } from '../evidence/test-helpers/evidence-data.js';
import * as stories from './moderation.stories.js';
import { openRecommendation } from './test-helpers/moderation-data.js';
import './at-moderation.js';

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AtModeration, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;

async function make(o: { canDecide?: boolean; decisions?: unknown } = {}): Promise<AtModeration> {
  const el = await fixture<AtModeration>(
    html`<at-moderation
      school="Oakfield Primary (synthetic)"
      .recommendation=${openRecommendation}
      .evidence=${completeItems}
      .areas=${areas}
      .decisions=${(o.decisions ?? []) as AtModeration['decisions']}
      file-href="/files/{id}"
      ?can-decide=${o.canDecide ?? true}
      ><p slot="outcomes">Outcomes</p></at-moderation
    >`,
  );
  await el.updateComplete;
  return el;
}

const submit = async (el: AtModeration) => {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
  await el.updateComplete;
};

describe('<at-moderation>', () => {
  it('A11 is accessible: to decide, decided, and after a refused decision', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
    await expect(await make({ canDecide: false, decisions })).to.be.accessible();
    await submit(el);
    await expect(el).to.be.accessible();
  });

  it('shows the recommendation and every criterion beside the evidence (read-only, files as downloads), and the outcomes slot', async () => {
    const el = await make();
    const readiness = $(el, 'at-award-readiness') as HTMLElement & { recommendation: unknown };
    expect(readiness.recommendation).to.equal(openRecommendation);
    const evidence = $(el, 'at-evidence') as HTMLElement & { readonly: boolean };
    expect(evidence.readonly).to.equal(true);
    await (evidence as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const link = evidence.shadowRoot!.querySelector('a[download]')!;
    expect(link.getAttribute('href')).to.equal(`/files/${completeItems[0]!.id}`);
    expect($<HTMLSlotElement>(el, 'slot[name=outcomes]').assignedElements().length).to.equal(1);
    expect(text($(el, '.hint'))).to.not.equal('');
  });

  it('says what the figures support, and what they would support if the open criteria are judged met', async () => {
    const el = await make();
    const hint = text($(el, '#mod-decide').nextElementSibling);
    expect(openRecommendation.levelIfJudged).to.not.equal(openRecommendation.level);
    expect(hint).to.match(/if you judge every open criterion met/);
  });

  it('A2 no decision without an outcome and written reasons: a focused summary, nothing emitted', async () => {
    const el = await make();
    let fired = 0;
    el.addEventListener('at-moderation-decision', () => fired++);
    await submit(el);
    const summary = $(el, '#mod-errors');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '#mod-outcome',
      '#mod-reasons',
    ]);
    expect(fired).to.equal(0);
  });

  it('changing the level needs the level, then emits the decision with the reasons', async () => {
    const el = await make();
    $<HTMLInputElement>(el, '#mod-outcome-change-level').click();
    const reasons = $<HTMLTextAreaElement>(el, '#mod-reasons');
    reasons.value = 'The visit showed the work, but the SEND outcomes need another year.';
    reasons.dispatchEvent(new Event('input'));
    await submit(el);
    expect(text($(el, '#mod-errors'))).to.contain('Choose the level you award');
    const level = $<HTMLSelectElement>(el, '#mod-level');
    level.value = 'bronze';
    level.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#mod-second').click();
    await el.updateComplete;
    const event = oneEvent(el, 'at-moderation-decision') as Promise<AtModerationDecisionEvent>;
    await submit(el);
    const e = await event;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal({
      outcome: 'change-level',
      level: 'bronze',
      reasons: 'The visit showed the work, but the SEND outcomes need another year.',
      secondSignOff: true,
    });
  });

  it('keyboard: arrow keys move between the outcomes, and Enter in the form records it', async () => {
    const el = await make();
    $<HTMLInputElement>(el, '#mod-outcome').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('mod-outcome-change-level');
    await sendKeys({ press: 'ArrowDown' });
    const chosen = el.shadowRoot!.activeElement as HTMLInputElement;
    expect(chosen.checked).to.equal(true);
    $<HTMLTextAreaElement>(el, '#mod-reasons').focus();
    await sendKeys({ type: 'Every step is complete and the evidence is good.' });
    const event = oneEvent(el, 'at-moderation-decision') as Promise<AtModerationDecisionEvent>;
    $<HTMLButtonElement>(el, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.outcome).to.equal(chosen.value);
  });

  it('lists decisions with their reasons and a pending sign-off in words; no form unless can-decide', async () => {
    const el = await make({ canDecide: false, decisions });
    const shown = [...el.shadowRoot!.querySelectorAll('[part~=decision]')];
    expect(shown.length).to.equal(2);
    expect(text(shown[1])).to.contain('Bronze');
    expect(text(shown[1])).to.contain('the SEND figures need another year');
    expect(text(shown[1])).to.contain('Waiting for a second moderator');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('every story renders accessibly', async () => {
    for (const [name, story] of Object.entries(stories)) {
      if (name === 'default') continue;
      const el = await fixture(html`<div>${(story as { render: () => unknown }).render()}</div>`);
      await expect(el.querySelector('at-moderation')).to.be.accessible();
    }
  });
});
