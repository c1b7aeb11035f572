import * as z from 'zod';
import {
  Characteristic,
  CHARACTERISTIC_VALUES,
  IDENTITY_CHARACTERISTICS,
} from './characteristics.js';
import { Condition, conditionItems } from './conditions.js';
import { DefinitionId, ItemId, OptionValue, SectionId, SemVer, StatementId } from './ids.js';
import { checkLocales, type Path } from './checks.js';
import { Link, LocaleCode, LocalisedText, SchemaReference } from './text.js';

/** Who a questionnaire is for. The three pupil audiences are the key-stage versions. */
export const Audience = z.enum([
  'pupil-ks1',
  'pupil-ks2',
  'pupil-secondary',
  'staff',
  'parent-carer',
  'governor',
  'school-lead',
  'cpd-delegate',
]);
export type Audience = z.infer<typeof Audience>;

/** The pupil audiences. */
export const PUPIL_AUDIENCES: readonly Audience[] = ['pupil-ks1', 'pupil-ks2', 'pupil-secondary'];

/** The pictogram of a faces-scale option; the option's label is always shown beside it (A10). */
export const Face = z.enum(['happy', 'neutral', 'sad']);
export type Face = z.infer<typeof Face>;

/** One choice of a choice-type item. */
export const Option = z.strictObject({
  value: OptionValue,
  label: LocalisedText,
  /** Spoken instead of the label by read-aloud, when the label reads badly. */
  readAloud: LocalisedText.optional(),
  /** In a multi-select, choosing this clears the others ("None of these", "No one"). */
  exclusive: z.boolean().default(false),
  /** The pictogram, for faces-scale items only. */
  face: Face.optional(),
});
export type Option = z.infer<typeof Option>;

/** A short name for a role in scoring: a cut-off, a band or an indicator. */
const Key = z
  .string()
  .regex(
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
    'A key is lower-case words joined by -, for example "frequent".',
  );

/**
 * How an item is scored, declared in the definition so that scoring code never names an item
 * (style.md: behaviour is declared in data). Options listed in `values` carry a score; options in
 * `missing` ("Prefer not to say", "Don't know") are counted as missing, never as zero.
 */
export const ScoringDeclaration = z.strictObject({
  /**
   * `frequency` (how often), `agreement` (how much), `scale-item` (part of a declared scale such as
   * wellbeing), `category` (one of several, counted), `categories` (any of several), `yes-no`,
   * `characteristic` (fills the response's characteristics), `none` (not scored).
   */
  kind: z.enum([
    'frequency',
    'agreement',
    'scale-item',
    'category',
    'categories',
    'yes-no',
    'characteristic',
    'none',
  ]),
  /**
   * The indicator this item feeds, by role: scoring finds items by it, for example
   * `victimisation`, `victimisation-online`, `bullying-others`, `types`, `told`, `feelings`.
   */
  indicator: Key.optional(),
  /** The score of each scored option. */
  values: z.record(OptionValue, z.number().finite()).optional(),
  /** Options that count as missing answers. */
  missing: z.array(OptionValue).default([]),
  /** Reverse-keyed: flipped (max + min − score) before it joins a composite or scale. */
  reverse: z.boolean().default(false),
  /** Named thresholds on the score, for example `{ "any": 1, "frequent": 2 }` or `{ "agree": 2 }`. */
  cutoffs: z.record(Key, z.number().finite()).default({}),
  /** The scale this item belongs to (kind `scale-item`). */
  scale: Key.optional(),
  /** The characteristic this item asks (kind `characteristic`): option values are its values. */
  characteristic: Characteristic.optional(),
});
export type ScoringDeclaration = z.infer<typeof ScoringDeclaration>;

