// Builds the fixture set of every shipped definition: empty, partial, complete, edge cases and
// invalid responses, each with the verdict validateResponse must give. Deterministic: the files are
// committed and a test regenerates them to check they are current.
// Usage: node --conditions=@all-together/source --import tsx scripts/fixtures.ts [--check]
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  conditionItems,
  itemsOf,
  statementsOf,
  visibleItems,
  type AuditDefinition,
  type Item,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { getDefinition, listDefinitions } from '../src/registry.js';
import { seededRandom } from '../src/random.js';

export interface Fixture {
  name: string;
  description: string;
  /** What validation must say: `true`, or the paths of the problems it must report. */
  expect: true | string[];
  response: Record<string, unknown>;
}

const STARTED = '2026-10-05T09:00:00Z';
const SUBMITTED = '2026-10-05T09:15:00Z';

function base(def: QuestionnaireDefinition, seed: number, answers: Record<string, unknown>) {
  return {
    id: seededRandom(seed).uuid(),
    definition: { id: def.id, version: def.version },
    wave: 'baseline',
    school: '900001',
    mode: 'anonymous',
    characteristics: { source: 'self-report' },
    answers,
    startedAt: STARTED,
    submittedAt: SUBMITTED,
  };
}

/** The answer that opens the most follow-up questions: the highest score, else the first option. */
function fullestAnswer(item: Item): string | string[] {
  if (item.type === 'free-text')
    return 'More adults in the playground at lunchtime.'.slice(0, item.maxLength);
  const values = item.scoring.values ?? {};
  const best = Object.entries(values).sort(([, a], [, b]) => b - a)[0]?.[0];
  const plain = item.options.filter((o) => !o.exclusive && !item.scoring.missing.includes(o.value));
  if (item.type === 'multi-select') return plain.slice(0, 2).map((o) => o.value);
  return best ?? plain[0]?.value ?? item.options[0]!.value;
}

/** Answers every item shown, in order, choosing each answer with `choose`. */
function answerAll(
  def: QuestionnaireDefinition,
  choose: (item: Item, answers: Record<string, string | string[]>) => string | string[] | undefined,
) {
  const answers: Record<string, string | string[]> = {};
  for (const item of itemsOf(def)) {
    if (!visibleItems(def, answers).some((shown) => shown.id === item.id)) continue;
    const value = choose(item, answers);
    if (value !== undefined) answers[item.id] = value;
  }
  return answers;
}

/**
 * The fullest answer, and for an unscored single choice that other questions depend on (a year
 * group that shows the wellbeing questions from Year 3), the first option that shows the most.
 */
function fullestGiven(def: QuestionnaireDefinition) {
  return (item: Item, answers: Record<string, string | string[]>): string | string[] => {
    const fullest = fullestAnswer(item);
    if (item.type === 'free-text' || item.type === 'multi-select' || item.scoring.values)
      return fullest;
    const shown = (value: string) => visibleItems(def, { ...answers, [item.id]: value }).length;
    return item.options
      .filter((o) => !item.scoring.missing.includes(o.value))
      .reduce((best, o) => (shown(o.value) > shown(best) ? o.value : best), fullest as string);
  };
}

function characteristicsOf(
  def: QuestionnaireDefinition,
  answers: Record<string, string | string[]>,
) {
  const out: Record<string, string> = { source: 'self-report' };
  for (const item of itemsOf(def)) {
    const c = item.scoring.kind === 'characteristic' ? item.scoring.characteristic : undefined;
    const a = answers[item.id];
    if (c && typeof a === 'string') out[c] = a;
  }
  return out;
}

