// The content review of issue 18: each definition read as its audience reads it. These tests hold
// the newest version of each definition to what the review asked for; released versions are never
// edited (their successors carry the corrections).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_DISCLOSURE_CONTROL,
  PUPIL_AUDIENCES,
  SchoolPhase,
  YearGroup,
  findItem,
  itemsOf,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { PUPIL_FORMS, getQuestionnaire, listDefinitions, pupilFormFor } from './index.js';

const newest = () =>
  [...new Set(listDefinitions().map((e) => e.id))]
    .map((id) => listDefinitions().find((e) => e.id === id)!)
    .filter((e) => e.kind === 'questionnaire')
    .map((e) => getQuestionnaire(e.id));
const pupilQuestionnaires = () =>
  newest().filter((d) => PUPIL_AUDIENCES.includes(d.audience) && d.id.startsWith('pupil-'));
const en = (t: Record<string, string> | undefined) => t?.['en-GB'] ?? '';

describe('P11: what pupils are told about their free text is true', () => {
  const withFreeText = () =>
    pupilQuestionnaires().filter((d) => itemsOf(d).some((i) => i.type === 'free-text'));

  it('the secondary questionnaire keeps its free-text question (ADR 0029)', () => {
    assert.deepEqual(
      withFreeText().map((d) => d.id),
      ['pupil-secondary'],
    );
  });

  for (const id of ['pupil-secondary']) {
    it(`${id}: says when the school reads it, that it only does with enough answers, who else sees it, and where help is now`, () => {
      const def = getQuestionnaire(id);
      const item = itemsOf(def).find((i) => i.type === 'free-text');
      assert.ok(item && item.type === 'free-text');
      const notice = en(item.notice);
      assert.match(notice, /after the survey (has )?closed?s?/i);
      assert.match(notice, /\{freeTextMinimum\} or more pupils/);
      assert.match(notice, /not know who wrote/i);
      assert.match(notice, /keeps pupils safe/i, 'the route to the safeguarding lead');
      const warning = en(item.warning);
      assert.match(warning, /Don't write your name or anyone else's/);
      assert.match(warning, /Childline/);
      assert.match(warning, /0800 1111/);
      // Reading depends on the round closing and on enough pupils answering: nothing may promise more.
      for (const text of [notice, warning, en(def.preamble.privacy)])
        assert.doesNotMatch(text, /will read/i, text);
    });

    it(`${id}: the number in the words is the SDK's own minimum by default (k)`, () => {
      const def = getQuestionnaire(id);
      assert.equal(
        en(def.parameters['freeTextMinimum']),
        String(DEFAULT_DISCLOSURE_CONTROL.minCellSize),
      );
    });
  }
});

describe('a safeguarding lead can tell sexual comments from unwanted touching', () => {
  const older = () => pupilQuestionnaires().filter((d) => d.audience !== 'pupil-ks1');

  it('KS2, secondary and the all-ages form ask them in separate tick boxes, each declared', () => {
    assert.deepEqual(
      older()
        .map((d) => d.id)
        .sort(),
      ['pupil-all-ages', 'pupil-ks2', 'pupil-secondary'],
    );
    for (const def of older()) {
      const keys = new Map((def.indicators ?? []).map((d) => [d.key, d]));
      assert.ok(!keys.has('types.sexual'), `${def.id}: one box for both`);
      for (const key of ['types.sexual-comments', 'types.unwanted-touching']) {
        const d = keys.get(key);
        assert.ok(d, `${def.id} does not declare ${key}`);
        assert.equal(d.direction, 'neither', key);
        assert.equal(d.population, 'bullied', key);
      }
    }
  });

  it('the two are worded apart, in the words of each key stage', () => {
    for (const def of older()) {
      const types = itemsOf(def).find((i) => i.scoring.indicator === 'types');
      assert.ok(types && types.type !== 'free-text');
      const label = (v: string) => en(types.options.find((o) => o.value === v)?.label);
      assert.match(label('sexual-comments'), /sexual|rude/i, def.id);
      assert.doesNotMatch(label('sexual-comments'), /touch/i, def.id);
      assert.match(label('unwanted-touching'), /touch/i, def.id);
    }
  });

  it('indicators KS2 and secondary share mean the same in both (their labels match)', () => {
    const label = (def: QuestionnaireDefinition, key: string) =>
      en(def.indicators?.find((d) => d.key === key)?.label);
    const [ks2, secondary] = [getQuestionnaire('pupil-ks2'), getQuestionnaire('pupil-secondary')];
    for (const key of ['types.sexual-comments', 'types.unwanted-touching'])
      assert.equal(label(ks2, key), label(secondary, key), key);
  });
});

describe('a pupil form for every kind of school', () => {
  const years = (id: string) => {
    const item = itemsOf(getQuestionnaire(id)).find(
      (i) => i.scoring.characteristic === 'yearGroup',
    );
    return item && item.type !== 'free-text' ? item.options.map((o) => o.value as string) : [];
  };
  const phaseYears: Record<SchoolPhase, string[]> = {
    primary: ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'],
    secondary: ['Y7', 'Y8', 'Y9', 'Y10', 'Y11', 'Y12', 'Y13'],
    special: YearGroup.options.filter((y) => y !== 'prefer-not-to-say'),
    'alternative-provision': YearGroup.options.filter((y) => y !== 'prefer-not-to-say'),
    'all-through': YearGroup.options.filter((y) => y !== 'prefer-not-to-say'),
  };

  for (const phase of SchoolPhase.options) {
    it(`${phase}: the forms offered cover every year such a school teaches`, () => {
      const guidance = PUPIL_FORMS[phase];
      const offered = [guidance.default, ...guidance.alternatives.map((a) => a.definition)];
      for (const id of offered) getQuestionnaire(id); // each exists
      const covered = new Set(offered.flatMap(years));
      for (const y of phaseYears[phase]) assert.ok(covered.has(y), `${phase}: ${y}`);
      assert.equal(pupilFormFor(phase), guidance.default);
    });
  }

  it('special, alternative provision and all-through schools get one form for Reception to Year 13', () => {
    for (const phase of ['special', 'alternative-provision', 'all-through'] as const)
      for (const y of phaseYears[phase])
        assert.ok(years(pupilFormFor(phase)).includes(y), `${phase} ${y}`);
  });

  it('the all-ages form is comparable with KS2 and secondary, and asks wellbeing only from Year 3', () => {
    const all = getQuestionnaire('pupil-all-ages');
    assert.equal(all.comparableAs, getQuestionnaire('pupil-ks2').comparableAs);
    const wellbeing = all.sections.find((s) =>
      s.items.some((i) => i.scoring.scale === 'emotional-difficulties'),
    )!;
    assert.deepEqual(wellbeing.visibleIf, {
      op: 'not',
      condition: { op: 'in', item: 'year-group', values: ['R', 'Y1', 'Y2'] },
    });
  });
});

describe('KS1 in words a six-year-old knows', () => {
  it('asks about feeling part of the school, under the same item id (the meaning is unchanged)', () => {
    const item = findItem(getQuestionnaire('pupil-ks1'), 'feel-belong')!;
    assert.equal(en(item.text), 'Do you feel part of your school?');
  });

  it('anchors the reference period to something a child remembers', () => {
    assert.equal(
      en(getQuestionnaire('pupil-ks1').parameters['referencePeriod']),
      'since you came back after the holiday',
    );
  });
});
