import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { itemsOf, type Problem } from '@all-together/model';
import { compose, getFragment, getQuestionnaire, type CompositionStep } from './index.js';

const ks2 = () => getQuestionnaire('pupil-ks2');
const secondary = () => getQuestionnaire('pupil-secondary');
const ids = (d: { sections: { items: { id: string }[] }[] }) =>
  d.sections.flatMap((s) => s.items.map((i) => i.id));
const failure = (result: { ok: boolean; problems?: Problem[] }) => {
  assert.equal(result.ok, false, 'expected the composition to be refused');
  return (result as { problems: Problem[] }).problems;
};
const expectProblem = (problems: Problem[], at: string | RegExp, message: RegExp) =>
  assert.ok(
    problems.some(
      (p) => (typeof at === 'string' ? p.at === at : at.test(p.at)) && message.test(p.message),
    ),
    `no problem at ${at} matching ${message}:\n${problems.map((p) => `  ${p.at}: ${p.message}`).join('\n')}`,
  );

const extraItem = {
  id: 'feel-safe-online',
  type: 'agreement',
  text: { 'en-GB': 'I feel safe online' },
  options: ['strongly-disagree', 'disagree', 'agree', 'strongly-agree'].map((value) => ({
    value,
    label: { 'en-GB': value },
  })),
  scoring: {
    kind: 'agreement',
    indicator: 'feelings',
    values: { 'strongly-disagree': 0, disagree: 1, agree: 2, 'strongly-agree': 3 },
    cutoffs: { agree: 2 },
  },
};

const extraDeclaration = {
  key: 'feelings.feel-safe-online.agree',
  label: { 'en-GB': 'Agree: I feel safe online' },
  direction: 'higher-is-better' as const,
  population: 'all' as const,
};

