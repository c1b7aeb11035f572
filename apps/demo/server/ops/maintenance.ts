/**
 * Maintenance, on start and then on a schedule (every hour by default): retention (P9), expired
 * sessions, spent attempt counters, old canary rows and browsers not seen for a year; and once a
 * day the full integrity check, which latches a storage fault when it finds one. Each run is
 * logged as one event with its counts. Any number of servers may run it: every step is idempotent.
 */
import { SYSTEM, withScope } from '../db.js';
import type { Deps } from '../context.js';
import { queueRenewalReminders } from '../domain/moderation.js';
import { applyRetention, type RetentionReport } from '../domain/retention.js';
import { classify } from './faults.js';
import { checkIntegrity } from './integrity.js';
import { describeError } from './logging.js';

export interface MaintenanceReport extends RetentionReport {
  sessionsExpired: number;
  countersExpired: number;
  /** Incident records past their school's retention, deleted (migration 040). */
  incidentsExpired: number;
  /** Awards expiring within 90 days whose leads were sent a renewal reminder (decision 0045). */
  renewalReminders: number;
  integrity?: number;
}

const DAY = 86_400_000;

export function maintenance(d: Deps) {
  let lastIntegrity = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<MaintenanceReport | undefined> | undefined;

  async function runOnce(): Promise<MaintenanceReport> {
    return withScope(SYSTEM, async () => {
      const now = d.now();
      const retention = await applyRetention({
        repo: d.repo,
        transaction: d.transaction,
        today: d.today(),
      });
      const report: MaintenanceReport = {
        ...retention,
        sessionsExpired: await d.repo.sessions.purgeExpired(now),
        countersExpired: await d.limits.purge(now),
        incidentsExpired: await d.repo.incidents.purgeExpired(d.today()),
        renewalReminders: await d.transaction((tx) => queueRenewalReminders(tx, d.today(), null)),
      };
      await d.repo.health.purge(now - DAY);
      await d.repo.devices.purge(now - 365 * DAY);
      if (now - lastIntegrity >= DAY) {
        lastIntegrity = now;
        const problems = await checkIntegrity(d.db);
        report.integrity = problems.length;
        if (problems.length) {
          d.faults.trip('integrity', now);
          d.logError({
            time: new Date(now).toISOString(),
            level: 'error',
            event: 'integrity.failed',
            problems,
          });
        }
      }
      d.logEvent({
        time: new Date(now).toISOString(),
        level: 'info',
        event: 'maintenance',
        ...report,
      });
      return report;
    });
  }

  /** One run at a time; a failed run is logged and tried again at the next tick. */
  const tick = () => {
    running ??= runOnce()
      .catch((e) => {
        d.logError({
          time: new Date(d.now()).toISOString(),
          level: 'error',
          event: 'maintenance.failed',
          fault: classify(e).fault,
          error: describeError(e),
        });
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    runOnce,
    /** Runs now, then every `everyMs`; returns the first run. */
    start(everyMs = 3600_000) {
      timer ??= setInterval(() => void tick(), everyMs);
      timer.unref();
      return tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
export type Maintenance = ReturnType<typeof maintenance>;
