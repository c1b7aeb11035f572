import { check, type AuditDefinition, type QuestionnaireDefinition } from '@all-together/model';
import { DEFINITION_FILES, DOCUMENT_FILES, FRAGMENT_FILES } from './catalogue.js';
import { InformationDocument } from './document.js';
import { QuestionnaireFragment } from './fragment.js';
import { parseDefinition, type Definition } from './load.js';
import { parseShipped, pickFile, type ShippedFile } from './loaders.js';
import { compareVersions } from './semver.js';

/** A line of the catalogue: enough to list and choose a definition without parsing it all. */
export interface CatalogueEntry {
  id: string;
  version: string;
  kind: 'questionnaire' | 'audit';
  /** The file inside the package, for example `definitions/pupil-ks2/1.0.0.json`. */
  path: string;
}

function entryOf(file: ShippedFile): CatalogueEntry {
  const data = file.data as { id: string; version: string; kind: 'questionnaire' | 'audit' };
  return { id: data.id, version: data.version, kind: data.kind, path: file.path };
}

/** Every shipped definition, newest version first within an id. */
export function listDefinitions(): CatalogueEntry[] {
  return DEFINITION_FILES.map(entryOf).sort(
    (a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version),
  );
}

/**
 * A shipped definition, parsed and checked (once, then cached). Without a version, the newest.
 * Throws an Error naming what exists when the id or version is not shipped.
 */
export function getDefinition(id: string, version?: string): Definition {
  const file = pickFile(DEFINITION_FILES, id, version, 'definition');
  return parseShipped(file, (data) => parseDefinition(data, file.path));
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
  const file = pickFile(FRAGMENT_FILES, id, version, 'fragment');
  return parseShipped(file, (data) => check(QuestionnaireFragment, data));
}

/** Every shipped information document's id and version, newest version first within an id. */
export function listDocuments(): { id: string; version: string; path: string }[] {
  return DOCUMENT_FILES.map((f) => {
    const data = f.data as { id: string; version: string };
    return { id: data.id, version: data.version, path: f.path };
  }).sort((a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version));
}

/**
 * A shipped information document (`parent-information`), parsed: the newest version, or
 * `version`. Throws an Error naming what is shipped when there is no such document or version.
 */
export function getDocument(id: string, version?: string): InformationDocument {
  const file = pickFile(DOCUMENT_FILES, id, version, 'document');
  return parseShipped(file, (data) => check(InformationDocument, data));
}
