// The content review of issue 18: each definition read as its audience reads it. These tests hold
// the newest version of each definition to what the review asked for; released versions are never
// edited (their successors carry the corrections).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findItem, itemsOf, statementsOf } from '@all-together/model';
import { compose, getAudit, getQuestionnaire } from './index.js';

const en = (t: Record<string, string> | undefined) => t?.['en-GB'] ?? '';

describe('the end-of-programme survey asks as the national figures did', () => {
  const end = () => getQuestionnaire('end-of-programme');

  it('every outcome says "as a result of the programme", none "since the programme began"', () => {
    const outcomes = itemsOf(end()).filter((i) => i.scoring.indicator === 'end-of-programme');
    assert.ok(outcomes.length >= 7);
    for (const item of outcomes) {
      assert.match(en(item.text), /^As a result of the programme, /, item.id);
      assert.doesNotMatch(en(item.text), /since/i, item.id);
    }
    for (const d of end().indicators ?? []) assert.doesNotMatch(en(d.label), /since/i, d.key);
    assert.doesNotMatch(en(end().preamble.intro), /since/i);
  });

  it('answers to the two wordings are never added together (a new comparableAs)', () => {
    const first = getQuestionnaire('end-of-programme', '1.0.0');
    assert.notEqual(end().comparableAs ?? end().id, first.comparableAs ?? first.id);
  });
});

describe('the staff survey: results by role, and a confidence item that fits 6.4', () => {
  const staff = () => getQuestionnaire('perception-staff');

  it('asks each person their role, optionally, with "Prefer not to say" and a notice', () => {
    const role = itemsOf(staff()).find((i) => i.scoring.indicator === 'staff-role');
    assert.ok(role && role.type === 'single-choice', 'a single-choice role question');
    assert.equal(role.required, false);
    assert.equal(role.scoring.kind, 'category');
    assert.ok(role.options.some((o) => o.value === 'prefer-not-to-say'));
    assert.deepEqual(role.scoring.missing, ['prefer-not-to-say']);
    assert.deepEqual(role.statements, [], 'a question about the person, not about a statement');
    assert.ok(role.notice, 'says why it is asked and that small groups are hidden');
    assert.ok(
      role.options.some((o) => /lunchtime/i.test(en(o.label))),
      'lunchtime staff',
    );
  });

  it('6.4 ("we know how confident staff feel") is linked to whether the school asked them', () => {
    const s64 = statementsOf(getAudit()).find((s) => s.id === '6.4')!;
    const staffLinks = s64.perceptionLinks.filter((l) => l.definition === 'perception-staff');
    assert.deepEqual(
      staffLinks.map((l) => l.item),
      ['confidence-asked'],
    );
    const item = findItem(staff(), 'confidence-asked')!;
    assert.match(en(item.text), /asked me how confident/i);
    assert.match(en(s64.guidance.why) + s64.guidance.tips.map(en).join(' '), /by role/i);
  });

  it('"I feel confident" stays, as the staff confidence the school reads, not as 360° evidence', () => {
    const item = findItem(staff(), 'confident')!;
    assert.deepEqual(item.statements, []);
    assert.equal(item.scoring.indicator, 'staff-confidence');
  });
});

describe('audit corrections', () => {
  const audit = () => getAudit();
  const statement = (id: string) => statementsOf(audit()).find((s) => s.id === id)!;

  it('2.1: an out-of-date policy is partially met, and "no policy" is described as not yet met', () => {
    const d = statement('2.1').descriptors;
    assert.match(en(d['partially-met']), /out of date/i);
    assert.doesNotMatch(en(d['not-yet-met']), /out of date|not been reviewed/i);
    assert.match(en(d['not-yet-met']), /no (written )?anti-bullying policy/i);
  });

  it('2.4 covers physical contact, in the statement and every descriptor', () => {
    const s = statement('2.4');
    assert.match(en(s.text), /physical contact/i);
    assert.match(en(s.descriptors['fully-met']), /physical contact/i);
  });

  const added = {
    'keeping parents informed': /parents and carers .* informed/i,
    'supporting pupils who bully': /pupils who bully/i,
    'responding to online bullying': /online/i,
    'sharing of nude and semi-nude images': /nude/i,
  };
  for (const [topic, pattern] of Object.entries(added)) {
    it(`a statement covers ${topic}, with three descriptors, guidance, tips and evidence prompts`, () => {
      const found = statementsOf(audit()).filter(
        (s) =>
          pattern.test(en(s.text)) &&
          s.provisional &&
          !statementsOf(getAudit('all-together-audit', '1.0.0')).some((o) => o.id === s.id),
      );
      assert.equal(found.length, 1, `${topic}: ${found.map((s) => s.id).join()}`);
      const s = found[0]!;
      assert.equal(new Set(Object.values(s.descriptors).map(en)).size, 3);
      assert.ok(en(s.guidance.why).length > 100, 'why it matters');
      assert.ok(s.guidance.tips.length >= 2, 'tips');
      assert.ok(s.guidance.resources.length >= 2, 'resources');
      assert.ok(s.evidencePrompts.length >= 2, 'evidence prompts');
    });
  }

  it('image sharing follows the national advice: staff never view, copy or delete, and tell the DSL', () => {
    const s = statementsOf(audit()).find((x) => /nude/i.test(en(x.text)))!;
    assert.match(en(s.text) + en(s.descriptors['fully-met']), /designated safeguarding lead/i);
    assert.match(en(s.descriptors['fully-met']), /view, copy/i);
    assert.ok(
      s.guidance.resources.some((r) => r.url.includes('sharing-nudes-and-semi-nudes')),
      'links the UKCIS advice',
    );
  });
});

