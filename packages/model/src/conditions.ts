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
