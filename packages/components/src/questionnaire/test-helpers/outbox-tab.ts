/**
 * A page's module for the closed-tab test (`questionnaire.offline.test.ts`): a pupil's
 * questionnaire with the test endpoint and the element's default storage (draft in
 * sessionStorage, outbox in localStorage), as a host page would have it. Not shipped.
 *
 * @module
 */
import { getQuestionnaire } from '@all-together/questionnaires';
import '../at-questionnaire.js';

const el = document.createElement('at-questionnaire');
el.definition = getQuestionnaire('pupil-ks2');
el.school = '900001';
el.wave = 'baseline';
el.endpoint = '/__at-test__/responses';
el.autoRead = false;
el.addEventListener('at-exit', (e) => e.preventDefault());
document.body.append(el);
