// Build step: writes the definition JSON Schemas into dist/schema/ so they ship with the package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { definitionJsonSchemas } from '../src/json-schema.js';

mkdirSync('dist/schema', { recursive: true });
for (const [name, schema] of Object.entries(definitionJsonSchemas())) {
  writeFileSync(`dist/schema/${name}.json`, JSON.stringify(schema, null, 2) + '\n');
}
console.log('wrote dist/schema/questionnaire-definition.json and audit-definition.json');
