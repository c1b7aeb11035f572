import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { AtElement } from './at-element.js';
import { defineElement } from './define.js';
import { AtEvent } from './events.js';

/** A test-only domain event, following the pattern documented in events.ts. */
class TestPingEvent extends AtEvent<{ pings: number }> {
  static readonly type = 'at-test-ping';
  constructor(pings: number) {
    super(TestPingEvent.type, { pings }, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'at-test-ping': TestPingEvent;
  }
}

/** A minimal element that emits on user action (a click), never on a property change. */
class TestPinger extends AtElement {
  pings = 0;
  override render() {
    return html`<button type="button" @click=${this.ping}>Ping</button>`;
  }
  private ping() {
    this.pings++;
    const event = this.emit(new TestPingEvent(this.pings));
    if (event.defaultPrevented) this.pings--;
  }
}
defineElement('at-test-pinger', TestPinger);

describe('AtElement and AtEvent', () => {
  it('emit() dispatches a typed event that bubbles and crosses shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div><span></span></div>`);
    const shadow = outer.querySelector('span')!.attachShadow({ mode: 'open' });
    const pinger = document.createElement('at-test-pinger') as TestPinger;
    shadow.append(pinger);
    await pinger.updateComplete;

    const received: TestPingEvent[] = [];
    // Typed through GlobalEventHandlersEventMap: `event.detail.pings` needs no cast.
    outer.addEventListener('at-test-ping', (event) => received.push(event));
    pinger.shadowRoot!.querySelector('button')!.click();

    expect(received).to.have.length(1);
    // Primitives only in assertions: see `markup` in progress.test.ts.
    expect(received[0] instanceof TestPingEvent).to.equal(true);
    expect(received[0]!.detail.pings).to.equal(1);
    expect(received[0] instanceof CustomEvent).to.equal(true);
    expect(received[0]!.bubbles).to.equal(true);
    expect(received[0]!.composed).to.equal(true);
    // Retargeted at the shadow host, as for any composed event.
    expect(received[0]!.target === outer.querySelector('span'), 'target is the host').to.equal(
      true,
    );
  });

  it('emit() returns the event so a cancelable action can be vetoed', async () => {
    const pinger = await fixture<TestPinger>(html`<at-test-pinger></at-test-pinger>`);
    pinger.addEventListener('at-test-ping', (event) => event.preventDefault());
    pinger.shadowRoot!.querySelector('button')!.click();
    expect(pinger.pings).to.equal(0);
  });

  it('AtEvent forces bubbles and composed, and freezes its detail', () => {
    const event = new TestPingEvent(1);
    expect(Object.isFrozen(event.detail)).to.equal(true);
    expect(event.type).to.equal('at-test-ping');
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
  });
});