const itemBase = {
  id: ItemId,
  /** The question as the person reads it. May contain `{referencePeriod}` and other parameters. */
  text: LocalisedText,
  /** A hint under the question. */
  hint: LocalisedText.optional(),
  /** What read-aloud speaks for the question, when it differs from the text (required for KS1). */
  readAloud: LocalisedText.optional(),
  /**
   * A short notice in the respondent's language shown before the item (P7), for example before a
   * characteristic or free-text question.
   */
  notice: LocalisedText.optional(),
  /** No pupil item is required by default (reliability.md P5). */
  required: z.boolean().default(false),
  visibleIf: Condition.optional(),
  /** The audit statements this item gives evidence on (perception surveys, the 360° view). */
  statements: z.array(StatementId).default([]),
  /** Added by the SDK team where the public record is silent; to be confirmed by the programme. */
  provisional: z.boolean().default(false),
  scoring: ScoringDeclaration.default({ kind: 'none', missing: [], reverse: false, cutoffs: {} }),
};

const options = z.array(Option).min(2, 'A choice question needs at least two options.').max(20);

/** How often something happened: Not at all … Several times a week, plus Prefer not to say. */
export const FrequencyItem = z.strictObject({ ...itemBase, type: z.literal('frequency'), options });
/** How much the person agrees. */
export const AgreementItem = z.strictObject({ ...itemBase, type: z.literal('agreement'), options });
/** A faces scale for young pupils: each option has a pictogram and a text label. */
export const FacesItem = z.strictObject({ ...itemBase, type: z.literal('faces'), options });
/** One option from a list. */
export const SingleChoiceItem = z.strictObject({
  ...itemBase,
  type: z.literal('single-choice'),
  options,
});
/** Any number of options from a list; an `exclusive` option stands alone. */
export const MultiSelectItem = z.strictObject({
  ...itemBase,
  type: z.literal('multi-select'),
  options,
  minSelected: z.int().min(0).default(0),
  maxSelected: z.int().min(1).optional(),
});
/** Yes or no, optionally with a missing option such as "Not sure" or "Prefer not to say". */
export const YesNoItem = z.strictObject({
  ...itemBase,
  type: z.literal('yes-no'),
  options: z.array(Option).min(2, 'A choice question needs at least two options.').max(4),
});
/** Free text with a character limit; a warning (P11) is shown above the box. */
export const FreeTextItem = z.strictObject({
  ...itemBase,
  type: z.literal('free-text'),
  maxLength: z.int().min(1).max(2000),
  /** For example "Don't write your name or anyone else's…" with Childline's number (P11). */
  warning: LocalisedText.optional(),
});

/** Any item: a union discriminated on `type`. */
export const Item = z.discriminatedUnion('type', [
  FrequencyItem,
  AgreementItem,
  FacesItem,
  SingleChoiceItem,
  MultiSelectItem,
  YesNoItem,
  FreeTextItem,
]);
export type Item = z.infer<typeof Item>;
export type FrequencyItem = z.infer<typeof FrequencyItem>;
export type AgreementItem = z.infer<typeof AgreementItem>;
export type FacesItem = z.infer<typeof FacesItem>;
export type SingleChoiceItem = z.infer<typeof SingleChoiceItem>;
export type MultiSelectItem = z.infer<typeof MultiSelectItem>;
export type YesNoItem = z.infer<typeof YesNoItem>;
export type FreeTextItem = z.infer<typeof FreeTextItem>;
/** The item types, for loops in tests and stories. */
export const ITEM_TYPES = Item.options.map((o) => o.shape.type.value);
export type ItemType = Item['type'];
/** An item that has options. */
export type ChoiceItem = Exclude<Item, FreeTextItem>;

/** A group of items shown together in section-per-page mode, with a title. */
export const Section = z.strictObject({
  id: SectionId,
  title: LocalisedText,
  intro: LocalisedText.optional(),
  visibleIf: Condition.optional(),
  items: z.array(Item).min(1, 'A section needs at least one item.'),
});
export type Section = z.infer<typeof Section>;

/** A score band, for example "elevated" from 12 to 20. Bounds are inclusive. */
export const Band = z.strictObject({
  id: Key,
  label: LocalisedText,
  min: z.number().finite(),
  max: z.number().finite(),
});
export type Band = z.infer<typeof Band>;

