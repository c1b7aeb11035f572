import * as z from 'zod';
import { ItemId, OptionValue } from './ids.js';

/**
 * When an item or section is shown, as data (never code): compare earlier answers. `equals` and `in`
 * match a single choice, or any selected option of a multi-select; `score-at-least` uses the scored
 * value the item declares; `answered` is any non-missing answer; `all`, `any` and `not` combine.
 */
export const Condition = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('equals'), item: ItemId, value: OptionValue }),
  z.strictObject({ op: z.literal('in'), item: ItemId, values: z.array(OptionValue).min(1) }),
  z.strictObject({ op: z.literal('answered'), item: ItemId }),
  z.strictObject({ op: z.literal('score-at-least'), item: ItemId, value: z.number() }),
  z.strictObject({
    op: z.literal('all'),
    get conditions(): z.ZodArray<typeof Condition> {
      return z.array(Condition).min(1);
    },
  }),
  z.strictObject({
    op: z.literal('any'),
    get conditions(): z.ZodArray<typeof Condition> {
      return z.array(Condition).min(1);
    },
  }),
  z.strictObject({
    op: z.literal('not'),
    get condition(): typeof Condition {
      return Condition;
    },
  }),
]);
export type Condition = z.infer<typeof Condition>;

/** An answer as stored: an option value, several option values, or free text. */
export type AnswerValue = string | readonly string[];

/** What a condition needs to know about an item: its scored values and its missing options. */
export interface ConditionContext {
  answers: Readonly<Record<string, AnswerValue | undefined>>;
  /** The scored value of an option, or undefined when the option is not scored or is missing. */
  score(item: string, value: string): number | undefined;
  /** True when the option counts as missing ("Prefer not to say"). */
  isMissing(item: string, value: string): boolean;
}

/** Every item id a condition reads, in order of appearance. */
export function conditionItems(condition: Condition): string[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionItems);
    case 'not':
      return conditionItems(condition.condition);
    default:
      return [condition.item];
  }
}

/** Evaluates a condition against the answers given so far. Unanswered items match nothing. */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): boolean {
  const values = (item: string): readonly string[] => {
    const a = ctx.answers[item];
    if (a === undefined) return [];
    return typeof a === 'string' ? [a] : a;
  };
  switch (condition.op) {
    case 'equals':
      return values(condition.item).includes(condition.value);
    case 'in':
      return values(condition.item).some((v) => (condition.values as string[]).includes(v));
    case 'answered':
      return values(condition.item).some(
        (v) => v.trim() !== '' && !ctx.isMissing(condition.item, v),
      );
    case 'score-at-least':
      return values(condition.item).some((v) => {
        const s = ctx.score(condition.item, v);
        return s !== undefined && s >= condition.value;
      });
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, ctx));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, ctx));
    case 'not':
      return !evaluateCondition(condition.condition, ctx);
  }
}
