/**
 * The targeting publication, off the request thread: publishing an LA's schools by SEND and free
 * school meals protects every figure together, which takes up to a minute for 30 schools, and
 * must not stall every other request meanwhile. Receives the members and the main publication's
 * school and area tables; returns the list (docs/decisions/0034).
 */
import { parentPort } from 'node:worker_threads';
import { targetingFor, type TargetingInput } from './targeting-core.js';

parentPort!.on('message', (input: TargetingInput) => {
  try {
    parentPort!.postMessage({ ok: true, value: targetingFor(input) });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: (e as Error).message });
  }
});
