/**
 * The repository layer: every SQL statement the portal runs lives under `repo/` (parameterised
 * only, reliability.md S5). `repos(q)` binds them to the database or to one transaction.
 */
import type { Queryable } from '../db.js';
import { accountsRepo } from './accounts.js';
import { codesRepo } from './codes.js';
import { cpdRepo } from './cpd.js';
import { devicesRepo } from './devices.js';
import { documentsRepo } from './documents.js';
import { endSurveysRepo } from './end-surveys.js';
import { healthRepo } from './health.js';
import { incidentsRepo } from './incidents.js';
import { logRepo } from './log.js';
import { moderationRepo } from './moderation.js';
import { pupilRecordsRepo } from './pupil-records.js';
import { perceptionRepo } from './perception.js';
import { responsesRepo } from './responses.js';
import { roundsRepo } from './rounds.js';
import { schoolsRepo } from './schools.js';
import { sessionsRepo } from './sessions.js';
import { snapshotsRepo } from './snapshots.js';
import { tenancyRepo, trackerRepo } from './tenancy.js';
import { usersRepo } from './users.js';

export function repos(q: Queryable) {
  return {
    schools: schoolsRepo(q),
    users: usersRepo(q),
    sessions: sessionsRepo(q),
    rounds: roundsRepo(q),
    codes: codesRepo(q),
    documents: documentsRepo(q),
    responses: responsesRepo(q),
    snapshots: snapshotsRepo(q),
    log: logRepo(q),
    devices: devicesRepo(q),
    health: healthRepo(q),
    tenancy: tenancyRepo(q),
    tracker: trackerRepo(q),
    accounts: accountsRepo(q),
    endSurveys: endSurveysRepo(q),
    moderation: moderationRepo(q),
    pupilRecords: pupilRecordsRepo(q),
    incidents: incidentsRepo(q),
    cpd: cpdRepo(q),
    perception: perceptionRepo(q),
  };
}
export type Repos = ReturnType<typeof repos>;

/** `SELECT 1`, for the health check. */
export async function ping(q: Queryable): Promise<void> {
  await q.query('SELECT 1');
}
