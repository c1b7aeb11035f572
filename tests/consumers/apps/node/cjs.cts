// A CommonJS consumer (an older Express app, a Jest config): Node 20.19+ can require() the SDK's
// ES modules. Prints one JSON line that ../../run.mjs checks.
import { QuestionnaireDefinition, check } from '@all-together/model';
import { getQuestionnaire, listDefinitions } from '@all-together/questionnaires';
import { wilsonInterval } from '@all-together/scoring';

const ks1 = getQuestionnaire('pupil-ks1');
const interval = wilsonInterval(23, 100);

console.log(
  JSON.stringify({
    module: typeof require === 'function' && typeof module === 'object' ? 'cjs' : 'not cjs',
    definitions: listDefinitions().length,
    ks1Parses: check(QuestionnaireDefinition, ks1).ok,
    intervalHasBounds: interval !== null && interval.lower < 0.23 && interval.upper > 0.23,
  }),
);
