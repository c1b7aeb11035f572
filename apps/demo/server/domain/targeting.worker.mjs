// The targeting worker's entry: worker threads do not inherit the TypeScript loader the server
// runs under, so this registers it (tsx) for this thread, then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./targeting.worker.ts');
