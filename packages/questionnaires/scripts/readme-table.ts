// Writes the table of shipped definitions into README.md between its markers, from the files
// themselves, so the README cannot drift from the content. A test runs it with --check.
// Usage: node --conditions=@all-together/source --import tsx scripts/readme-table.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { itemsOf, statementsOf } from '@all-together/model';
import {
  getDefinition,
  getDocument,
  getFragment,
  listDefinitions,
  listDocuments,
  listFragments,
} from '../src/registry.js';

/** What each instrument rests on, in a line (the definitions' own `basis` says it in full). */
export const RESTS_ON: Record<string, string> = {
  'all-together-audit':
    'The programme’s six audit areas and their published themes; areas 3 and 6 and statements 5.8–5.11 written by us and marked provisional; vetted official resources',
  'pupil-ks1':
    'Our own wording for Reception–Year 2, read aloud, with faces; no online, bullying-others or wellbeing items by default',
  'pupil-ks2':
    'Our own wording; Solberg & Olweus (2003) cut-off for “frequently”; Me and My Feelings emotional subscale (Deighton et al. 2013, credited)',
  'pupil-secondary':
    'As KS2, plus online bullying of others and an optional free-text question; identity questions only through the opt-in fragment',
  'pupil-all-ages':
    'The KS2 questions for special schools, alternative provision and all-through schools: Reception to Year 13, wellbeing from Year 3; adds up with KS2 and secondary',
  'perception-staff':
    'The 360° view: items linked to audit statements, staff confidence and an optional role question; provisional until the programme confirms its items',
  'perception-parent-carer':
    'The 360° view: items linked to audit statements, parents’ confidence and an optional SEND question; signposts Contact and SENDIASS; provisional',
  'perception-governor': 'The 360° view: items linked to audit statements; provisional',
  'perception-pupil-secondary':
    'The 360° view for Years 7–13: items linked to audit statements; provisional',
  'perception-pupil-primary':
    'The 360° view for Years 3–6 in simpler words: items linked to audit statements; provisional',
  'cpd-confidence':
    'The programme’s training-confidence survey (before, straight after, follow-up): “quite or very confident”',
  'end-of-programme':
    'The programme’s end-of-programme school survey, asked “as a result of the programme” as the national figures were, reported as “somewhat or strongly agree”',
  'identity-questions':
    'Opt-in gender and LGBT identity questions for secondary (rule P4: off unless a deployment adds them); never for KS1/KS2',
  'parent-information':
    'Our own words from the programme’s definition and the DfE’s Preventing and tackling bullying; signposts Contact and the local SENDIASS; provisional',
  'wellbeing-mmf-behavioural':
    'Me and My Feelings behavioural subscale (Deighton et al. 2013, credited): add it, or swap it for the emotional one',
};

const AUDIENCE: Record<string, string> = {
  'pupil-ks1': 'Pupils, KS1',
  'pupil-ks2': 'Pupils, KS2',
  'pupil-secondary': 'Pupils, secondary',
  staff: 'Staff',
  'parent-carer': 'Parents and carers',
  governor: 'Governors',
  'school-lead': 'School lead',
  'cpd-delegate': 'CPD delegates',
};

export function definitionsTable(): string {
  const rows = [
    '| Id | Audience | Current | Items | Rests on | Earlier, still loadable |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const ids = [...new Set(listDefinitions().map((e) => e.id))];
  for (const id of ids) {
    // listDefinitions gives each id's versions newest first.
    const [current, ...earlier] = listDefinitions().filter((e) => e.id === id);
    const def = getDefinition(id, current!.version);
    const audience = def.kind === 'audit' ? 'School lead' : AUDIENCE[def.audience];
    const count =
      def.kind === 'audit'
        ? `${statementsOf(def).length} statements in ${def.areas.length} areas`
        : `${itemsOf(def).length}`;
    rows.push(
      `| \`${def.id}\` | ${audience} | ${def.version} | ${count} | ${RESTS_ON[def.id] ?? '—'} | ${earlier.map((e) => e.version).join(', ') || '—'} |`,
    );
  }
  rows.push(
    '',
    '| Fragment | For | Version | Items | Rests on |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const { id, version } of listFragments()) {
    const f = getFragment(id, version);
    const items = f.sections.reduce((n, s) => n + s.items.length, 0);
    rows.push(
      `| \`${f.id}\` | ${f.audiences.map((a) => AUDIENCE[a]).join(', ')} | ${f.version} | ${items} | ${RESTS_ON[f.id] ?? '—'} |`,
    );
  }
  rows.push(
    '',
    '| Document | For | Version | Sections | Rests on |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const { id, version } of listDocuments()) {
    const d = getDocument(id, version);
    rows.push(
      `| \`${d.id}\` | ${AUDIENCE[d.audience]} | ${d.version} | ${d.sections.length} | ${RESTS_ON[d.id] ?? '—'} |`,
    );
  }
  return rows.join('\n');
}

const START = '<!-- definitions:start (generated by scripts/readme-table.ts) -->';
const END = '<!-- definitions:end -->';

/** The README with a fresh table, formatted as the repository's Prettier would. */
export async function withTable(readme: string, path: string): Promise<string> {
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(`${before}\n\n${definitionsTable()}\n\n${after}`, {
    ...options,
    filepath: path,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../README.md', import.meta.url).pathname;
  const readme = readFileSync(path, 'utf8');
  if (!readme.includes(START) || !readme.includes(END))
    throw new Error('README.md has no table markers.');
  const next = await withTable(readme, path);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('The README table is out of date: run `pnpm readme`.');
      process.exit(1);
    }
  } else writeFileSync(path, next);
}