/** A multi-item scale such as the wellbeing measure: how items combine into one score. */
export const Scale = z.strictObject({
  id: Key,
  title: LocalisedText,
  /** `sum` of item scores (after reverse keys) or their `mean`. */
  method: z.enum(['sum', 'mean']),
  /** Which way is good news. */
  direction: z.enum(['higher-is-better', 'higher-is-worse']),
  /** Prorate a sum when at most this many items are missing; with more, there is no score. */
  prorate: z.strictObject({ maxMissing: z.int().min(0) }).optional(),
  bands: z.array(Band).default([]),
  /** Who to credit, for example the authors of a free-to-use measure. */
  credit: LocalisedText.optional(),
});
export type Scale = z.infer<typeof Scale>;

/**
 * Which way is good news for an indicator: `higher-is-worse` (frequent victimisation, "told no one",
 * "it didn't stop"), `higher-is-better` (feeling safe, "told an adult at school") or `neither` (a
 * distribution such as the types of bullying, where no direction is a judgement).
 */
export const IndicatorDirection = z.enum(['higher-is-worse', 'higher-is-better', 'neither']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;

/**
 * Who an indicator's question is asked of: every respondent, only pupils who said they were bullied
 * (types, telling), or only pupils who were bullied and told someone ("did it stop"). A percentage
 * is always "of" this population, and results say so.
 */
export const IndicatorPopulation = z.enum(['all', 'bullied', 'bullied-and-told']);
export type IndicatorPopulation = z.infer<typeof IndicatorPopulation>;

/**
 * An indicator's published key, as scoring names it: `<indicator>.<cut-off>` for frequency items
 * (`victimisation.frequent`), `<indicator>.<option>` for categories (`told.no-one`),
 * `<indicator>.<item>.<cut-off>` for agreement items (`feelings.feel-safe.agree`), `<indicator>.yes`
 * for yes/no items, `scale.<scale>` for scales, and any declared composite or combination.
 */
export const IndicatorKey = z
  .string()
  .max(160)
  .regex(
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
    'An indicator key is lower-case words joined by - and ., for example "victimisation.frequent".',
  );
export type IndicatorKey = z.infer<typeof IndicatorKey>;

/**
 * What one published indicator means, declared in the definition so that scoring, the elements and
 * portals never infer meaning from a key's name (style.md: meaning is data). Every indicator a
 * pupil questionnaire produces must be declared, and nothing else may be.
 */
export const IndicatorDeclaration = z.strictObject({
  key: IndicatorKey,
  /** What was asked, in words a head teacher reads without the questionnaire beside them. */
  label: LocalisedText,
  direction: IndicatorDirection,
  population: IndicatorPopulation,
  /**
   * A 0–100 composite: the mean, per pupil, of the agreement items feeding indicator `of` (reverse
   * items flipped), for pupils who answered at least `minAnswered` of them (a share, default 0.5).
   */
  composite: z
    .strictObject({ of: Key, minAnswered: z.number().min(0).max(1).default(0.5) })
    .optional(),
  /** A combination: yes when every one of these binary indicators is yes (bully-victim). */
  allOf: z.array(IndicatorKey).min(2).optional(),
  /**
   * A figure the programme itself reported for this indicator (the end-of-programme survey's
   * national figures, for one), shown beside an area's own as a point of comparison and never
   * added to it: a whole-number percentage, and where it comes from in words.
   */
  reported: z
    .strictObject({ percent: z.number().int().min(0).max(100), source: LocalisedText })
    .optional(),
});
export type IndicatorDeclaration = z.infer<typeof IndicatorDeclaration>;

/** What the person sees before the first question. */
export const Preamble = z.strictObject({
  /** What it is about. */
  intro: LocalisedText,
  /** The child-friendly definition of bullying, for pupil questionnaires. */
  bullyingDefinition: LocalisedText.optional(),
  /** About how long it takes, in minutes. */
  minutes: z.int().min(1).max(120),
  /** Who sees the answers (for pupils: nobody at school sees your own answers). */
  privacy: LocalisedText,
});
export type Preamble = z.infer<typeof Preamble>;

/** Where to get help, shown at the end of every questionnaire and from every page. */
export const Help = z.strictObject({
  text: LocalisedText,
  links: z.array(Link).default([]),
});
export type Help = z.infer<typeof Help>;

/** A parameter's name, as written in texts: `{referencePeriod}`. */
const ParameterName = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9]*$/,
    'A parameter name is camelCase letters and digits, for example "referencePeriod".',
  );

