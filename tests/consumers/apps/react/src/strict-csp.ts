// Under a CSP without 'unsafe-eval', zod must be switched to jitless before any schema is built,
// or its `new Function` probe is reported as a violation. The SDK's elements do it for themselves;
// this app also imports a definition (and so the model) directly, so it does it first, as the
// components README says. Imported before anything else in main.tsx.
import { config } from 'zod';

config({ jitless: true });
