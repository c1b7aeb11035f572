import {
  describeProblems,
  type AuditDefinition,
  type QuestionnaireDefinition,
} from '@all-together/model';
import { check } from '@all-together/model';
import { DEFINITION_FILES, FRAGMENT_FILES } from './catalogue.js';
import { QuestionnaireFragment } from './fragment.js';
import { parseDefinition, type Definition } from './load.js';
import { compareVersions } from './semver.js';

/** A line of the catalogue: enough to list and choose a definition without parsing it all. */
export interface CatalogueEntry {
  id: string;
  version: string;
  kind: 'questionnaire' | 'audit';
  /** The file inside the package, for example `definitions/pupil-ks2/1.0.0.json`. */
  path: string;
}

const parsed = new Map<string, Definition>();
const parsedFragments = new Map<string, QuestionnaireFragment>();

function entryOf(file: { path: string; data: unknown }): CatalogueEntry {
  const data = file.data as { id: string; version: string; kind: 'questionnaire' | 'audit' };
  return { id: data.id, version: data.version, kind: data.kind, path: file.path };
}

/** Every shipped definition, newest version first within an id. */
export function listDefinitions(): CatalogueEntry[] {
  return DEFINITION_FILES.map(entryOf).sort(
    (a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version),
  );
}

function find(
  files: readonly { path: string; data: unknown }[],
  id: string,
  version: string | undefined,
  what: string,
): { path: string; data: unknown } {
  const matches = files.filter((f) => (f.data as { id: string }).id === id);
  if (matches.length === 0) {
    const known = [...new Set(files.map((f) => (f.data as { id: string }).id))].join(', ');
    throw new Error(`There is no ${what} "${id}". Shipped: ${known}.`);
  }
  const chosen = version
    ? matches.find((f) => (f.data as { version: string }).version === version)
    : [...matches].sort((a, b) =>
        compareVersions(
          (b.data as { version: string }).version,
          (a.data as { version: string }).version,
        ),
      )[0];
  if (!chosen) {
    const versions = matches.map((f) => (f.data as { version: string }).version).join(', ');
    throw new Error(`There is no version ${version} of "${id}". Shipped: ${versions}.`);
  }
  return chosen;
}

/**
 * A shipped definition, parsed and checked (once, then cached). Without a version, the newest.
 * Throws an Error naming what exists when the id or version is not shipped.
 */
export function getDefinition(id: string, version?: string): Definition {
  const file = find(DEFINITION_FILES, id, version, 'definition');
  const cached = parsed.get(file.path);
  if (cached) return cached;
  const result = parseDefinition(file.data, file.path);
  // Shipped content is tested to parse; this guards against a corrupted install.
  if (!result.ok) throw new Error(describeProblems(result.problems));
  parsed.set(file.path, result.value);
  return result.value;
}

/** A shipped questionnaire (pupil, perception, CPD or end-of-programme), parsed. */
export function getQuestionnaire(id: string, version?: string): QuestionnaireDefinition {
  const definition = getDefinition(id, version);
  if (definition.kind !== 'questionnaire')
    throw new Error(`"${id}" is an ${definition.kind}, not a questionnaire.`);
  return definition;
}

/** The shipped 360° audit (by default the programme's own), parsed. */
export function getAudit(id = 'all-together-audit', version?: string): AuditDefinition {
  const definition = getDefinition(id, version);
  if (definition.kind !== 'audit')
    throw new Error(`"${id}" is a ${definition.kind}, not an audit.`);
  return definition;
}

/** Every shipped fragment's id and version. */
export function listFragments(): { id: string; version: string; path: string }[] {
  return FRAGMENT_FILES.map((f) => {
    const data = f.data as { id: string; version: string };
    return { id: data.id, version: data.version, path: f.path };
  });
}

/** A shipped fragment (identity questions, another wellbeing scale…), parsed. */
export function getFragment(id: string, version?: string): QuestionnaireFragment {
  const file = find(FRAGMENT_FILES, id, version, 'fragment');
  const cached = parsedFragments.get(file.path);
  if (cached) return cached;
  const result = check(QuestionnaireFragment, file.data);
  if (!result.ok) throw new Error(`${file.path}:\n${describeProblems(result.problems)}`);
  parsedFragments.set(file.path, result.value);
  return result.value;
}