export function questionnaireFixtures(def: QuestionnaireDefinition): Fixture[] {
  const complete = answerAll(def, fullestGiven(def));
  const fixtures: Fixture[] = [];
  const withCharacteristics = (answers: Record<string, string | string[]>, seed: number) => ({
    ...base(def, seed, answers),
    characteristics: characteristicsOf(def, answers),
  });
  fixtures.push({
    name: 'empty',
    description: 'Submitted with no answers: every question may be skipped (P5).',
    expect: true,
    response: base(def, 1, {}),
  });
  const shownFirst = visibleItems(def, {}).slice(
    0,
    Math.max(1, Math.floor(visibleItems(def, {}).length / 3)),
  );
  const partial = Object.fromEntries(shownFirst.map((item) => [item.id, fullestAnswer(item)]));
  fixtures.push({
    name: 'partial',
    description: 'The first third of the questions answered, the rest skipped.',
    expect: true,
    response: withCharacteristics(partial, 2),
  });
  fixtures.push({
    name: 'complete',
    description:
      'Every question answered, choosing the answers that open every follow-up question.',
    expect: true,
    response: withCharacteristics(complete, 3),
  });
  const missing = answerAll(
    def,
    (item) => item.scoring.missing[0] ?? (item.type === 'multi-select' ? undefined : undefined),
  );
  fixtures.push({
    name: 'edge-prefer-not-to-say',
    description:
      '"Prefer not to say" (or "Don\'t know") wherever it is offered; it opens no follow-ups.',
    expect: true,
    response: withCharacteristics(missing, 4),
  });
  const freeText = itemsOf(def).find((i) => i.type === 'free-text');
  if (freeText && freeText.type === 'free-text') {
    fixtures.push({
      name: 'edge-longest-text',
      description: `Free text at exactly its limit of ${freeText.maxLength} characters, with markup that must stay text (W1).`,
      expect: true,
      response: withCharacteristics(
        {
          ...complete,
          [freeText.id]: '<img src=x onerror=alert(1)> '.padEnd(freeText.maxLength, 'a'),
        },
        5,
      ),
    });
    fixtures.push({
      name: 'invalid-text-too-long',
      description: 'Free text one character over its limit.',
      expect: [`answers.${freeText.id}`],
      response: withCharacteristics(
        { ...complete, [freeText.id]: 'a'.repeat(freeText.maxLength + 1) },
        6,
      ),
    });
  }
  // A question whose answer is only an answer: not a characteristic (that would also change
  // `characteristics`) and not one that opens follow-ups (they would be refused as hidden too).
  const gates = new Set(
    [...def.sections.map((s) => s.visibleIf), ...itemsOf(def).map((i) => i.visibleIf)]
      .filter((c) => c !== undefined)
      .flatMap((c) => conditionItems(c)),
  );
  const choice = itemsOf(def).find(
    (i) =>
      i.type !== 'free-text' &&
      i.type !== 'multi-select' &&
      !i.visibleIf &&
      i.scoring.kind !== 'characteristic' &&
      !gates.has(i.id),
  );
  if (choice) {
    fixtures.push({
      name: 'invalid-unknown-option',
      description: 'An answer that is not one of the options.',
      expect: [`answers.${choice.id}`],
      response: withCharacteristics({ ...complete, [choice.id]: 'not-an-option' }, 7),
    });
  }
  // A follow-up answered although the question that opens it says it should be hidden.
  const gated = itemsOf(def).find((i) => i.visibleIf && complete[i.id] !== undefined);
  if (gated) {
    const closed = answerAll(def, (item) => {
      const values = item.scoring.values;
      if (!values) return item.type === 'free-text' ? undefined : fullestAnswer(item);
      return Object.entries(values).sort(([, a], [, b]) => a - b)[0]![0];
    });
    if (closed[gated.id] === undefined) {
      fixtures.push({
        name: 'invalid-hidden-answer',
        description: 'An answer to a follow-up question that the earlier answers hide.',
        expect: [`answers.${gated.id}`],
        response: withCharacteristics({ ...closed, [gated.id]: complete[gated.id]! }, 8),
      });
    }
  }
  fixtures.push({
    name: 'invalid-wrong-version',
    description: 'A response to another version of the questionnaire.',
    expect: ['definition.version'],
    response: { ...withCharacteristics(complete, 9), definition: { id: def.id, version: '0.0.1' } },
  });
  return fixtures;
}

