import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AtExitThisPage } from './exit-this-page.js';
import type { AtExitEvent } from './exit-this-page.events.js';
import './at-exit-this-page.js';

const buttonOf = (el: AtExitThisPage) => el.shadowRoot!.querySelector('button')!;

describe('<at-exit-this-page>', () => {
  // The test page must not navigate away: every exit is cancelled here.
  const exits: string[] = [];
  const cancel = (e: AtExitEvent) => {
    exits.push(e.detail.url);
    e.preventDefault();
  };
  before(() => document.addEventListener('at-exit', cancel));
  after(() => document.removeEventListener('at-exit', cancel));
  beforeEach(() => (exits.length = 0));

  it('A11 has no axe violations', async () => {
    const el = await fixture<AtExitThisPage>(html`<at-exit-this-page></at-exit-this-page>`);
    await expect(el).to.be.accessible();
  });

  it('is registered, and a button named "Exit this page" at least 44 px high with the shortcut beside it', async () => {
    expect(customElements.get('at-exit-this-page') === AtExitThisPage).to.equal(true);
    const el = await fixture<AtExitThisPage>(html`<at-exit-this-page></at-exit-this-page>`);
    expect(buttonOf(el).textContent!.trim()).to.equal('Exit this page');
    expect(buttonOf(el).getBoundingClientRect().height).to.be.at.least(44);
    expect(el.shadowRoot!.textContent).to.include('Or press Shift 3 times.');
  });

  it('a plain link put inside for before the element loads is not shown once it has drawn: one exit, its button', async () => {
    const el = await fixture<AtExitThisPage>(
      html`<at-exit-this-page
        ><a href="https://www.bbc.co.uk/weather">Exit this page</a></at-exit-this-page
      >`,
    );
    const link = el.querySelector('a')!;
    expect(link.getClientRects().length, 'the link is not drawn').to.equal(0);
    expect(buttonOf(el).getBoundingClientRect().height).to.be.at.least(44);
    await expect(el).to.be.accessible();
  });

  it('the button fires a cancelable at-exit whose detail carries the exit URL', async () => {
    const el = await fixture<AtExitThisPage>(
      html`<at-exit-this-page exit-url="https://example.org/safe"></at-exit-this-page>`,
    );
    let event: AtExitEvent | undefined;
    el.addEventListener('at-exit', (e) => (event = e));
    buttonOf(el).click();
    expect(exits).to.deep.equal(['https://example.org/safe']);
    expect(event instanceof CustomEvent).to.equal(true);
    expect([event!.cancelable, event!.bubbles, event!.composed]).to.deep.equal([true, true, true]);
    expect(el.exit()).to.equal(false); // cancelled: no navigation
  });

  it('Shift three times leaves; another key between presses starts again', async () => {
    await fixture<AtExitThisPage>(html`<at-exit-this-page></at-exit-this-page>`);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'a' });
    await sendKeys({ press: 'Shift' });
    expect(exits.length).to.equal(0);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    expect(exits.length).to.equal(1);
  });

  it('disabled: neither the button nor the shortcut leaves', async () => {
    await fixture<AtExitThisPage>(html`<at-exit-this-page disabled></at-exit-this-page>`);
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
    expect(exits.length).to.equal(0);
  });

  it('stays at the top of the screen as a long page scrolls (sticky)', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <at-exit-this-page></at-exit-this-page>
        <div class="tall"></div>
      </div>`,
    );
    page.querySelector<HTMLElement>('.tall')!.style.setProperty('block-size', '3000px');
    window.scrollTo(0, 2000);
    const r = buttonOf(page.querySelector('at-exit-this-page')!).getBoundingClientRect();
    window.scrollTo(0, 0);
    expect(r.top).to.be.at.least(0);
    expect(r.bottom).to.be.at.most(window.innerHeight);
  });
});
