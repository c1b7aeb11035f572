/** Configuration from the environment, with the defaults a single-machine demo needs. */
import { mailConfig, type MailConfig } from './ops/mail.js';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  staticDir: string;
  publicOrigin: string | undefined;
  frameAncestors: string | undefined;
  /** Proxies you run in front (TRUST_PROXY=1 for one): how far from the right of X-Forwarded-For. */
  trustProxy: number;
  /** SMTP_URL and MAIL_FROM: the outbox's mail server, or undefined (messages listed to copy). */
  mail: MailConfig | undefined;
  secureCookies: boolean | undefined;
  demo: boolean;
  /** Minutes between maintenance runs (retention, expiry, integrity); default 60. */
  maintenanceMinutes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.PGLITE_DATA_DIR ?? here('../.data/pglite'),
    staticDir: env.STATIC_DIR ?? here('../dist'),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    frameAncestors: env.FRAME_ANCESTORS || undefined,
    trustProxy: /^[0-9]$/.test(env.TRUST_PROXY ?? '') ? Number(env.TRUST_PROXY) : 0,
    mail: mailConfig(env),
    secureCookies: env.SECURE_COOKIES === undefined ? undefined : env.SECURE_COOKIES === '1',
    demo: env.DEMO === '1',
    maintenanceMinutes: Number(env.MAINTENANCE_MINUTES) > 0 ? Number(env.MAINTENANCE_MINUTES) : 60,
  };
}

export const isLoopback = (host: string): boolean =>
  ['127.0.0.1', 'localhost', '::1'].includes(host);
