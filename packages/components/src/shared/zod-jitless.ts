/**
 * Side-effect module: switches zod to `jitless` before any schema of the model is built.
 *
 * zod 4 probes `new Function('')` when its first object schema is built. Under a strict CSP
 * (reliability.md W3) the probe fails quietly, but the browser reports a
 * `securitypolicyviolation` on every load. Elements that import the model at load time
 * (`<at-audit>`, `<at-action-plan>`, `<at-results>`) import this module **first**, so it is
 * evaluated before the model. It is listed in `sideEffects` so bundlers keep it.
 *
 * This sets zod's global configuration: a host sharing our copy of zod gets `jitless` too.
 *
 * @module
 */
import { config } from 'zod';

config({ jitless: true });
