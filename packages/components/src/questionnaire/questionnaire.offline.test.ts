import { expect, waitUntil } from '@open-wc/testing';
import { outboxKey } from './outbox.js';
import type { AtQuestionnaire } from './questionnaire.js';
import type { AtSubmitEvent } from './questionnaire.events.js';

/**
 * Offline submission as a pupil meets it (decision 0015): the Wi-Fi is down when they press Send,
 * the page says truthfully that the answers are saved on this device, the pupil closes the tab,
 * the device comes back online, a tab with the questionnaire opens again, and the response is sent
 * exactly once. Real tabs (`window.open` / `close()`), a real endpoint that drops connections
 * while "offline", and the element's default storage.
 */
const PAGE =
  '/__at-test__/page.html?module=/packages/components/src/questionnaire/test-helpers/outbox-tab.ts';
const ENDPOINT = '/__at-test__/responses';

interface EndpointState {
  online: boolean;
  accepted: string[];
  attempts: number;
}

async function endpoint(query: string): Promise<EndpointState> {
  return (await fetch(`/__at-test__/responses/state?${query}`)).json() as Promise<EndpointState>;
}

const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Opens the questionnaire in a new tab and waits for its start page. */
async function openTab(): Promise<{ tab: Window; el: AtQuestionnaire }> {
  const tab = window.open(PAGE, '_blank')!;
  expect(tab !== null, 'the tab opened').to.equal(true);
  let el: AtQuestionnaire | null = null;
  await waitUntil(
    () => {
      el = tab.document?.querySelector('at-questionnaire') ?? null;
      return Boolean(el?.shadowRoot?.querySelector('button'));
    },
    'the questionnaire loaded in the new tab',
    { timeout: 15_000 },
  );
  return { tab, el: el! };
}

const buttonIn = (el: AtQuestionnaire, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b).startsWith(label));

async function press(el: AtQuestionnaire, label: string): Promise<void> {
  const b = buttonIn(el, label);
  if (!b) throw new Error(`no button "${label}"`);
  b.click();
  await el.updateComplete;
}

const clearOutbox = () => {
  for (const k of Object.keys(localStorage))
    if (k.startsWith('at-questionnaire/')) localStorage.removeItem(k);
};

describe('<at-questionnaire> offline, in real tabs', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await endpoint('online=1&reset=1');
    clearOutbox();
  });

  it('S15 W8 sent offline: "saved on this device", the tab is closed, a new tab sends it exactly once', async () => {
    clearOutbox();
    await endpoint('online=0&reset=1');

    // Tab 1: the pupil answers (skips everything here) and presses Send while offline.
    const first = await openTab();
    let id = '';
    first.tab.document.addEventListener('at-submit', (e: AtSubmitEvent) => {
      id = e.detail.responseId;
    });
    await press(first.el, 'Start now');
    for (let i = 0; i < 100 && !buttonIn(first.el, 'Send my answers'); i++)
      await press(first.el, 'Skip');
    await press(first.el, 'Send my answers');
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    const panel = () => first.el.shadowRoot!.querySelector<HTMLElement>('.panel');
    await waitUntil(() => panel()?.dataset['state'] === 'queued', 'told it is saved on the device');
    // The truth, and no green "Thank you" before anything was sent.
    expect(text(panel())).to.include('Your answers are saved on this device');
    expect(text(panel())).to.include('back online');
    expect(text(panel())).to.not.include('Thank you');
    expect((await endpoint('')).accepted).to.deep.equal([]);
    const key = outboxKey(ENDPOINT);
    expect(JSON.parse(localStorage.getItem(key) ?? '{}').pending?.[0]?.id).to.equal(id);

    // The pupil closes the tab (sessionStorage goes with it; the outbox must not).
    first.tab.close();
    await waitUntil(() => first.tab.closed, 'the tab closed');

    // Back online; the next pupil opens the questionnaire in a new tab.
    await endpoint('online=1');
    const second = await openTab();
    await waitUntil(async () => (await endpoint('')).accepted.length > 0, 'sent from the new tab', {
      timeout: 15_000,
    });
    await waitUntil(() => localStorage.getItem(key) === null, 'the outbox key removed once sent');
    // A second load (the second pupil's tab again) finds nothing left to send.
    second.tab.close();
    const third = await openTab();
    await third.el.updateComplete;
    third.tab.close();
    const { accepted } = await endpoint('');
    expect(accepted).to.deep.equal([id]);
    // The new tab starts afresh: the first pupil's draft did not follow them.
    expect(
      Object.keys(localStorage).filter((k) => k.startsWith('at-questionnaire/')),
    ).to.deep.equal([]);
  });
});
