/**
 * zod 4 probes `new Function('')` once, when its first object schema is built, to decide whether
 * it may compile fast parsers. Under a strict CSP (no `'unsafe-eval'`, Trusted Types required:
 * reliability.md W3) the probe fails quietly, but the browser still reports a
 * `securitypolicyviolation` on every page load, and a host's CSP reporting collects one per
 * pupil. Turning on zod's `jitless` mode before the model's schemas are built skips the probe;
 * definitions are parsed once per page, so the compiled fast path is not missed.
 *
 * This sets zod's global configuration: a host sharing the same zod copy gets `jitless` too.
 *
 * @module
 */
import { config } from 'zod';

/** Turns on zod's `jitless` mode (no `new Function`). Call before the model is imported. */
export function zodWithoutEval(): void {
  config({ jitless: true });
}
