/**
 * An area's people and messages: staff accounts (invite, deactivate) for LA and trust
 * administrators, and the outbox with reminders to the leads of schools that are behind. Messages
 * go to staff only, never to pupils.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { trackerFlags, ProgrammeTracker } from '@all-together/model';
import { call, client, type Me } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  hasErrors,
  noErrors,
  valuesOf,
  type Field,
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, notice, show } from '../ui.js';

import type { Area } from './area-shell.js';

const INVITE_FIELDS = [
  { name: 'name', id: 'invite-name' },
  { name: 'email', id: 'invite-email' },
  { name: 'role', id: 'invite-role' },
  { name: 'school', id: 'invite-school' },
] as const satisfies readonly Field[];

const STATUS: Record<string, string> = {
  active: 'Active',
  invited: 'Invited: not signed up yet',
  deactivated: 'Deactivated',
};

/** Staff accounts of the area: who, their role, and the invite and deactivate actions. */
export async function usersPage(
  a: Area,
  me: Me,
  header: TemplateResult,
  state: {
    errors?: FormErrors;
    values?: Record<string, string>;
    done?: TemplateResult | string;
    confirm?: string;
  } = {},
): Promise<void> {
  const r = await call(client.area.users.$get());
  const errors = state.errors ?? noErrors();
  const v = state.values ?? {};
  const again = (next: Parameters<typeof usersPage>[3]) => usersPage(a, me, header, next);
  const submit = async (event: Event) => {
    event.preventDefault();
    const values = valuesOf(event.target as HTMLFormElement);
    try {
      const made = await call(
        client.area.users.$post({
          json: {
            name: values.name ?? '',
            email: values.email ?? '',
            role: (values.role ?? '') as 'school-lead',
            ...(values.role === 'school-lead' ? { school: values.school ?? '' } : {}),
          },
        }),
      );
      await again({
        done: html`An account for ${made.email} is ready. The invitation is in the
          <a href="/area/outbox">outbox</a>; the link works once, for ${made.expiresInDays} days:
          <code class="invite-link">${made.link}</code>`,
      });
      focusOn('#notice');
    } catch (e) {
      await again({ errors: errorsFrom(e, INVITE_FIELDS), values });
      focusOn('.error-summary');
    }
  };
  const deactivate = async (id: string, email: string) => {
    if (state.confirm !== id) {
      await again({ confirm: id });
      focusOn(`#confirm-${id}`);
      return;
    }
    try {
      await call(client.area.users[':id'].deactivate.$post({ param: { id }, json: {} }));
      await again({ done: `${email} is deactivated: it cannot sign in, and its sessions ended.` });
      focusOn('#notice');
    } catch (e) {
      await again({ errors: errorsFrom(e, INVITE_FIELDS) });
      focusOn('.error-summary');
    }
  };
  const [name, email, role, school] = INVITE_FIELDS;
  show(
    html`${errorSummary(errors, INVITE_FIELDS)} ${header}
      <h1>Staff accounts</h1>
      ${state.done ? notice(state.done) : nothing}
      <div class="table-wrap" role="region" aria-labelledby="accounts-caption" tabindex="0">
        <table>
          <caption id="accounts-caption">
            Accounts of ${a.organisation.name} and its schools
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${r.users.map(
              (u) =>
                html`<tr>
                  <th scope="row">${u.name}<br /><span class="hint">${u.email}</span></th>
                  <td>${u.role.label}${u.school ? html`<br />${u.school.name}` : nothing}</td>
                  <td>
                    ${STATUS[u.status] ?? u.status}${
                      u.deactivatedOn ? ` on ${longDate(u.deactivatedOn)}` : ''
                    }
                  </td>
                  <td>
                    ${
                      u.status === 'deactivated' || u.email === me.user.email
                        ? nothing
                        : state.confirm === u.id
                          ? html`<div class="confirm" id="confirm-${u.id}" tabindex="-1">
                              <p>Deactivate ${u.email}? It is signed out at once.</p>
                              <button
                                type="button"
                                class="button button--warning"
                                @click=${() => deactivate(u.id, u.email)}
                              >
                                Yes, deactivate
                              </button>
                              <button type="button" class="link" @click=${() => again({})}>
                                Cancel
                              </button>
                            </div>`
                          : html`<button
                              type="button"
                              class="button--secondary"
                              @click=${() => deactivate(u.id, u.email)}
                            >
                              Deactivate<span class="visually-hidden"> ${u.email}</span>
                            </button>`
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h2>Invite someone</h2>
      <p>They get a link to choose their own password. Nobody else ever sees or sets it.</p>
      <form @submit=${submit} novalidate>
        <div class=${groupClass(errors, name)}>
          <label for=${name.id}>Name</label>
          ${fieldError(errors, name)}
          <input
            id=${name.id}
            name="name"
            type="text"
            autocomplete="off"
            .value=${live(v.name ?? '')}
            aria-describedby=${describedBy(errors, name)}
          />
        </div>
        <div class=${groupClass(errors, email)}>
          <label for=${email.id}>E-mail address</label>
          ${fieldError(errors, email)}
          <input
            id=${email.id}
            name="email"
            type="email"
            spellcheck="false"
            autocomplete="off"
            .value=${live(v.email ?? '')}
            aria-describedby=${describedBy(errors, email)}
          />
        </div>
        <div class=${groupClass(errors, role)}>
          <label for=${role.id}>Role</label>
          ${fieldError(errors, role)}
          <select id=${role.id} name="role" aria-describedby=${describedBy(errors, role)}>
            <option value="">Choose a role</option>
            ${r.roles.map(
              (x) => html`<option value=${x.id} ?selected=${v.role === x.id}>${x.label}</option>`,
            )}
          </select>
        </div>
        <div class=${groupClass(errors, school)}>
          <label for=${school.id}>School (for a school lead)</label>
          ${fieldError(errors, school)}
          <select id=${school.id} name="school" aria-describedby=${describedBy(errors, school)}>
            <option value="">No school</option>
            ${r.schools.map(
              (s) =>
                html`<option value=${s.urn} ?selected=${v.school === s.urn}>${s.name}</option>`,
            )}
          </select>
        </div>
        <button type="submit" class="button">Invite</button>
      </form>`,
    'Staff accounts',
    { error: hasErrors(errors) },
  );
}

/** The outbox: messages to staff, sent by SMTP when the portal has a mail server. */
export async function outboxPage(
  a: Area,
  header: TemplateResult,
  state: { done?: string; error?: string } = {},
): Promise<void> {
  const [box, data] = await Promise.all([
    call(client.area.outbox.$get()),
    call(client.area.tracker.$get({ query: { year: a.currentYear } })),
  ]);
  const tracker = ProgrammeTracker.parse(data);
  const behind = tracker.schools.filter((s) => {
    const f = trackerFlags(s, tracker);
    return f.overdue || f.stalled;
  });
  const again = (next: Parameters<typeof outboxPage>[2]) => outboxPage(a, header, next);
  const remind = async (event: Event) => {
    event.preventDefault();
    const schools = new FormData(event.target as HTMLFormElement).getAll('schools').map(String);
    try {
      const r = await call(client.area.reminders.$post({ json: { schools } }));
      await again({
        done: `${r.queued} ${r.queued === 1 ? 'reminder' : 'reminders'} added to the outbox.${
          r.withoutLead.length
            ? ` ${r.withoutLead.length} ${r.withoutLead.length === 1 ? 'school has' : 'schools have'} no lead with an account yet.`
            : ''
        }`,
      });
      focusOn('#notice');
    } catch (e) {
      await again({ error: e instanceof Error ? e.message : 'Something went wrong.' });
      focusOn('.error-summary');
    }
  };
  const send = async () => {
    try {
      const r = await call(client.area.outbox.send.$post({ json: {} }));
      await again({
        done: `${r.sent} sent${r.failed ? `, ${r.failed} refused by the mail server` : ''}.`,
      });
      focusOn('#notice');
    } catch (e) {
      await again({ error: e instanceof Error ? e.message : 'Something went wrong.' });
      focusOn('.error-summary');
    }
  };
  show(
    html`${
        state.error
          ? html`<div class="error-summary" tabindex="-1" role="alert">
              <h2 class="error-summary__title">There is a problem</h2>
              <p>${state.error}</p>
            </div>`
          : nothing
      }
      ${header}
      <h1>Messages to staff</h1>
      ${state.done ? notice(state.done) : nothing}
      <h2>Remind schools that are behind</h2>
      ${
        behind.length === 0
          ? html`<p>No school is overdue or stalled in ${tracker.programmeYear}.</p>`
          : html`<form @submit=${remind} novalidate>
              <fieldset class="fieldset" aria-describedby="remind-hint">
                <legend>Schools overdue or stalled in ${tracker.programmeYear}</legend>
                <p class="hint" id="remind-hint">
                  Each school's leads get a short, friendly message naming their next step and its
                  due date. Pupils are never sent anything.
                </p>
                <div class="checkboxes checkboxes--columns">
                  ${behind.map(
                    (s) =>
                      html`<div class="checkbox">
                        <input
                          type="checkbox"
                          id="remind-${s.urn}"
                          name="schools"
                          value=${s.urn}
                          checked
                        />
                        <label for="remind-${s.urn}">${s.name}</label>
                      </div>`,
                  )}
                </div>
              </fieldset>
              <button type="submit" class="button">Add reminders to the outbox</button>
            </form>`
      }
      <h2>Outbox</h2>
      <p>
        ${
          box.mailServer
            ? html`This portal sends mail.
                <button type="button" class="button" @click=${send}>Send what is waiting</button>`
            : 'This portal has no mail server: copy each message into your own e-mail.'
        }
      </p>
      ${
        box.messages.length === 0
          ? html`<p>No messages yet.</p>`
          : html`<ol class="log">
              ${box.messages.map(
                (m) =>
                  html`<li class="log__entry">
                    <details>
                      <summary>
                        ${m.subject} — to ${m.to}
                        (${m.sentAt ? `sent ${longDate(m.sentAt)}` : m.failure ? 'not sent' : 'waiting'})
                      </summary>
                      ${m.failure ? html`<p class="error-message">${m.failure}</p>` : nothing}
                      <pre class="message">
${`To: ${m.to}\nSubject: ${m.subject}\n\n${m.body}`}</pre>
                    </details>
                  </li>`,
              )}
            </ol>`
      }`,
    'Messages to staff',
    { error: Boolean(state.error) },
  );
}