/** Named parameters used as `{name}` in texts, with their default values. */
export const Parameters = z.record(ParameterName, LocalisedText).default({});

/**
 * A questionnaire: pupil, perception, CPD or end-of-programme survey. A released version is never
 * edited; a change is a new version.
 */
export const QuestionnaireDefinition = z
  .strictObject({
    /** The file's JSON Schema, for editors (`SchemaReference`); ignored by parsing. */
    $schema: SchemaReference.optional(),
    kind: z.literal('questionnaire'),
    id: DefinitionId,
    version: SemVer,
    title: LocalisedText,
    audience: Audience,
    /** Every locale this definition gives every text in. */
    locales: z.array(LocaleCode).min(1),
    defaultLocale: LocaleCode,
    preamble: Preamble,
    parameters: Parameters,
    sections: z.array(Section).min(1, 'A questionnaire needs at least one section.'),
    scales: z.array(Scale).default([]),
    help: Help,
    /** What the instrument rests on, and credits. */
    basis: LocalisedText.optional(),
    /**
     * What each indicator this questionnaire produces means (direction, who was asked, a label).
     * Required for pupil questionnaires; other surveys may leave it out (their agreement items then
     * read their direction from each item's declared `reverse`).
     */
    indicators: z.array(IndicatorDeclaration).optional(),
    /**
     * Definitions that ask the same questions with the same options and cut-offs share this key, and
     * only they are ever added together (KS2 and secondary: `pupil-ks2-secondary`; KS1 asks
     * differently and stands alone). Default: the definition's own id.
     */
    comparableAs: Key.optional(),
  })
  .superRefine((def, ctx) => {
    for (const issue of checkQuestionnaire(def)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinition>;

/** Every item of a definition in order, with where it sits. */
export function itemsOf(def: Pick<QuestionnaireDefinition, 'sections'>): Item[] {
  return def.sections.flatMap((s) => s.items);
}

/** Finds an item by id. */
export function findItem(
  def: Pick<QuestionnaireDefinition, 'sections'>,
  id: string,
): Item | undefined {
  for (const s of def.sections) for (const i of s.items) if (i.id === id) return i;
  return undefined;
}

/** One indicator a questionnaire's items produce, before any declaration is read. */
export interface ProducedIndicator {
  key: string;
  /** `binary` (a share of respondents) or `score` (a scale's score). */
  kind: 'binary' | 'score';
  /** The item (or, for a scale, the scale) it comes from. */
  from: string;
  /** Where in the definition it comes from, for path-precise errors. */
  path: (string | number)[];
}

/**
 * The indicator keys a questionnaire's items produce, by the one naming rule scoring uses:
 * `<indicator>.<cut-off>` for each cut-off of a frequency item, `<indicator>.<option>` for each
 * counted option of a category item, `<indicator>.yes` for a yes/no item,
 * `<indicator>.<item>.<cut-off>` for each cut-off of an agreement item, and `scale.<id>` for each
 * scale with items. Declared composites and combinations are not included (they are declared, not
 * produced).
 *
 * @example
 * producedIndicators(ks2).map((p) => p.key).slice(0, 2); // ['victimisation.any', 'victimisation.frequent']
 */
export function producedIndicators(
  def: Pick<QuestionnaireDefinition, 'sections' | 'scales'>,
): ProducedIndicator[] {
  const out: ProducedIndicator[] = [];
  def.sections.forEach((section, si) =>
    section.items.forEach((item, ii) => {
      if (item.type === 'free-text') return;
      const s = item.scoring;
      const path = ['sections', si, 'items', ii, 'scoring'];
      const add = (key: string) => out.push({ key, kind: 'binary', from: item.id, path });
      if (!s.indicator) return;
      if (s.kind === 'frequency' && s.values) {
        for (const name of Object.keys(s.cutoffs)) add(`${s.indicator}.${name}`);
      } else if (s.kind === 'categories' || s.kind === 'category') {
        for (const o of item.options)
          if (!s.missing.includes(o.value)) add(`${s.indicator}.${o.value}`);
      } else if (s.kind === 'yes-no') {
        add(`${s.indicator}.yes`);
      } else if (s.kind === 'agreement' && s.values) {
        for (const name of Object.keys(s.cutoffs)) add(`${s.indicator}.${item.id}.${name}`);
      }
    }),
  );
  def.scales.forEach((scale, si) => {
    const used = def.sections.some((sec) =>
      sec.items.some((i) => i.type !== 'free-text' && i.scoring.scale === scale.id),
    );
    if (used)
      out.push({ key: `scale.${scale.id}`, kind: 'score', from: scale.id, path: ['scales', si] });
  });
  return out;
}

/** The declarations of a questionnaire's indicators are complete, unique and consistent. */
function checkIndicators(
  def: Omit<QuestionnaireDefinition, 'kind'>,
  add: (path: Path, message: string) => void,
): void {
  const produced = producedIndicators(def);
  const byKey = new Map<string, ProducedIndicator>();
  for (const p of produced) {
    const before = byKey.get(p.key);
    if (before) {
      add(
        p.path,
        `Indicator "${p.key}" is produced by both "${before.from}" and "${p.from}"; give one of them another indicator name.`,
      );
    } else byKey.set(p.key, p);
  }
  const declarations = def.indicators;
  if (!declarations) {
    if (PUPIL_AUDIENCES.includes(def.audience) && produced.length > 0) {
      add(
        ['indicators'],
        `A pupil questionnaire declares what each of its indicators means (direction, who was asked, a label); declare: ${[...byKey.keys()].join(', ')}.`,
      );
    }
    return;
  }
  const declared = new Map<string, number>();
  declarations.forEach((d, di) => {
    const dp: Path = ['indicators', di];
    if (declared.has(d.key)) add([...dp, 'key'], `Indicator "${d.key}" is declared twice.`);
    declared.set(d.key, di);
    const source = byKey.get(d.key);
    if (d.composite && d.allOf)
      add(dp, `Indicator "${d.key}" cannot be both a composite and a combination.`);
    if (d.composite) {
      if (source)
        add([...dp, 'composite'], `Indicator "${d.key}" is already produced by "${source.from}".`);
      const feeds = def.sections.some((sec) =>
        sec.items.some(
          (i) =>
            i.type !== 'free-text' &&
            i.scoring.kind === 'agreement' &&
            i.scoring.indicator === d.composite!.of,
        ),
      );
      if (!feeds)
        add([...dp, 'composite', 'of'], `No agreement item feeds indicator "${d.composite.of}".`);
    } else if (d.allOf) {
      if (source)
        add([...dp, 'allOf'], `Indicator "${d.key}" is already produced by "${source.from}".`);
      d.allOf.forEach((k, ki) => {
        const p = byKey.get(k);
        if (!p || p.kind !== 'binary')
          add([...dp, 'allOf', ki], `"${k}" is not a yes/no indicator of this questionnaire.`);
      });
    } else if (!source) {
      add(
        [...dp, 'key'],
        `No item produces indicator "${d.key}". Produced: ${[...byKey.keys()].join(', ') || 'none'}.`,
      );
    } else if (source.kind === 'score') {
      const scale = def.scales.find((sc) => `scale.${sc.id}` === d.key);
      if (scale && d.direction !== scale.direction) {
        add(
          [...dp, 'direction'],
          `Indicator "${d.key}" is declared ${d.direction}, but its scale says ${scale.direction}.`,
        );
      }
    }
  });
  for (const [key, p] of byKey) {
    if (!declared.has(key))
      add(['indicators'], `Indicator "${key}" (produced by "${p.from}") is not declared.`);
  }
}

const SCORED_KINDS = new Set<ScoringDeclaration['kind']>(['frequency', 'agreement', 'scale-item']);

/**
 * The cross-field rules a single schema cannot express. Returns every problem with its path.
 * Exported so composition (adding items, swapping scales) can re-run it on the result.
 */
export function checkQuestionnaire(
  def: Omit<QuestionnaireDefinition, 'kind'>,
): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });

  if (!def.locales.includes(def.defaultLocale)) {
    add(['defaultLocale'], `The default locale "${def.defaultLocale}" is not among the locales.`);
  }
  if (new Set(def.locales).size !== def.locales.length)
    add(['locales'], 'A locale is listed twice.');

  const seenSections = new Set<string>();
  const seenItems = new Map<string, Item>();
  const scaleIds = new Set(def.scales.map((s) => s.id));
  const isPupil = PUPIL_AUDIENCES.includes(def.audience);

  const checkCondition = (condition: Condition, path: Path) => {
    for (const ref of conditionItems(condition)) {
      if (!seenItems.has(ref)) {
        add(
          path,
          `The condition reads item "${ref}", which is not an earlier item of this questionnaire.`,
        );
      }
    }
    const walk = (c: Condition, p: Path) => {
      if (c.op === 'all' || c.op === 'any')
        c.conditions.forEach((cc, i) => walk(cc, [...p, 'conditions', i]));
      else if (c.op === 'not') walk(c.condition, [...p, 'condition']);
      else {
        const target = seenItems.get(c.item);
        if (!target) return;
        const known =
          target.type === 'free-text' ? [] : target.options.map((o) => o.value as string);
        const wanted = c.op === 'equals' ? [c.value] : c.op === 'in' ? c.values : [];
        for (const v of wanted) {
          if (!known.includes(v)) add([...p], `Item "${c.item}" has no option "${v}".`);
        }
        if (c.op === 'score-at-least' && !target.scoring.values) {
          add(
            [...p],
            `Item "${c.item}" declares no scored values, so score-at-least cannot apply.`,
          );
        }
      }
    };
    walk(condition, path);
  };

  def.sections.forEach((section, si) => {
    const sp: Path = ['sections', si];
    if (seenSections.has(section.id))
      add([...sp, 'id'], `Section id "${section.id}" is used twice.`);
    seenSections.add(section.id);
    if (section.visibleIf) checkCondition(section.visibleIf, [...sp, 'visibleIf']);

    section.items.forEach((item, ii) => {
      const ip: Path = [...sp, 'items', ii];
      if (seenItems.has(item.id)) add([...ip, 'id'], `Item id "${item.id}" is used twice.`);
      if (item.visibleIf) checkCondition(item.visibleIf, [...ip, 'visibleIf']);
      seenItems.set(item.id, item);

      const scoring = item.scoring;
      if (item.type === 'free-text') {
        if (scoring.kind !== 'none')
          add([...ip, 'scoring', 'kind'], 'A free-text item cannot be scored.');
        if (isPupil && !item.warning) {
          add(
            [...ip, 'warning'],
            'A free-text item for pupils needs a warning above the box (P11).',
          );
        }
        return;
      }

      const values = item.options.map((o) => o.value as string);
      const dup = values.find((v, i) => values.indexOf(v) !== i);
      if (dup) add([...ip, 'options'], `Option "${dup}" is listed twice.`);

      item.options.forEach((o, oi) => {
        if (item.type === 'faces' && !o.face) {
          add([...ip, 'options', oi, 'face'], 'Every option of a faces item needs a face.');
        }
        if (item.type !== 'faces' && o.face) {
          add([...ip, 'options', oi, 'face'], 'Only faces items have faces.');
        }
        if (o.exclusive && item.type !== 'multi-select') {
          add([...ip, 'options', oi, 'exclusive'], 'Only multi-select options can be exclusive.');
        }
      });
      if (item.type === 'multi-select' && item.maxSelected !== undefined) {
        if (item.maxSelected < item.minSelected) {
          add([...ip, 'maxSelected'], 'maxSelected is smaller than minSelected.');
        }
      }

      for (const v of Object.keys(scoring.values ?? {})) {
        if (!values.includes(v))
          add([...ip, 'scoring', 'values', v], `There is no option "${v}" to score.`);
      }
      scoring.missing.forEach((v, mi) => {
        if (!values.includes(v))
          add([...ip, 'scoring', 'missing', mi], `There is no option "${v}".`);
        if (scoring.values && v in scoring.values) {
          add(
            [...ip, 'scoring', 'missing', mi],
            `Option "${v}" cannot be both scored and missing.`,
          );
        }
      });
      if (SCORED_KINDS.has(scoring.kind)) {
        if (!scoring.values) {
          add(
            [...ip, 'scoring', 'values'],
            `A ${scoring.kind} item needs a score for each option.`,
          );
        } else {
          for (const v of values) {
            if (!(v in scoring.values) && !scoring.missing.includes(v)) {
              add([...ip, 'scoring', 'values'], `Option "${v}" is neither scored nor missing.`);
            }
          }
        }
      }
      if (scoring.kind === 'scale-item') {
        if (!scoring.scale) add([...ip, 'scoring', 'scale'], 'A scale item names its scale.');
        else if (!scaleIds.has(scoring.scale)) {
          add(
            [...ip, 'scoring', 'scale'],
            `There is no scale "${scoring.scale}" in this questionnaire.`,
          );
        }
      } else if (scoring.scale) {
        add([...ip, 'scoring', 'scale'], 'Only scale items name a scale.');
      }
      if (scoring.kind === 'characteristic') {
        const c = scoring.characteristic;
        if (!c)
          add(
            [...ip, 'scoring', 'characteristic'],
            'A characteristic item names its characteristic.',
          );
        else {
          const allowed = CHARACTERISTIC_VALUES[c];
          item.options.forEach((o, oi) => {
            if (!allowed.includes(o.value)) {
              add(
                [...ip, 'options', oi, 'value'],
                `"${o.value}" is not a value of ${c}; use one of ${allowed.join(', ')}.`,
              );
            }
          });
          if (!item.options.some((o) => o.value === 'prefer-not-to-say')) {
            add(
              [...ip, 'options'],
              'Every characteristic question offers "prefer-not-to-say" (P5).',
            );
          }
          if (
            IDENTITY_CHARACTERISTICS.includes(c) &&
            (def.audience === 'pupil-ks1' || def.audience === 'pupil-ks2')
          ) {
            add(
              [...ip, 'scoring', 'characteristic'],
              `Identity questions (${c}) are never asked of KS1 or KS2 pupils (P4).`,
            );
          }
        }
      }
      for (const [name, cut] of Object.entries(scoring.cutoffs)) {
        const scores = Object.values(scoring.values ?? {});
        if (scores.length && (cut < Math.min(...scores) || cut > Math.max(...scores))) {
          add([...ip, 'scoring', 'cutoffs', name], `Cut-off ${cut} is outside the item's scores.`);
        }
      }
    });
  });

  def.scales.forEach((scale, si) => {
    const members = [...seenItems.values()].filter((i) => i.scoring.scale === scale.id);
    if (members.length === 0) add(['scales', si], `No item belongs to scale "${scale.id}".`);
    if (scale.prorate && scale.prorate.maxMissing >= members.length && members.length > 0) {
      add(
        ['scales', si, 'prorate', 'maxMissing'],
        'Prorating must leave at least one answered item.',
      );
    }
    const bands = [...scale.bands].sort((a, b) => a.min - b.min);
    bands.forEach((b, bi) => {
      if (b.min > b.max) add(['scales', si, 'bands'], `Band "${b.id}" has min above max.`);
      const next = bands[bi + 1];
      if (next && next.min <= b.max)
        add(['scales', si, 'bands'], `Bands "${b.id}" and "${next.id}" overlap.`);
    });
  });

  // Placeholders like {referencePeriod} must be declared parameters.
  const declared = new Set(Object.keys(def.parameters));
  const scan = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)) {
        if (!declared.has(m[1]!)) add(path, `"{${m[1]}}" is not a declared parameter.`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => scan(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) scan(v, [...path, k]);
    }
  };
  scan(def.sections, ['sections']);
  scan(def.preamble, ['preamble']);

  checkIndicators(def, add);
  problems.push(...checkLocales(def, def.locales));
  return problems;
}
