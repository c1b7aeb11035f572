// Build step: writes the definition JSON Schemas into schema/ at the package root, so they ship at a
// stable path that does not depend on how the code is built: an author's "$schema" line reads
// "…/node_modules/@all-together/model/schema/questionnaire-definition.json", and the same files are
// exported as `@all-together/model/schema/questionnaire-definition.json`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { definitionJsonSchemas } from '../src/json-schema.js';

mkdirSync('schema', { recursive: true });
for (const [name, schema] of Object.entries(definitionJsonSchemas())) {
  writeFileSync(`schema/${name}.json`, JSON.stringify(schema, null, 2) + '\n');
}
console.log('wrote schema/questionnaire-definition.json and schema/audit-definition.json');
