/**
 * The portal's front end: a tiny router over four areas (sign-in, pupil, school lead, trust). Every
 * page renders text through Lit templates (no markup from data, strict CSP and Trusted Types) and
 * talks to the server through the typed client (api.ts).
 */
import './zod-config.js';
import '@all-together/components/themes/default.css';
import { live } from 'lit/directives/live.js';
import { html, render, type TemplateResult } from 'lit';
import { call, client, currentUser, setCsrf, type Me } from './api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  hasErrors,
  noErrors,
  valuesOf,
  type FormErrors,
} from './forms.js';
import { errorView, focusOn, navigate, setRouter, show } from './ui.js';
import { pupilPage } from './pages/pupil.js';
import { schoolPage } from './pages/school/index.js';
import { trustLogPage, trustPage } from './pages/trust.js';
import { areaPage } from './pages/area.js';
import { invitePage } from './pages/invite.js';
import { awardsPage, leadAwardPage, moderatorPage } from './pages/moderation.js';
import { areaReturnsPage, incidentsPage } from './pages/incidents.js';
import { cpdDelegatePage } from './pages/cpd-delegate.js';
import { cpdPage } from './pages/cpd.js';
import { perceptionAnswerPage } from './pages/perception-answer.js';
import './elements.js';

const nav = document.getElementById('nav')!;

/** Where each role starts: LA staff at the tracker, a trust administrator at the trust's page. */
const home = (role: string): string =>
  role === 'school-lead'
    ? '/school'
    : role === 'trust-admin'
      ? '/trust'
      : role === 'moderator'
        ? '/moderation'
        : '/area';
setRouter(() => route());

function renderNav(me: Me | null): void {
  render(
    me
      ? html`<span class="nav__who">${me.user.name}</span>
          <a href=${home(me.user.role)}>Dashboard</a>
          ${
            me.user.role === 'school-lead'
              ? html`<a href="/award">Award and evidence</a> <a href="/incidents">Incidents</a>
                  <a href="/training">Training</a>`
              : me.user.role === 'moderator'
                ? ''
                : html`<a href="/area">Programme tracker</a> <a href="/awards">Awards</a>
                    <a href="/area/incident-returns">Incident returns</a>`
          }
          <button class="link" type="button" @click=${signOut}>Sign out</button>`
      : html`<a href="/">Staff sign in</a> <a href="/pupil">Pupils</a>`,
    nav,
  );
}

async function signOut(): Promise<void> {
  await call(client.logout.$post()).catch(() => {});
  setCsrf('');
  location.replace('/');
}

const LOGIN_FIELDS = [
  { name: 'email', id: 'email' },
  { name: 'password', id: 'password' },
] as const;

function loginPage(errors: FormErrors = noErrors(), values: Record<string, string> = {}): void {
  const [email, password] = LOGIN_FIELDS;
  const submit = async (event: Event) => {
    event.preventDefault();
    const v = valuesOf(event.target as HTMLFormElement);
    try {
      const r = await call(
        client.login.$post({ json: { email: v.email ?? '', password: v.password ?? '' } }),
      );
      setCsrf(r.csrf);
      navigate(home(r.user.role), true);
    } catch (e) {
      // The password is never put back into the page; the e-mail address is.
      loginPage(errorsFrom(e, LOGIN_FIELDS), { email: v.email ?? '' });
      focusOn('.error-summary');
    }
  };
  const view: TemplateResult = html`${errorSummary(errors, LOGIN_FIELDS)}
    <h1>Sign in</h1>
    <p>
      For school leads, trust administrators and local authority staff. Pupils do not need an
      account:
      <a href="/pupil">answer the questionnaire with a class code</a>.
    </p>
    <form @submit=${submit} novalidate>
      <div class=${groupClass(errors, email)}>
        <label for="email">E-mail address</label>
        ${fieldError(errors, email)}
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          spellcheck="false"
          .value=${live(values.email ?? '')}
          aria-describedby=${describedBy(errors, email)}
        />
      </div>
      <div class=${groupClass(errors, password)}>
        <label for="password">Password</label>
        ${fieldError(errors, password)}
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          .value=${live('')}
          aria-describedby=${describedBy(errors, password)}
        />
      </div>
      <button type="submit" class="button">Sign in</button>
    </form>`;
  show(view, 'Sign in', { error: hasErrors(errors) });
}

export async function route(): Promise<void> {
  const path = location.pathname;
  document.body.classList.toggle('pupil', path.startsWith('/pupil'));
  try {
    if (path.startsWith('/pupil')) {
      render(html`<a href="/">Staff sign in</a>`, nav);
      await pupilPage();
      return;
    }
    if (path === '/cpd') {
      // A training delegate: no account, no school (docs/decisions/0048).
      render(html`<a href="/">Staff sign in</a>`, nav);
      await cpdDelegatePage();
      return;
    }
    if (path === '/survey') {
      render(html`<a href="/">Staff sign in</a>`, nav);
      await perceptionAnswerPage();
      return;
    }
    if (path === '/invite') {
      render(html`<a href="/">Staff sign in</a>`, nav);
      await invitePage();
      return;
    }
    const me = await currentUser();
    renderNav(me);
    if (!me) {
      if (path !== '/') history.replaceState(null, '', '/');
      loginPage();
      return;
    }
    if (path === '/') return navigate(home(me.user.role), true);
    if (path.startsWith('/moderation') && me.user.role === 'moderator')
      return await moderatorPage(path);
    if (path === '/awards' && !['school-lead', 'moderator'].includes(me.user.role))
      return await awardsPage();
    if (path.startsWith('/award') && me.user.role === 'school-lead' && me.user.school)
      return await leadAwardPage(me.user.school, path);
    if (path === '/area/incident-returns' && !['school-lead', 'moderator'].includes(me.user.role))
      return await areaReturnsPage();
    if (path.startsWith('/incidents') && me.user.role === 'school-lead')
      return await incidentsPage(me, path);
    if (path.startsWith('/area') && !['school-lead', 'moderator'].includes(me.user.role))
      return await areaPage(me, path);
    if (path === '/training' && me.user.role === 'school-lead')
      return await cpdPage(() => html`<a href="/school" class="back-link">Back to your school</a>`);
    if (path.startsWith('/school') && me.user.role === 'school-lead')
      return await schoolPage(me, path);
    if (path === '/trust/log' && me.user.role === 'trust-admin') return await trustLogPage();
    if (path.startsWith('/trust') && me.user.role === 'trust-admin') return await trustPage();
    show(
      html`<h1>Page not found</h1>
        <p><a href="/">Go to your dashboard</a></p>`,
      'Not found',
    );
  } catch (e) {
    show(
      html`<h1>Sorry, there is a problem</h1>
        ${errorView(e)}`,
      'Problem',
      { error: true },
    );
  }
}

void route();
