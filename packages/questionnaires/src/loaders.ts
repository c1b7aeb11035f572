/**
 * Loading shipped files: choosing a version and parsing it once. Shared by the package root
 * (`getDefinition`, every file) and the one-definition entry points (`src/entries/*`, one file
 * each), so a definition parsed through either is parsed once.
 *
 * Internal: not exported from the package root.
 *
 * @module
 */
import {
  AuditDefinition,
  QuestionnaireDefinition,
  check,
  describeProblems,
  type Checked,
} from '@all-together/model';
import { InformationDocument } from './document.js';
import { QuestionnaireFragment } from './fragment.js';
import { compareVersions } from './semver.js';

/** A file shipped in the package: its path (`definitions/pupil-ks2/1.0.0.json`) and its data. */
export interface ShippedFile {
  readonly path: string;
  readonly data: unknown;
}

const versionOf = (file: ShippedFile) => (file.data as { version: string }).version;
const idOf = (file: ShippedFile) => (file.data as { id: string }).id;

/**
 * The file of `id` at `version`, or its newest version. Throws an Error naming what is shipped.
 * @param what - "definition" or "fragment", for the messages.
 */
export function pickFile(
  files: readonly ShippedFile[],
  id: string,
  version: string | undefined,
  what: string,
): ShippedFile {
  const matches = files.filter((f) => idOf(f) === id);
  if (matches.length === 0) {
    const known = [...new Set(files.map(idOf))].join(', ');
    throw new Error(`There is no ${what} "${id}". Shipped: ${known}.`);
  }
  const chosen = version
    ? matches.find((f) => versionOf(f) === version)
    : [...matches].sort((a, b) => compareVersions(versionOf(b), versionOf(a)))[0];
  if (!chosen) {
    const versions = matches.map(versionOf).join(', ');
    throw new Error(`There is no version ${version} of "${id}". Shipped: ${versions}.`);
  }
  return chosen;
}

/** Parsed files, by path: each shipped file is parsed at most once per page or process. */
const parsed = new Map<string, unknown>();

/**
 * Parses a shipped file once, then returns the cached value.
 * Shipped content is tested to parse; a failure means a corrupted install, so it throws.
 */
export function parseShipped<T>(file: ShippedFile, parse: (data: unknown) => Checked<T>): T {
  if (parsed.has(file.path)) return parsed.get(file.path) as T;
  const result = parse(file.data);
  if (!result.ok) throw new Error(`${file.path}:\n${describeProblems(result.problems)}`);
  parsed.set(file.path, result.value);
  return result.value;
}

/** A loader of one questionnaire's shipped versions, for its entry point. */
export function questionnaireLoader(
  id: string,
  files: readonly ShippedFile[],
): (version?: string) => QuestionnaireDefinition {
  return (version) =>
    parseShipped(pickFile(files, id, version, 'definition'), (data) =>
      check(QuestionnaireDefinition, data),
    );
}

/** A loader of one audit's shipped versions, for its entry point. */
export function auditLoader(
  id: string,
  files: readonly ShippedFile[],
): (version?: string) => AuditDefinition {
  return (version) =>
    parseShipped(pickFile(files, id, version, 'definition'), (data) =>
      check(AuditDefinition, data),
    );
}

/** A loader of one fragment's shipped versions, for its entry point. */
export function fragmentLoader(
  id: string,
  files: readonly ShippedFile[],
): (version?: string) => QuestionnaireFragment {
  return (version) =>
    parseShipped(pickFile(files, id, version, 'fragment'), (data) =>
      check(QuestionnaireFragment, data),
    );
}

/** A loader of one information document's shipped versions, for its entry point. */
export function documentLoader(
  id: string,
  files: readonly ShippedFile[],
): (version?: string) => InformationDocument {
  return (version) =>
    parseShipped(pickFile(files, id, version, 'document'), (data) =>
      check(InformationDocument, data),
    );
}
