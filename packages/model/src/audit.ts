import * as z from 'zod';
import { checkLocales, type Path } from './checks.js';
import { DefinitionId, ItemId, SemVer, StatementId } from './ids.js';
import { Link, LocaleCode, LocalisedText, SchemaReference } from './text.js';

/** The three levels a statement is rated at, best first. */
export const RatingLevel = z.enum(['fully-met', 'partially-met', 'not-yet-met']);
export type RatingLevel = z.infer<typeof RatingLevel>;

/** A rating as given: a level, or "Don't know" (excluded from scores and flagged). */
export const Rating = z.enum([...RatingLevel.options, 'dont-know']);
export type Rating = z.infer<typeof Rating>;

/** Groups bullied disproportionately, used to tag statements and surface them in the action plan. */
export const VulnerableGroup = z.enum([
  'send',
  'fsm',
  'looked-after',
  'young-carers',
  'ethnic-minority',
  'faith-minority',
  'lgbt',
  'sexist-sexual',
]);
export type VulnerableGroup = z.infer<typeof VulnerableGroup>;

/** Where a statement is checked by a perception-survey item (the 360° view). */
export const PerceptionLink = z.strictObject({ definition: DefinitionId, item: ItemId });
export type PerceptionLink = z.infer<typeof PerceptionLink>;

/** One statement of the audit, in the school's own voice ("We have…"). */
export const AuditStatement = z.strictObject({
  id: StatementId,
  text: LocalisedText,
  /** What each level looks like for this statement. */
  descriptors: z.strictObject({
    'fully-met': LocalisedText,
    'partially-met': LocalisedText,
    'not-yet-met': LocalisedText,
  }),
  guidance: z.strictObject({
    why: LocalisedText,
    tips: z.array(LocalisedText).default([]),
    resources: z.array(Link).default([]),
  }),
  evidencePrompts: z.array(LocalisedText).min(1, 'Give at least one evidence prompt.'),
  groups: z.array(VulnerableGroup).default([]),
  perceptionLinks: z.array(PerceptionLink).default([]),
  /** Added by the SDK team where the programme's public record is silent. */
  provisional: z.boolean().default(false),
});
export type AuditStatement = z.infer<typeof AuditStatement>;

/** One of the six areas of the audit. */
export const AuditArea = z.strictObject({
  number: z.int().min(1).max(99),
  title: LocalisedText,
  statements: z.array(AuditStatement).min(1, 'An area needs at least one statement.'),
});
export type AuditArea = z.infer<typeof AuditArea>;

/** How ratings turn into scores (defaults: Fully 2, Partially 1, Not yet 0; areas equally weighted). */
export const AuditScoring = z.strictObject({
  points: z
    .strictObject({
      'fully-met': z.number().finite(),
      'partially-met': z.number().finite(),
      'not-yet-met': z.number().finite(),
    })
    .default({ 'fully-met': 2, 'partially-met': 1, 'not-yet-met': 0 }),
  /** Weight of each area in the overall score, keyed by area number; missing areas weigh 1. */
  areaWeights: z.record(z.string().regex(/^\d+$/), z.number().positive()).default({}),
});
export type AuditScoring = z.infer<typeof AuditScoring>;

/** The 360° audit: areas of statements, each with descriptors, guidance and evidence prompts. */
export const AuditDefinition = z
  .strictObject({
    /** The file's JSON Schema, for editors (`SchemaReference`); ignored by parsing. */
    $schema: SchemaReference.optional(),
    kind: z.literal('audit'),
    id: DefinitionId,
    version: SemVer,
    title: LocalisedText,
    locales: z.array(LocaleCode).min(1),
    defaultLocale: LocaleCode,
    intro: LocalisedText.optional(),
    areas: z.array(AuditArea).min(1),
    scoring: AuditScoring.default({
      points: { 'fully-met': 2, 'partially-met': 1, 'not-yet-met': 0 },
      areaWeights: {},
    }),
  })
  .superRefine((def, ctx) => {
    for (const issue of checkAudit(def)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type AuditDefinition = z.infer<typeof AuditDefinition>;

/** Every statement of an audit, in order. */
export function statementsOf(def: Pick<AuditDefinition, 'areas'>): AuditStatement[] {
  return def.areas.flatMap((a) => a.statements);
}

/** The audit's cross-field rules; every problem with its path. */
export function checkAudit(def: Omit<AuditDefinition, 'kind'>): { path: Path; message: string }[] {
  const problems: { path: Path; message: string }[] = [];
  const add = (path: Path, message: string) => problems.push({ path, message });
  if (!def.locales.includes(def.defaultLocale)) {
    add(['defaultLocale'], `The default locale "${def.defaultLocale}" is not among the locales.`);
  }
  const areaNumbers = new Set<number>();
  const statementIds = new Set<string>();
  def.areas.forEach((area, ai) => {
    if (areaNumbers.has(area.number))
      add(['areas', ai, 'number'], `Area ${area.number} is listed twice.`);
    areaNumbers.add(area.number);
    area.statements.forEach((s, si) => {
      const p: Path = ['areas', ai, 'statements', si, 'id'];
      if (statementIds.has(s.id)) add(p, `Statement ${s.id} is listed twice.`);
      statementIds.add(s.id);
      if (!s.id.startsWith(`${area.number}.`)) {
        add(
          p,
          `Statement ${s.id} is in area ${area.number}, so its number starts "${area.number}.".`,
        );
      }
    });
  });
  for (const key of Object.keys(def.scoring.areaWeights)) {
    if (!areaNumbers.has(Number(key)))
      add(['scoring', 'areaWeights', key], `There is no area ${key}.`);
  }
  const p = def.scoring.points;
  if (!(p['fully-met'] > p['partially-met'] && p['partially-met'] > p['not-yet-met'])) {
    add(['scoring', 'points'], 'Points must rise from Not yet met to Fully met.');
  }
  problems.push(...checkLocales(def, def.locales));
  return problems;
}
