/**
 * zod probes `new Function('')` to decide whether it may compile fast parsers. Under this portal's
 * CSP (no 'unsafe-eval', Trusted Types required) the probe is a violation report on every page, so
 * the parsers run without code generation. Imported first, before anything parses.
 */
import { config } from 'zod';

config({ jitless: true });
