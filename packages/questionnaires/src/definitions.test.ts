import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Characteristic,
  PUPIL_AUDIENCES,
  itemsOf,
  statementsOf,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { catalogueSource } from '../scripts/generate-catalogue.js';
import {
  compose,
  getAudit,
  getDefinition,
  getFragment,
  getQuestionnaire,
  listDefinitions,
  listDocuments,
  listFragments,
  parseDefinition,
} from './index.js';

const root = new URL('..', import.meta.url).pathname;
const questionnaires = () =>
  listDefinitions()
    .filter((e) => e.kind === 'questionnaire')
    .map((e) => getQuestionnaire(e.id, e.version));
const perception = () => questionnaires().filter((d) => d.id.startsWith('perception-'));

describe('shipped definitions', () => {
  it('the catalogue lists every file under definitions/ and fragments/ (run `pnpm catalogue`)', () => {
    assert.equal(readFileSync(join(root, 'src/catalogue.ts'), 'utf8'), catalogueSource(root));
  });

  for (const entry of listDefinitions()) {
    it(`${entry.path} parses and cross-checks, and its path is its id and version`, () => {
      const result = parseDefinition(readFileSync(join(root, entry.path), 'utf8'), entry.path);
      if (!result.ok) assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
      assert.equal(entry.path, `definitions/${result.value.id}/${result.value.version}.json`);
    });
  }

  it('ids and versions are unique across files', () => {
    const keys = listDefinitions().map((e) => `${e.id}@${e.version}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('ships the programme: audit, three pupil questionnaires, five perception surveys, CPD, end of programme', () => {
    const ids = new Set(listDefinitions().map((e) => e.id));
    for (const id of [
      'all-together-audit',
      'pupil-ks1',
      'pupil-ks2',
      'pupil-secondary',
      'pupil-all-ages',
      'perception-staff',
      'perception-parent-carer',
      'perception-governor',
      'perception-pupil-secondary',
      'perception-pupil-primary',
      'cpd-confidence',
      'end-of-programme',
    ]) {
      assert.ok(ids.has(id), `missing ${id}`);
    }
  });
});

describe('the 360° audit', () => {
  const audit = getAudit();
  it('has six areas of at least 5 statements, 40–50 in all', () => {
    assert.deepEqual(
      audit.areas.map((a) => a.number),
      [1, 2, 3, 4, 5, 6],
    );
    for (const area of audit.areas) assert.ok(area.statements.length >= 5, `area ${area.number}`);
    const total = statementsOf(audit).length;
    assert.ok(total >= 40 && total <= 50, `${total} statements`);
  });

  // Areas 3 and 6 were filled from the brief; 5.8–5.11 (keeping parents informed, supporting pupils
  // who bully, online bullying, sharing images) were added by the SDK team after the content review.
  const ADDED_BY_THE_SDK_TEAM = ['5.8', '5.9', '5.10', '5.11'];
  it('marks the statements the SDK team wrote provisional (areas 3 and 6, 5.8–5.11), and no others', () => {
    for (const area of audit.areas) {
      for (const s of area.statements)
        assert.equal(
          s.provisional,
          area.number === 3 || area.number === 6 || ADDED_BY_THE_SDK_TEAM.includes(s.id),
          s.id,
        );
    }
  });

  it('words the three levels of every statement differently', () => {
    for (const s of statementsOf(audit)) {
      const d = Object.values(s.descriptors).map((t) => t['en-GB']);
      assert.equal(new Set(d).size, 3, s.id);
    }
  });

  it('every perception link resolves to a perception item that links back', () => {
    for (const s of statementsOf(audit)) {
      for (const link of s.perceptionLinks) {
        const def = getQuestionnaire(link.definition);
        const item = itemsOf(def).find((i) => i.id === link.item);
        assert.ok(item, `${s.id} → ${link.definition}/${link.item}`);
        assert.ok(
          item.statements.includes(s.id),
          `${link.definition}/${link.item} does not list ${s.id}`,
        );
      }
    }
  });
});

describe('perception surveys (360°)', () => {
  // The newest version of each: older versions stay loadable for stored answers, but the audit's
  // links are written from (and checked against) the surveys a school is given now.
  const current = () => perception().filter((d) => d.version === getQuestionnaire(d.id).version);
  // A survey may also ask about the person (a staff role, whether a parent's child has SEND) or
  // measure something of its own (a parent's confidence): such items link to no statement.
  const linked = (def: QuestionnaireDefinition) =>
    itemsOf(def).filter((i) => i.statements.length > 0);

  it('five surveys of 8–15 items linked to statements that exist, with links back', () => {
    const audit = getAudit();
    const statements = new Map(statementsOf(audit).map((s) => [s.id as string, s]));
    const surveys = current();
    assert.equal(surveys.length, 5);
    for (const def of surveys) {
      const items = linked(def);
      assert.ok(items.length >= 8 && items.length <= 15, `${def.id}: ${items.length} items`);
      for (const item of items) {
        for (const id of item.statements) {
          const s = statements.get(id);
          assert.ok(s, `${def.id}/${item.id} links to unknown statement ${id}`);
          assert.ok(
            s.perceptionLinks.some((l) => l.definition === def.id && l.item === item.id),
            `statement ${id} does not list ${def.id}/${item.id}`,
          );
        }
      }
    }
  });

  it('together they test every area of the audit', () => {
    const areas = new Set(
      current().flatMap((d) => itemsOf(d).flatMap((i) => i.statements.map((s) => s.split('.')[0]))),
    );
    assert.deepEqual([...areas].sort(), ['1', '2', '3', '4', '5', '6']);
  });

  it('items linked to statements use agreement with "Don\'t know" as missing, scored for the 360° view; no other item is', () => {
    for (const def of perception()) {
      for (const item of itemsOf(def)) {
        if (item.statements.length === 0) {
          assert.notEqual(item.scoring.indicator, 'perception', `${def.id}/${item.id}`);
          continue;
        }
        assert.equal(item.scoring.kind, 'agreement', `${def.id}/${item.id}`);
        assert.equal(item.scoring.indicator, 'perception');
        assert.ok(item.scoring.missing.length > 0, `${def.id}/${item.id} has no "Don't know"`);
      }
    }
  });
});

describe('pupil questionnaires', () => {
  const pupils = () =>
    questionnaires().filter(
      (d) => PUPIL_AUDIENCES.includes(d.audience) && d.id.startsWith('pupil-'),
    );
  const indicators = (d: QuestionnaireDefinition) =>
    new Set(itemsOf(d).map((i) => i.scoring.indicator));

  it('declare the indicators scoring needs, so scoring never names an item', () => {
    for (const def of pupils()) {
      const found = indicators(def);
      for (const key of ['victimisation', 'types', 'told', 'feelings'])
        assert.ok(found.has(key), `${def.id} lacks ${key}`);
      if (def.audience !== 'pupil-ks1') {
        for (const key of ['victimisation-online', 'bullying-others'])
          assert.ok(found.has(key), `${def.id} lacks ${key}`);
        assert.ok(
          def.scales.some((s) => s.id === 'emotional-difficulties'),
          `${def.id} lacks the wellbeing scale`,
        );
      }
      const victimisation = itemsOf(def).filter((i) => i.scoring.indicator === 'victimisation');
      for (const item of victimisation) {
        assert.ok(
          'frequent' in item.scoring.cutoffs && 'any' in item.scoring.cutoffs,
          `${item.id} cut-offs`,
        );
      }
      // KS1 answers with faces, which show feelings, not agreement: a reverse-keyed item would put a
      // happy face beside an unhappy answer, so KS1 words it positively instead (see its basis).
      assert.equal(
        itemsOf(def).some((i) => i.scoring.indicator === 'feelings' && i.scoring.reverse),
        def.audience !== 'pupil-ks1',
        `${def.id}: reverse-keyed feelings item`,
      );
    }
  });

  it('ask about types only of pupils who were bullied', () => {
    for (const def of pupils()) {
      for (const item of itemsOf(def).filter((i) => i.scoring.indicator === 'types')) {
        const section = def.sections.find((s) => s.items.includes(item))!;
        assert.ok(item.visibleIf ?? section.visibleIf, `${def.id}/${item.id} is shown to everyone`);
      }
    }
  });

  it('KS1 uses faces for feelings and has read-aloud text for every item', () => {
    const ks1 = getQuestionnaire('pupil-ks1');
    for (const item of itemsOf(ks1)) assert.ok(item.readAloud, `${item.id} has no readAloud`);
    assert.ok(
      itemsOf(ks1)
        .filter((i) => i.scoring.indicator === 'feelings')
        .every((i) => i.type === 'faces'),
    );
  });

  it('start with the definition of bullying and the reference period as a parameter', () => {
    for (const def of pupils()) {
      assert.ok(def.preamble.bullyingDefinition, def.id);
      assert.ok('referencePeriod' in def.parameters, def.id);
      assert.ok(
        itemsOf(def).some(
          (i) =>
            i.text['en-GB']!.includes('{referencePeriod}') ||
            i.hint?.['en-GB']?.includes('{referencePeriod}'),
        ),
        `${def.id} never uses {referencePeriod}`,
      );
    }
  });

  it('P4/P11: no identity questions in any base pupil definition; free text only for secondary', () => {
    for (const def of pupils()) {
      assert.ok(
        !itemsOf(def).some((i) => ['gender', 'lgbt'].includes(i.scoring.characteristic ?? '')),
        def.id,
      );
      const text = itemsOf(def).filter((i) => i.type === 'free-text');
      if (def.audience !== 'pupil-secondary') assert.equal(text.length, 0, def.id);
    }
  });

  it('P5: no pupil item is required, and every characteristic offers Prefer not to say', () => {
    for (const def of pupils()) {
      for (const item of itemsOf(def)) {
        assert.equal(item.required, false, `${def.id}/${item.id}`);
        if (item.scoring.kind === 'characteristic' && item.type !== 'free-text') {
          assert.ok(
            item.options.some((o) => o.value === 'prefer-not-to-say'),
            `${def.id}/${item.id}`,
          );
        }
      }
    }
  });

  it('always end with help that includes Childline', () => {
    for (const def of questionnaires().filter((d) => PUPIL_AUDIENCES.includes(d.audience))) {
      assert.ok(
        def.help.links.some((l) => l.url === 'tel:08001111'),
        def.id,
      );
    }
  });
});

describe('CPD and end-of-programme surveys', () => {
  it('CPD confidence is asked before, straight after and at follow-up, rating only after', () => {
    const cpd = getQuestionnaire('cpd-confidence');
    const timepoint = itemsOf(cpd).find((i) => i.scoring.indicator === 'cpd-timepoint');
    assert.ok(timepoint && timepoint.type !== 'free-text');
    assert.deepEqual(
      timepoint.options.map((o) => o.value),
      ['before', 'after', 'follow-up'],
    );
    const rating = itemsOf(cpd).find((i) => i.scoring.indicator === 'cpd-rating');
    assert.ok(rating?.visibleIf, 'the rating of the training is asked after it only');
    assert.ok(itemsOf(cpd).filter((i) => i.scoring.indicator === 'cpd-confidence').length >= 4);
  });

  it('the end-of-programme survey reports "somewhat or strongly agree" on a 5-point scale', () => {
    const end = getQuestionnaire('end-of-programme');
    for (const item of itemsOf(end).filter((i) => i.scoring.indicator === 'end-of-programme')) {
      assert.equal(Object.keys(item.scoring.values ?? {}).length, 5, item.id);
      assert.equal(item.scoring.cutoffs.agree, 3, item.id);
    }
  });
});

describe('fragments', () => {
  for (const { id } of listFragments()) {
    it(`${id} composes into every audience it is for`, () => {
      const fragment = getFragment(id);
      for (const audience of fragment.audiences) {
        const base = questionnaires().find(
          (d) => d.audience === audience && d.id.startsWith('pupil-'),
        );
        assert.ok(base, `no pupil definition for ${audience}`);
        const result = compose(base, { version: `${base.version}-with-${id}` }, [
          { op: 'add-fragment', fragment },
        ]);
        if (!result.ok) assert.fail(result.problems.map((p) => `${p.at}: ${p.message}`).join('\n'));
      }
    });
  }
});

describe('scoring code never names an item (style.md: behaviour is declared in data)', () => {
  it('no item id of any definition appears as a string in @all-together/scoring', () => {
    const dir = join(root, '../scoring/src');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    // Characteristic names (sex, sen, fsm, eal…) are the model's vocabulary for breakdowns; the
    // characteristic questions happen to reuse them as ids, and scoring must name them.
    // Likewise the roles declared in scoring (indicators and cut-off names such as `confident`) are
    // how scoring finds items; an item id that happens to equal one is not named by scoring.
    const vocabulary = new Set<string>([
      ...Characteristic.options,
      ...questionnaires().flatMap((d) =>
        itemsOf(d).flatMap((i) => [
          ...(i.scoring.indicator ? [i.scoring.indicator] : []),
          ...Object.keys(i.scoring.cutoffs),
        ]),
      ),
    ]);
    const ids = new Set(
      questionnaires()
        .flatMap((d) => itemsOf(d).map((i) => i.id as string))
        .filter((id) => !vocabulary.has(id)),
    );
    const named = [...ids].filter(
      (id) => sources.includes(`'${id}'`) || sources.includes(`"${id}"`),
    );
    assert.deepEqual(named, []);
  });
});

describe('registry', () => {
  it('gives the newest version when none is asked for, and says what exists when asked for nothing', () => {
    assert.equal(getDefinition('pupil-ks2').version, '2.0.0');
    assert.equal(getDefinition('pupil-ks2', '1.0.0').version, '1.0.0'); // stored answers still score
    assert.throws(
      () => getDefinition('pupil-ks9'),
      /There is no definition "pupil-ks9"\. Shipped: .*pupil-ks2/,
    );
    assert.throws(
      () => getDefinition('pupil-ks2', '9.9.9'),
      /There is no version 9\.9\.9 of "pupil-ks2"\. Shipped: 1\.0\.0, 2\.0\.0/,
    );
    assert.throws(() => getAudit('pupil-ks2'), /not an audit/);
  });
});

describe('README', () => {
  it('lists every definition and fragment with what it rests on, and the table is current (`pnpm readme`)', async () => {
    const { RESTS_ON, withTable } = await import('../scripts/readme-table.js');
    for (const e of [...listDefinitions(), ...listFragments(), ...listDocuments()])
      assert.ok(RESTS_ON[e.id], `README: say what ${e.id} rests on`);
    const path = join(root, 'README.md');
    const readme = readFileSync(path, 'utf8');
    assert.equal(await withTable(readme, path), readme);
  });
});