/** Hosts whose pages are official or the programme's own, and stable. */
const VETTED_HOSTS = new Set([
  'www.gov.uk',
  'www.legislation.gov.uk',
  'anti-bullyingalliance.org.uk',
  'www.childline.org.uk',
  'www.nspcc.org.uk',
  'contact.org.uk',
  'councilfordisabledchildren.org.uk',
  'www.equalityhumanrights.com',
  'www.nga.org.uk',
  'diana-award.org.uk',
  'pshe-association.org.uk',
  'www.childnet.com',
  'saferinternet.org.uk',
  'www.ceop.police.uk',
  'www.annafreud.org',
  'restorativejustice.org.uk',
  'educationendowmentfoundation.org.uk',
  'carers.org',
  'www.theredcard.org',
]);

describe('audit resources are vetted and varied', () => {
  const resources = () =>
    statementsOf(getAudit()).flatMap((s) => s.guidance.resources.map((r) => ({ s: s.id, ...r })));

  it('every link is https on a vetted host (or a phone number), with a title', () => {
    for (const r of resources()) {
      if (r.url.startsWith('tel:')) continue;
      const url = new URL(r.url);
      assert.equal(url.protocol, 'https:', r.url);
      assert.ok(VETTED_HOSTS.has(url.host), `${r.s}: ${url.host} is not vetted`);
      assert.ok(en(r.title).length > 3, r.url);
    }
  });

  it('every statement has at least two resources, and the audit at least 25 distinct ones', () => {
    for (const s of statementsOf(getAudit()))
      assert.ok(s.guidance.resources.length >= 2, `${s.id}: ${s.guidance.resources.length}`);
    assert.ok(new Set(resources().map((r) => r.url)).size >= 25);
  });

  it('no link stands in for specific help: none is on more than a fifth of the statements', () => {
    const counts = new Map<string, number>();
    for (const r of resources()) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
    const limit = statementsOf(getAudit()).length / 5;
    for (const [url, n] of counts) assert.ok(n <= limit, `${url} on ${n} statements`);
  });

  it('one URL has one title everywhere', () => {
    const titles = new Map<string, Set<string>>();
    for (const r of resources())
      titles.set(r.url, (titles.get(r.url) ?? new Set()).add(en(r.title)));
    for (const [url, t] of titles) assert.equal(t.size, 1, `${url}: ${[...t].join(' / ')}`);
  });
});

describe('parents and carers are signposted to SEND support, and asked about SEND', () => {
  const parents = () => getQuestionnaire('perception-parent-carer');

  it('help names Contact (0808 808 3555) and the local SENDIASS', () => {
    const help = parents().help;
    assert.match(en(help.text), /Contact/);
    assert.match(en(help.text), /0808 808 3555/);
    assert.match(en(help.text), /SEND information, advice and support service \(SENDIASS\)/);
    assert.ok(help.links.some((l) => l.url === 'tel:08088083555'));
    assert.ok(help.links.some((l) => l.url === 'https://contact.org.uk/'));
  });

  it('asks, optionally and with "Prefer not to say", whether their child has SEND', () => {
    const item = itemsOf(parents()).find((i) => i.scoring.characteristic === 'sen');
    assert.ok(item && item.type === 'single-choice');
    assert.equal(item.required, false);
    assert.equal(item.scoring.kind, 'characteristic');
    assert.ok(item.options.some((o) => o.value === 'prefer-not-to-say'));
    assert.ok(item.notice, 'says why it is asked');
  });

  it('asks how confident they are that they know what to do, declared as an indicator', () => {
    const item = itemsOf(parents()).find((i) => i.scoring.indicator === 'parent-confidence');
    assert.ok(item);
    assert.match(
      en(item.text),
      /How confident are you that you know what to do if your child is bullied\?/,
    );
    const d = parents().indicators?.find((x) => x.key.startsWith('parent-confidence.'));
    assert.ok(d);
    assert.equal(d.direction, 'higher-is-better');
  });

  it('5.8 (keeping parents informed) is checked by parents', () => {
    const s = statementsOf(getAudit()).find((x) => /informed/i.test(en(x.text)))!;
    assert.ok(s.perceptionLinks.some((l) => l.definition === 'perception-parent-carer'));
  });
});

describe('the parent confidence question, before and after', () => {
  it('can be asked on its own (an information evening), composed from the parent survey', () => {
    const parents = getQuestionnaire('perception-parent-carer');
    const result = compose(
      parents,
      { id: 'parent-confidence-check', version: '1.0.0' },
      parents.sections
        .filter((s) => s.id !== 'your-confidence')
        .map((s) => ({ op: 'remove-section' as const, section: s.id })),
    );
    if (!result.ok) assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
    assert.deepEqual(
      itemsOf(result.value).map((i) => i.id),
      ['know-what-to-do'],
    );
    assert.deepEqual(
      result.value.indicators?.map((d) => d.key),
      ['parent-confidence.know-what-to-do.confident'],
    );
  });
});
