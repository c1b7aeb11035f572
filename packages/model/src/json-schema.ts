import * as z from 'zod';
import { AuditDefinition } from './audit.js';
import { QuestionnaireDefinition } from './questionnaire.js';

/**
 * JSON Schemas of the definition formats, for authors' editors and for other languages. They describe
 * the input shape (defaults may be left out). The cross-field rules (unique ids, references that
 * resolve, complete locales) are beyond JSON Schema: run `QuestionnaireDefinition.safeParse` for those.
 * The package ships them as `@all-together/model/schema/questionnaire-definition.json` and
 * `…/audit-definition.json`.
 */
export function definitionJsonSchemas(): {
  'questionnaire-definition': Record<string, unknown>;
  'audit-definition': Record<string, unknown>;
} {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    $id: `https://all-together.invalid/schema/${id}.json`,
    title,
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
  });
  return {
    'questionnaire-definition': make(
      QuestionnaireDefinition,
      'questionnaire-definition',
      'All Together questionnaire definition',
    ),
    'audit-definition': make(AuditDefinition, 'audit-definition', 'All Together audit definition'),
  };
}
