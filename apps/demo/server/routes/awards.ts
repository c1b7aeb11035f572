/**
 * The awards of an LA's or trust's schools, by level and expiry, and their renewal reminders
 * (docs/decisions/0045): the same reminders the scheduled maintenance queues, sooner.
 */
import { Hono } from 'hono';
import { AwardLevel } from '@all-together/model';
import type { Deps, Env } from '../context.js';
import {
  LEVEL_WORDS,
  RENEWAL_NOTICE_DAYS,
  addDays,
  queueRenewalReminders,
} from '../domain/moderation.js';
import type { Guards } from '../middleware/guard.js';
import { jsonOf } from '../validation.js';

import { Empty } from './award-context.js';

export const awardRoutes = (d: Deps, g: Guards) =>
  new Hono<Env>()
    .get('/area/awards', g.area, async (c) => {
      const today = d.today();
      const soon = addDays(today, RENEWAL_NOTICE_DAYS);
      const awards = await d.repo.moderation.awards();
      // A school's current award is its latest.
      const seen = new Set<string>();
      const current = awards.filter((w) => !seen.has(w.school_urn) && seen.add(w.school_urn));
      const byLevel = Object.fromEntries(
        AwardLevel.options.map((l) => [l, current.filter((w) => w.level === l).length]),
      ) as Record<AwardLevel, number>;
      return c.json({
        today,
        byLevel,
        awards: current.map((w) => ({
          urn: w.school_urn,
          school: w.school_name,
          level: w.level,
          levelLabel: LEVEL_WORDS[w.level],
          awardedOn: w.awarded_on,
          expiresOn: w.expires_on,
          awardingBody: w.awarding_body,
          status: !w.expires_on
            ? 'no-expiry'
            : w.expires_on < today
              ? 'expired'
              : w.expires_on <= soon
                ? 'renew-soon'
                : 'current',
          remindedOn: w.reminded_on,
        })),
      });
    })

    .post('/area/awards/reminders', g.areaWrite, jsonOf(Empty), async (c) => {
      const { staff } = c.var;
      const today = d.today();
      const queued = await d.transaction((tx) =>
        queueRenewalReminders(tx, today, { id: staff.userId, role: staff.role }),
      );
      return c.json({ queued }, 201);
    });
