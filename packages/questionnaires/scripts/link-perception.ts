// Fills an audit's `perceptionLinks` from the perception surveys' item `statements`, so the two
// directions of the 360° link are one fact written twice, kept equal by a test.
// Usage: node --conditions=@all-together/source --import tsx scripts/link-perception.ts definitions/<audit>/<version>.json
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../src/semver.js';

const root = new URL('..', import.meta.url).pathname;
const auditPath = process.argv[2];
if (!auditPath) throw new Error('Give the audit file to update.');
const audit = JSON.parse(readFileSync(join(root, auditPath), 'utf8'));
const links = new Map<string, { definition: string; item: string }[]>();
for (const dir of readdirSync(join(root, 'definitions'))
  .filter((d) => d.startsWith('perception-'))
  .sort()) {
  // The newest version of each survey: the one a school is given, and the one the audit is read with.
  const newest = readdirSync(join(root, 'definitions', dir))
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => compareVersions(b.replace(/\.json$/, ''), a.replace(/\.json$/, '')))
    .slice(0, 1);
  for (const file of newest) {
    const def = JSON.parse(readFileSync(join(root, 'definitions', dir, file), 'utf8'));
    for (const section of def.sections) {
      for (const item of section.items) {
        for (const statement of item.statements ?? []) {
          links.set(statement, [
            ...(links.get(statement) ?? []),
            { definition: def.id, item: item.id },
          ]);
        }
      }
    }
  }
}
for (const area of audit.areas) {
  for (const statement of area.statements)
    statement.perceptionLinks = links.get(statement.id) ?? [];
}
writeFileSync(join(root, auditPath), JSON.stringify(audit, null, 2) + '\n');
console.log(
  `linked ${[...links.values()].flat().length} perception items to ${links.size} statements`,
);
