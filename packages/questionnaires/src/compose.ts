import * as z from 'zod';
import {
  IDENTITY_CHARACTERISTICS,
  IndicatorDeclaration,
  LocalisedText,
  QuestionnaireDefinition,
  Scale,
  Section,
  SemVer,
  DefinitionId,
  check,
  problem,
  producedIndicators,
  type Checked,
  type SectionId,
  type Problem,
} from '@all-together/model';
import { QuestionnaireFragment } from './fragment.js';

/**
 * One step of a composition, as data, so a deployment can keep its configuration as JSON:
 *
 * - `add-items`: add items (in the definition's item format) to a section, at its end or after an
 *   item, with a declaration of what each indicator they produce means (`indicators`);
 * - `add-fragment`: add a fragment's sections and scales, where the fragment says;
 * - `remove-section` / `remove-items`: take parts out (for example `about-you` when characteristics
 *   come from school records);
 * - `set-parameter`: change a parameter, for example the reference period;
 * - `without-identity-questions`: remove every identity item (gender, LGBT identity);
 * - `swap-scale`: replace a scale and its items with a fragment's (another wellbeing measure).
 */
export const CompositionStep = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('add-items'),
    section: z.string(),
    after: z.string().optional(),
    items: z.array(z.unknown()).min(1),
    indicators: z.array(IndicatorDeclaration).default([]),
  }),
  z.strictObject({ op: z.literal('add-fragment'), fragment: QuestionnaireFragment }),
  z.strictObject({ op: z.literal('remove-section'), section: z.string() }),
  z.strictObject({ op: z.literal('remove-items'), items: z.array(z.string()).min(1) }),
  z.strictObject({ op: z.literal('set-parameter'), name: z.string(), value: LocalisedText }),
  z.strictObject({ op: z.literal('without-identity-questions') }),
  z.strictObject({
    op: z.literal('swap-scale'),
    scale: z.string(),
    fragment: QuestionnaireFragment,
  }),
]);
export type CompositionStep = z.input<typeof CompositionStep>;

/** What the composed definition is called. A composition is always a new version (or a new id). */
export const CompositionTarget = z.strictObject({
  id: DefinitionId.optional(),
  version: SemVer,
  title: LocalisedText.optional(),
});
export type CompositionTarget = z.input<typeof CompositionTarget>;

// The composition works on plain JSON, so that each step can add input in the definition's own
// format and the result is parsed (with every cross-field rule) exactly once at the end.
type Json = Record<string, unknown>;
type JsonSection = Json & { id: string; items: (Json & { id: string; scoring?: Json })[] };
type JsonDeclaration = Json & { key: string; composite?: { of: string }; allOf?: string[] };
type JsonDefinition = Json & {
  sections: JsonSection[];
  scales?: (Json & { id: string })[];
  audience: string;
  indicators?: JsonDeclaration[];
};

/** Adds declarations, replacing any of the same key (a fragment or the LA's items say what theirs mean). */
function declare(def: JsonDefinition, declarations: readonly unknown[]): void {
  if (declarations.length === 0) return;
  const added = structuredClone(declarations) as JsonDeclaration[];
  const keys = new Set(added.map((d) => d.key));
  def.indicators = [...(def.indicators ?? []).filter((d) => !keys.has(d.key)), ...added];
}

/**
 * Drops the declarations of indicators no item produces any more (a removed section, a swapped
 * scale), so removing items never leaves a declaration behind; a combination goes with its parts.
 */
function pruneDeclarations(def: JsonDefinition): void {
  if (!def.indicators) return;
  const sections = z.array(Section).safeParse(def.sections);
  const scales = z.array(Scale).safeParse(def.scales ?? []);
  if (!sections.success || !scales.success) return; // the final check reports what is wrong
  const parsed = { sections: sections.data, scales: scales.data };
  const produced = new Set(producedIndicators(parsed).map((p) => p.key));
  const feeds = new Set(
    parsed.sections.flatMap((s) =>
      s.items.flatMap((i) =>
        i.type !== 'free-text' && i.scoring.kind === 'agreement' && i.scoring.indicator
          ? [i.scoring.indicator]
          : [],
      ),
    ),
  );
  def.indicators = def.indicators.filter((d) =>
    d.composite
      ? feeds.has(d.composite.of)
      : d.allOf
        ? d.allOf.every((k) => produced.has(k))
        : produced.has(d.key),
  );
}

function insertFragment(
  def: JsonDefinition,
  fragment: QuestionnaireFragment,
  at: string[],
): Problem[] {
  const problems: Problem[] = [];
  if (!fragment.audiences.includes(def.audience as never)) {
    problems.push(
      problem(
        [...at, 'fragment', 'audiences'],
        `Fragment "${fragment.id}" is for ${fragment.audiences.join(', ')}, not ${def.audience}.`,
      ),
    );
    return problems;
  }
  const sections = structuredClone(fragment.sections) as unknown as JsonSection[];
  let index = def.sections.length;
  if (fragment.placement) {
    const anchor =
      'before' in fragment.placement ? fragment.placement.before : fragment.placement.after;
    const found = def.sections.findIndex((s) => s.id === anchor);
    if (found === -1) {
      problems.push(
        problem(
          [...at, 'fragment', 'placement'],
          `There is no section "${anchor}" to place it by.`,
        ),
      );
    } else index = 'before' in fragment.placement ? found : found + 1;
  }
  def.sections.splice(index, 0, ...sections);
  def.scales = [
    ...(def.scales ?? []),
    ...(structuredClone(fragment.scales) as unknown as (Json & { id: string })[]),
  ];
  declare(def, fragment.indicators);
  return problems;
}

