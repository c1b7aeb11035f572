// A Node ESM consumer, as an LA's server uses the SDK: load and compose content, validate a
// response, score an audit. Prints one JSON line that ../../run.mjs checks.
import { readFileSync } from 'node:fs';
import {
  AuditResponse,
  QuestionnaireDefinition,
  check,
  validateResponse,
} from '@all-together/model';
import {
  compareVersions,
  compose,
  getAudit,
  getQuestionnaire,
  parseDefinition,
} from '@all-together/questionnaires';
import { definition } from '@all-together/questionnaires/pupil-ks2.js';
import { scoreAudit } from '@all-together/scoring';

const fixture = (path: string) =>
  JSON.parse(
    readFileSync(
      new URL(import.meta.resolve(`@all-together/questionnaires/fixtures/${path}`)),
      'utf8',
    ),
  ) as { response: unknown };

const ks2 = definition();
const sameAsRoot = ks2 === getQuestionnaire('pupil-ks2');
const valid = validateResponse(ks2, fixture(`pupil-ks2/${ks2.version}/complete.json`).response);

const composed = compose(getQuestionnaire('pupil-secondary'), { version: '1.0.0-la873.1' }, [
  { op: 'set-parameter', name: 'referencePeriod', value: { 'en-GB': 'since Easter' } },
]);

// A definition file as an author writes it, with a "$schema" line naming the shipped schema.
const schemaPath = 'node_modules/@all-together/model/schema/questionnaire-definition.json';
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: object };
const withSchema = { $schema: `./${schemaPath}`, ...ks2 };

const audit = getAudit();
const auditResponse = fixture('all-together-audit/1.0.0/complete-baseline.json').response;
const parsedAudit = check(AuditResponse, auditResponse);

console.log(
  JSON.stringify({
    module: 'esm',
    ks2: `${ks2.id}@${ks2.version}`,
    sameAsRoot,
    responseValid: valid.ok,
    composed: composed.ok ? composed.value.version : composed.problems,
    schemaListsDollarSchema: '$schema' in schema.properties,
    parsesWithSchemaLine: check(QuestionnaireDefinition, withSchema).ok,
    parseDefinitionWithSchemaLine: parseDefinition(JSON.stringify(withSchema)).ok,
    newestFirst: ['1.0.0-la873.2', '1.0.0-la873.10'].sort(compareVersions).reverse()[0],
    auditOverall: parsedAudit.ok ? scoreAudit(audit, parsedAudit.value).overall : null,
  }),
);
