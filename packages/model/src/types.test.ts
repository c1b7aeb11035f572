// Type tests: checked by `pnpm typecheck` (tsc), and run as ordinary tests so the file is not dead.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  Item,
  QuestionnaireResponse,
  Urn,
  type ChoiceItem,
  type DefinitionId,
  type FreeTextItem,
  type ItemType,
  type ResponseId,
  type Wave,
} from './index.js';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// The schema is the type: the exported type is exactly what the schema parses to.
export type _1 = Expect<Equal<QuestionnaireResponse, z.output<typeof QuestionnaireResponse>>>;
export type _2 = Expect<Equal<Wave, 'baseline' | 'end'>>;
export type _3 = Expect<
  Equal<
    ItemType,
    'frequency' | 'agreement' | 'faces' | 'single-choice' | 'multi-select' | 'yes-no' | 'free-text'
  >
>;
// Narrowing on `type` reaches the variant's own fields.
export type _4 = Expect<Equal<Extract<Item, { type: 'free-text' }>['maxLength'], number>>;
export type _5 = Expect<Equal<Exclude<ChoiceItem, { options: unknown }>, never>>;
export type _6 = Expect<Equal<FreeTextItem extends ChoiceItem ? true : false, false>>;
// Branded ids are not interchangeable with each other or with plain strings.
export type _7 = Expect<Equal<Urn extends string ? true : false, true>>;
export type _8 = Expect<Equal<string extends Urn ? true : false, false>>;
export type _9 = Expect<Equal<DefinitionId extends ResponseId ? true : false, false>>;

it('brands are enforced at compile time and erased at run time', () => {
  const urn = Urn.parse('123456');
  // @ts-expect-error a plain string is not a URN
  const notUrn: Urn = '123456';
  // @ts-expect-error a URN is not a response id
  const notId: ResponseId = urn;
  assert.equal(urn, notUrn);
  assert.equal(typeof notId, 'string');
});