function removeItems(
  def: JsonDefinition,
  keep: (item: JsonSection['items'][number]) => boolean,
): number {
  let removed = 0;
  for (const section of def.sections) {
    const before = section.items.length;
    section.items = section.items.filter(keep);
    removed += before - section.items.length;
  }
  def.sections = def.sections.filter((s) => s.items.length > 0);
  return removed;
}

/**
 * Composes a new definition from a base and steps, and validates the result with every rule of
 * `QuestionnaireDefinition` (no dangling `visibleIf`, scoring references resolve, complete locales,
 * no identity questions for KS1/KS2…). Never throws; problems name the step or the composed path.
 *
 * @example
 * const result = compose(ks2, { version: '1.0.0-la873.1' }, [
 *   { op: 'set-parameter', name: 'referencePeriod', value: { 'en-GB': 'since Christmas' } },
 *   { op: 'remove-section', section: 'about-you' },
 * ]);
 */
export function compose(
  base: QuestionnaireDefinition,
  target: CompositionTarget,
  steps: readonly CompositionStep[],
): Checked<QuestionnaireDefinition> {
  const problems: Problem[] = [];
  const parsedTarget = check(CompositionTarget, target);
  if (!parsedTarget.ok) {
    return {
      ok: false,
      problems: parsedTarget.problems.map((p) => ({
        ...p,
        path: ['target', ...p.path],
        at: `target.${p.at}`,
      })),
    };
  }
  const { id = base.id, version, title } = parsedTarget.value;
  if (id === base.id && version === base.version) {
    problems.push(
      problem(
        ['target', 'version'],
        `A composed definition needs a new version (the base is ${base.id}@${base.version}).`,
      ),
    );
  }

  const def = structuredClone(base) as unknown as JsonDefinition;
  def.id = id;
  def.version = version;
  if (title) def.title = title;

  steps.forEach((raw, i) => {
    const at = ['steps', String(i)];
    const parsed = check(CompositionStep, raw);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => problem([...at, ...p.path], p.message)));
      return;
    }
    const step = parsed.value;
    switch (step.op) {
      case 'add-items': {
        const section = def.sections.find((s) => s.id === step.section);
        if (!section) {
          problems.push(problem([...at, 'section'], `There is no section "${step.section}".`));
          break;
        }
        let index = section.items.length;
        if (step.after !== undefined) {
          const found = section.items.findIndex((item) => item.id === step.after);
          if (found === -1)
            problems.push(
              problem([...at, 'after'], `Section "${step.section}" has no item "${step.after}".`),
            );
          else index = found + 1;
        }
        section.items.splice(index, 0, ...(structuredClone(step.items) as JsonSection['items']));
        declare(def, step.indicators);
        break;
      }
      case 'add-fragment':
        problems.push(...insertFragment(def, step.fragment, at));
        break;
      case 'remove-section': {
        const before = def.sections.length;
        def.sections = def.sections.filter((s) => s.id !== step.section);
        if (def.sections.length === before)
          problems.push(problem([...at, 'section'], `There is no section "${step.section}".`));
        break;
      }
      case 'remove-items': {
        const ids = new Set(step.items);
        const removed = removeItems(def, (item) => !ids.has(item.id));
        if (removed !== ids.size)
          problems.push(
            problem([...at, 'items'], 'Some of these items are not in the definition.'),
          );
        break;
      }
      case 'set-parameter': {
        const parameters = (def.parameters ?? {}) as Record<string, unknown>;
        if (!(step.name in parameters)) {
          problems.push(
            problem(
              [...at, 'name'],
              `There is no parameter "${step.name}"; the definition has ${Object.keys(parameters).join(', ') || 'none'}.`,
            ),
          );
        } else parameters[step.name] = step.value;
        break;
      }
      case 'without-identity-questions':
        removeItems(def, (item) => {
          const c = item.scoring?.characteristic as string | undefined;
          return !(
            item.scoring?.kind === 'characteristic' &&
            c &&
            (IDENTITY_CHARACTERISTICS as string[]).includes(c)
          );
        });
        break;
      case 'swap-scale': {
        if (!(def.scales ?? []).some((s) => s.id === step.scale)) {
          problems.push(problem([...at, 'scale'], `There is no scale "${step.scale}" to swap.`));
          break;
        }
        // The replacement goes where the old scale's first section was: the fragment's own placement
        // is for adding it beside a scale, and may name the very section this swap removes.
        const firstSection = def.sections.find((s) =>
          s.items.some((item) => item.scoring?.scale === step.scale),
        );
        const anchorIndex = firstSection ? def.sections.indexOf(firstSection) : def.sections.length;
        const previous = def.sections[anchorIndex - 1]?.id;
        def.scales = (def.scales ?? []).filter((s) => s.id !== step.scale);
        removeItems(def, (item) => item.scoring?.scale !== step.scale);
        const fragment = {
          ...step.fragment,
          placement: previous ? { after: previous as SectionId } : undefined,
        };
        problems.push(...insertFragment(def, fragment, at));
        break;
      }
    }
  });

  pruneDeclarations(def);
  const result = check(QuestionnaireDefinition, def);
  if (!result.ok) {
    problems.push(
      ...result.problems.map((p) => ({
        ...p,
        message: `In the composed definition: ${p.message}`,
      })),
    );
  }
  return problems.length > 0 || !result.ok ? { ok: false, problems } : result;
}
