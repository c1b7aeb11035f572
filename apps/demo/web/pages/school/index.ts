/**
 * School lead: the dashboard (rounds, their lifecycle, a new round, the award), class codes per
 * round, results, the audit, the action plan, the school's activity log and the end-of-programme
 * survey.
 */
import type { Me } from '../../api.js';
import { classListsPage } from './class-lists.js';
import { codesPage } from './codes.js';
import { dashboard } from './dashboard.js';
import { endSurveyPage } from './end-survey.js';
import { auditPage, planPage } from './documents.js';
import { schoolLogPage } from './log.js';
import { resultsPage } from './results.js';
import { summaryPage } from './summary.js';
import { perceptionPage } from '../perception.js';

export async function schoolPage(me: Me, path: string): Promise<void> {
  const urn = me.user.school!;
  const [, area, round] = path.split('/').filter(Boolean); // school, area, round
  const id = round ? decodeURIComponent(round) : undefined;
  if (area === 'summary' && id) return summaryPage(urn, id);
  if (area === 'results' && id) return resultsPage(urn, id);
  if (area === 'audit' && id) return auditPage(urn, id);
  if (area === 'plan' && id) return planPage(urn, id);
  if (area === 'codes' && id) return codesPage(urn, id);
  if (area === 'class-lists' && id) return classListsPage(urn, id);
  if (area === 'log') return schoolLogPage(urn);
  if (area === 'end-survey') return endSurveyPage(urn);
  if (area === 'perception' && id) return perceptionPage(urn, id);
  return dashboard(urn);
}
