/** The school's activity log: every change to its rounds, codes, audits and plans. */
import { html } from 'lit';
import { call, client } from '../../api.js';
import { logTable } from '../log-view.js';
import { show } from '../../ui.js';

export async function schoolLogPage(urn: string): Promise<void> {
  const before = new URLSearchParams(location.search).get('before') ?? undefined;
  const r = await call(
    client.schools[':urn'].log.$get({ param: { urn }, query: before ? { before } : {} }),
  );
  show(
    html`<p><a href="/school" class="back-link">Back to your school</a></p>
      <h1>Activity log</h1>
      <p>
        Every change to your school's rounds, class codes, audits and action plans, newest first.
        Your trust or local authority can read it too. It never holds pupils' answers.
      </p>
      ${logTable(r.entries, { school: false })}
      ${r.next ? html`<p><a href="/school/log?before=${r.next}">Older entries</a></p>` : ''}`,
    'Activity log',
  );
}