describe('compose', () => {
  it('adds an LA’s own item to a section, after a given item', () => {
    const base = ks2();
    const anchor = base.sections.find((s) => s.id === 'feelings-about-school')!.items[0]!.id;
    const result = compose(base, { version: '1.0.0-la873.1' }, [
      {
        op: 'add-items',
        section: 'feelings-about-school',
        after: anchor,
        items: [extraItem],
        indicators: [extraDeclaration],
      },
    ]);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const section = result.value.sections.find((s) => s.id === 'feelings-about-school')!;
    assert.equal(section.items[1]!.id, 'feel-safe-online');
    assert.equal(result.value.version, '1.0.0-la873.1');
    assert.equal(
      result.value.indicators?.find((d) => d.key === 'feelings.feel-safe-online.agree')?.direction,
      'higher-is-better',
    );
  });

  it('refuses an added item whose indicator is not declared, naming it', () => {
    const problems = failure(
      compose(ks2(), { version: '1.0.0-la873.2' }, [
        { op: 'add-items', section: 'feelings-about-school', items: [extraItem] },
      ]),
    );
    expectProblem(problems, 'indicators', /"feelings\.feel-safe-online\.agree".*not declared/);
  });

  it('drops the declarations of removed items, so a removed section leaves nothing behind', () => {
    const result = compose(ks2(), { version: '1.0.0-no-others' }, [
      { op: 'remove-section', section: 'bullying-others' },
    ]);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    const keys = result.value.indicators!.map((d) => d.key);
    assert.ok(!keys.includes('bullying-others.frequent'));
    assert.ok(!keys.includes('bully-victim.frequent'), 'a combination goes with its parts');
    assert.ok(keys.includes('victimisation.frequent'));
  });

  it('changes the reference period', () => {
    const result = compose(ks2(), { version: '1.0.1' }, [
      { op: 'set-parameter', name: 'referencePeriod', value: { 'en-GB': 'since Christmas' } },
    ]);
    assert.ok(result.ok);
    assert.equal(result.value.parameters.referencePeriod!['en-GB'], 'since Christmas');
  });

  it('removes the characteristics block for deployments linked to school records', () => {
    const result = compose(ks2(), { version: '1.0.0-linked' }, [
      { op: 'remove-section', section: 'about-you' },
    ]);
    assert.ok(result.ok);
    assert.ok(!result.value.sections.some((s) => s.id === 'about-you'));
    assert.ok(!itemsOf(result.value).some((i) => i.scoring.kind === 'characteristic'));
  });

  it('switches identity questions on (secondary, opt-in fragment) and off again', () => {
    const identity = getFragment('identity-questions');
    const on = compose(secondary(), { version: '1.0.0-identity' }, [
      { op: 'add-fragment', fragment: identity },
    ]);
    assert.ok(on.ok, JSON.stringify(!on.ok && on.problems));
    const withIdentity = itemsOf(on.value).filter((i) =>
      ['gender', 'lgbt'].includes(i.scoring.characteristic ?? ''),
    );
    assert.equal(withIdentity.length, 2);
    const off = compose(on.value, { version: '1.0.0-identity-off' }, [
      { op: 'without-identity-questions' },
    ]);
    assert.ok(off.ok);
    assert.ok(
      !itemsOf(off.value).some((i) => ['gender', 'lgbt'].includes(i.scoring.characteristic ?? '')),
    );
  });

  it('P4 refuses identity questions in a KS2 definition, with a path-precise error', () => {
    const lgbt = {
      id: 'lgbt',
      type: 'single-choice',
      text: { 'en-GB': 'Are you LGBT?' },
      options: ['yes', 'no', 'prefer-not-to-say'].map((value) => ({
        value,
        label: { 'en-GB': value },
      })),
      scoring: { kind: 'characteristic', characteristic: 'lgbt' },
    };
    const problems = failure(
      compose(ks2(), { version: '1.0.0-x' }, [
        { op: 'add-items', section: 'about-you', items: [lgbt] },
      ]),
    );
    expectProblem(
      problems,
      /^sections\.0\.items\.\d+\.scoring\.characteristic$/,
      /never asked of KS1 or KS2/,
    );
    expectProblem(
      failure(
        compose(ks2(), { version: '1.0.0-x' }, [
          { op: 'add-fragment', fragment: getFragment('identity-questions') },
        ]),
      ),
      'steps.0.fragment.audiences',
      /not pupil-ks2/,
    );
  });

  it('swaps the wellbeing scale for another measure', () => {
    const behavioural = getFragment('wellbeing-mmf-behavioural');
    const result = compose(ks2(), { version: '1.0.0-behavioural' }, [
      { op: 'swap-scale', scale: 'emotional-difficulties', fragment: behavioural },
    ]);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(
      result.value.scales.map((s) => s.id),
      ['behavioural-difficulties'],
    );
    assert.ok(!itemsOf(result.value).some((i) => i.scoring.scale === 'emotional-difficulties'));
    assert.ok(
      itemsOf(result.value).some(
        (i) => i.scoring.scale === 'behavioural-difficulties' && i.scoring.reverse,
      ),
    );
  });

  it('refuses a composition that keeps the base version', () => {
    const base = ks2();
    expectProblem(
      failure(compose(base, { version: base.version }, [])),
      'target.version',
      /needs a new version/,
    );
  });

  it('refuses a dangling visibleIf: removing the question a follow-up depends on', () => {
    const problems = failure(
      compose(ks2(), { version: '1.1.0' }, [{ op: 'remove-section', section: 'being-bullied' }]),
    );
    expectProblem(problems, /visibleIf/, /not an earlier item/);
  });

  it('refuses scoring that no longer resolves: removing scale items leaves an empty scale', () => {
    const base = ks2();
    const wellbeing = itemsOf(base)
      .filter((i) => i.scoring.scale === 'emotional-difficulties')
      .map((i) => i.id as string);
    const problems = failure(
      compose(base, { version: '1.1.0' }, [{ op: 'remove-items', items: wellbeing }]),
    );
    expectProblem(problems, /^scales\.0/, /No item belongs to scale/);
  });

  it('names the step and field of a malformed step', () => {
    const steps = [
      { op: 'set-parameter', name: 'lastTerm', value: { 'en-GB': 'x' } },
      { op: 'remove-section', section: 'nope' },
      { op: 'explode' },
    ] as unknown as CompositionStep[];
    const problems = failure(compose(ks2(), { version: '1.1.0' }, steps));
    expectProblem(problems, 'steps.0.name', /no parameter "lastTerm"/);
    expectProblem(problems, 'steps.1.section', /no section "nope"/);
    expectProblem(problems, /^steps\.2/, /./);
  });

  it('never changes the base definition', () => {
    const base = ks2();
    const before = JSON.stringify(base);
    compose(base, { version: '2.0.0' }, [{ op: 'remove-section', section: 'about-you' }]);
    assert.equal(JSON.stringify(base), before);
    assert.deepEqual(ids(base), ids(getQuestionnaire('pupil-ks2')));
  });
});
