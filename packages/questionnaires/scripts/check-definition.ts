// Checks definition files against the model and prints every problem with its path.
// Usage: node --conditions=@all-together/source --import tsx scripts/check-definition.ts FILE...
import { readFileSync } from 'node:fs';
import { describeProblems } from '@all-together/model';
import { check } from '@all-together/model';
import { QuestionnaireFragment } from '../src/fragment.js';
import { parseDefinition } from '../src/load.js';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (file.includes('fragments/')) {
    const fragment = check(QuestionnaireFragment, JSON.parse(text));
    if (fragment.ok)
      console.log(`ok  ${file} (fragment ${fragment.value.id}@${fragment.value.version})`);
    else {
      failed++;
      console.log(`BAD ${file}\n${describeProblems(fragment.problems)}`);
    }
    continue;
  }
  const result = parseDefinition(text, file);
  if (result.ok) {
    const v = result.value;
    const count =
      v.kind === 'audit'
        ? `${v.areas.reduce((n, a) => n + a.statements.length, 0)} statements`
        : `${v.sections.reduce((n, s) => n + s.items.length, 0)} items`;
    console.log(`ok  ${file} (${v.kind} ${v.id}@${v.version}, ${count})`);
  } else {
    failed++;
    console.log(`BAD ${file}\n${describeProblems(result.problems)}`);
  }
}
process.exit(failed ? 1 : 0);
