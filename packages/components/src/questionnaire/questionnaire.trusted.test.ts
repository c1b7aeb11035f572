/**
 * A definition the host vouches for by its hash (`definitionHash`): shown without the schema (and
 * without zod), while anything that differs from what was vouched for is checked in full, with the
 * kind message to the person and the exact path in the console (W1).
 */
import { html } from 'lit';
import { expect, fixture } from '@open-wc/testing';
import { getQuestionnaire } from '@all-together/questionnaires';
import { memoryStorage } from '../shared/storage.js';
import type { AtQuestionnaire } from './questionnaire.js';
import type { AtSubmitEvent } from './questionnaire.events.js';
import './at-questionnaire.js';
import { $, press, screen, text } from './test-helpers/drive.js';

async function sha256(value: unknown): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(value)),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function make(definition: unknown, hash: string): Promise<AtQuestionnaire> {
  const el = await fixture<AtQuestionnaire>(
    html`<at-questionnaire
      .definition=${definition}
      definition-hash=${hash}
      school="900001"
      wave="baseline"
      .storage=${memoryStorage()}
      .outboxStorage=${memoryStorage()}
      auto-read="false"
    ></at-questionnaire>`,
  );
  await el.updateComplete;
  return el;
}

/** Runs `fn` and returns what it logged with console.error. */
async function consoleErrors(fn: () => Promise<void>): Promise<string> {
  const errors: string[] = [];
  const real = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.error = real;
  }
  return errors.join('\n');
}

/** A shipped definition whose first item id the schema refuses (it still renders). */
function damaged(): unknown {
  const copy = structuredClone(getQuestionnaire('pupil-ks2')) as unknown as {
    sections: { items: { id: string }[] }[];
  };
  copy.sections[0]!.items[0]!.id = 'Not An Id!';
  return copy;
}

describe('<at-questionnaire> definitionHash', () => {
  it('a definition with the hash the host gives is shown, answered and sent (the rules still check the response)', async () => {
    const definition = getQuestionnaire('pupil-ks2');
    const el = await make(definition, await sha256(definition));
    expect(screen(el)).to.equal('start');
    await press(el, 'Start now');
    let pages = 0;
    while (screen(el) === 'question' && pages < 100) {
      await press(el, 'Continue');
      pages++;
    }
    expect(screen(el)).to.equal('check');
    let submitted: AtSubmitEvent | undefined;
    el.addEventListener('at-submit', (e) => (submitted = e));
    await press(el, 'Send my answers');
    expect(screen(el)).to.equal('done');
    expect(submitted?.response.definition.id).to.equal('pupil-ks2');
  });

  it('trust is by hash: content the host vouched for is not checked again', async () => {
    const wrong = damaged();
    const errors = await consoleErrors(async () => {
      const el = await make(wrong, await sha256(wrong));
      expect(screen(el)).to.equal('start');
    });
    expect(errors).to.equal('');
  });

  it('W1 content that differs from what was vouched for: the kind message, and the exact path in the console', async () => {
    const vouched = await sha256(getQuestionnaire('pupil-ks2'));
    let el: AtQuestionnaire | undefined;
    const errors = await consoleErrors(async () => {
      el = await make(damaged(), vouched);
    });
    expect(text($(el!, '[role="alert"]'))).to.include('cannot be shown');
    expect(text($(el!, '[role="alert"]'))).to.not.include('sections');
    expect(errors).to.include('sections.0.items.0.id');
  });

  it('a hash that matches nothing is not an error: the definition is checked in full and shown', async () => {
    const el = await make(getQuestionnaire('pupil-ks2'), 'a'.repeat(64));
    expect(screen(el)).to.equal('start');
  });
});
