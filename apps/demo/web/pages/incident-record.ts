/**
 * One incident record, in the SDK's `<at-incident-form>`: the allegation, the decision and the
 * incident, autosaved to the server as the lead types (once the record passes its checks), and
 * saved on Save with the server's refusal shown beside its field. The element keeps a draft on the
 * device meanwhile, so a lost connection loses nothing.
 */
import { html } from 'lit';
import type { IncidentRecord, IncidentUpdate } from '@all-together/model';
import type {
  AtIncidentChangeEvent,
  AtIncidentSaveEvent,
} from '@all-together/components/at-incident-form.js';
import { ApiError, call, client } from '../api.js';
import { navigate, show } from '../ui.js';

const school = client.schools[':urn'];

const time = () => new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function recordPage(urn: string, record: IncidentRecord | null, locked: boolean): void {
  // The first save creates the record under the id the element made; every later one updates it.
  let created = record !== null;
  let timer: number | undefined;
  // One save at a time, in order: an autosave still in flight is waited for before the next.
  let queue: Promise<unknown> = Promise.resolve();
  const form = () => document.querySelector('at-incident-form')!;

  const store = (id: string, update: IncidentUpdate) =>
    (queue = queue.then(async () => {
      if (!created) {
        await call(
          school.incidents.$post({ param: { urn }, json: { id, allegation: update.allegation } }),
        );
        created = true;
        history.replaceState(null, '', `/incidents/${id}`);
      }
      return call(school.incidents[':id'].$put({ param: { urn, id }, json: update }));
    }));

  const refused = (e: unknown) =>
    e instanceof ApiError && e.problems.length
      ? e.problems.map((p) => ({
          path: p.path.split('.'),
          at: p.path,
          message: p.message,
        }))
      : [{ path: [], at: '', message: e instanceof Error ? e.message : 'Could not save.' }];

  const onChange = (e: AtIncidentChangeEvent) => {
    window.clearTimeout(timer);
    const { id, update } = e.detail;
    if (!update) {
      form().status =
        'Not saved yet: it is saved once the date, where, who reported it and what was alleged are filled in correctly.';
      return;
    }
    form().status = 'Saving…';
    timer = window.setTimeout(() => {
      store(id, update).then(
        () => {
          form().saved();
          form().status = `Saved at ${time()}`;
        },
        (err: unknown) => {
          // Autosave stays quiet about a refusal; Save shows it beside its field.
          form().status = `Not saved: ${refused(err)[0]!.message}`;
        },
      );
    }, 1500);
  };

  const onSave = async (e: AtIncidentSaveEvent) => {
    window.clearTimeout(timer);
    try {
      await store(e.detail.id, e.detail.update);
      form().saved();
      navigate('/incidents');
    } catch (err) {
      form().problems = refused(err);
      document.title = `Error: ${document.title.replace(/^Error: /, '')}`;
    }
  };

  const title = record ? 'Incident record' : 'Record an allegation';
  show(
    html`<h1>Incidents</h1>
      <at-incident-form
        heading-level="2"
        school=${urn}
        ?locked=${locked}
        .record=${record}
        @at-incident-change=${onChange}
        @at-incident-save=${onSave}
        @at-incident-invalid=${() => {
          document.title = `Error: ${document.title.replace(/^Error: /, '')}`;
        }}
      ></at-incident-form>
      <p><a href="/incidents">Back to the log</a></p>`,
    title,
  );
}