export function auditFixtures(def: AuditDefinition): Fixture[] {
  const statements = statementsOf(def);
  const levels = ['fully-met', 'partially-met', 'not-yet-met'] as const;
  const rated = (pick: (i: number) => string) =>
    Object.fromEntries(statements.map((s, i) => [s.id, pick(i)]));
  const audit = (
    seed: number,
    wave: string,
    ratings: Record<string, string>,
    extra: Record<string, unknown> = {},
  ) => ({
    id: seededRandom(seed).uuid(),
    definition: { id: def.id, version: def.version },
    school: '900001',
    wave,
    respondentRole: 'school-lead',
    ratings,
    evidence: {},
    updatedAt: '2026-10-06T15:00:00Z',
    ...extra,
  });
  const firstOfEachArea = def.areas.map((a) => a.statements[0]!.id);
  return [
    {
      name: 'empty',
      description: 'An audit just started: nothing rated.',
      expect: true,
      response: audit(11, 'baseline', {}),
    },
    {
      name: 'partial',
      description: 'The first area rated, the rest not started.',
      expect: true,
      response: audit(
        12,
        'baseline',
        Object.fromEntries(def.areas[0]!.statements.map((s) => [s.id, 'partially-met'])),
      ),
    },
    {
      name: 'complete-baseline',
      description:
        'A baseline audit with every statement rated, mostly partially or not yet met, one "Don\'t know".',
      expect: true,
      response: audit(
        13,
        'baseline',
        rated((i) =>
          i === 2 ? 'dont-know' : levels[(i % 5 === 0 ? 0 : 1 + (i % 2)) as 0 | 1 | 2],
        ),
        {
          evidence: Object.fromEntries(
            firstOfEachArea.map((id) => [
              id,
              [{ note: 'Minutes of the governors’ meeting, September' }],
            ]),
          ),
          completedAt: '2026-10-06T15:00:00Z',
        },
      ),
    },
    {
      name: 'complete-end',
      description:
        'An end audit a year later: most statements fully met, with evidence in every area.',
      expect: true,
      response: audit(
        14,
        'end',
        rated((i) => levels[i % 7 === 3 ? 1 : 0]),
        {
          evidence: Object.fromEntries(
            firstOfEachArea.map((id) => [
              id,
              [
                {
                  note: 'Updated policy, published on the website',
                  url: 'https://example.org/policy',
                },
              ],
            ]),
          ),
          updatedAt: '2027-06-20T15:00:00Z',
          completedAt: '2027-06-20T15:00:00Z',
        },
      ),
    },
    {
      name: 'edge-all-dont-know',
      description: 'Every statement "Don\'t know": flagged, not scored.',
      expect: true,
      response: audit(
        15,
        'baseline',
        rated(() => 'dont-know'),
      ),
    },
    {
      name: 'invalid-unknown-rating',
      description: 'A rating that is not one of the levels.',
      expect: [`ratings.${statements[0]!.id}`],
      response: audit(16, 'baseline', { [statements[0]!.id]: 'mostly-met' }),
    },
  ];
}

export function allFixtures(): Map<string, Fixture[]> {
  const out = new Map<string, Fixture[]>();
  for (const entry of listDefinitions()) {
    const def = getDefinition(entry.id, entry.version);
    out.set(
      `${def.id}/${def.version}`,
      def.kind === 'audit' ? auditFixtures(def) : questionnaireFixtures(def),
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../fixtures/', import.meta.url).pathname;
  let stale = 0;
  const check = process.argv.includes('--check');
  if (!check) rmSync(root, { recursive: true, force: true });
  for (const [key, fixtures] of allFixtures()) {
    for (const fixture of fixtures) {
      const file = join(root, key, `${fixture.name}.json`);
      const text = JSON.stringify(fixture, null, 2) + '\n';
      if (check) {
        if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
          stale++;
          console.error(`stale: fixtures/${key}/${fixture.name}.json`);
        }
      } else {
        mkdirSync(join(root, key), { recursive: true });
        writeFileSync(file, text);
      }
    }
  }
  if (stale) {
    console.error('Fixtures are out of date: run `pnpm fixtures`.');
    process.exit(1);
  }
  console.log(check ? 'fixtures are current' : 'wrote fixtures/');
}
