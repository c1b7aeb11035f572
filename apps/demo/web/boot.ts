/**
 * The staff document's entry: zod is switched to jitless (zod-config.ts) before the portal, and
 * with it every schema, is even evaluated. A static import order is not enough once the portal is
 * split into chunks shared with the pupil's page: a shared chunk that builds schemas would be
 * evaluated before this module's own code, and zod's `new Function` probe would be a Trusted
 * Types violation (W3). The portal loads after, through `import()`.
 */
import './zod-config.js';

void import('./main.js');
