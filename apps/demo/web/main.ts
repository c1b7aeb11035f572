/**
 * The portal's front end: a tiny router over four areas (sign-in, pupil, school lead, trust). Every
 * page renders text through Lit templates (no markup from data, strict CSP and Trusted Types).
 */
import './zod-config.js';
import { html, render, type TemplateResult } from 'lit';
import { api, currentUser, setCsrf, type Me } from './api.js';
import { errorView, navigate, setRouter, show } from './ui.js';
import { pupilPage } from './pages/pupil.js';
import { schoolPage } from './pages/school.js';
import { trustPage } from './pages/trust.js';
import './elements.js';

const nav = document.getElementById('nav')!;
const main = document.getElementById('main')!;
setRouter(() => route());

function renderNav(me: Me | null): void {
  render(
    me
      ? html`<span>${me.user.name}</span>
          <a href=${me.user.role === 'trust-admin' ? '/trust' : '/school'}>Dashboard</a>
          <button class="link" type="button" @click=${signOut}>Sign out</button>`
      : html`<a href="/">Staff sign in</a> <a href="/pupil">Pupils</a>`,
    nav,
  );
}

async function signOut(): Promise<void> {
  await api('POST', '/api/logout', {}).catch(() => {});
  setCsrf('');
  location.replace('/');
}

function loginPage(error?: unknown): TemplateResult {
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const r = await api<{ user: Me['user']; csrf: string }>('POST', '/api/login', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      });
      setCsrf(r.csrf);
      navigate(r.user.role === 'trust-admin' ? '/trust' : '/school', true);
    } catch (e) {
      show(loginPage(e), 'Sign in');
      (main.querySelector('.error-summary') as HTMLElement | null)?.focus();
    }
  };
  return html`<h1>Sign in</h1>
    ${error ? errorView(error) : ''}
    <p>
      For school leads and trust administrators. Pupils do not need an account:
      <a href="/pupil">answer the questionnaire with a class code</a>.
    </p>
    <form @submit=${submit} novalidate>
      <label for="email">E-mail address</label>
      <input id="email" name="email" type="email" autocomplete="username" required />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
      />
      <div><button type="submit">Sign in</button></div>
    </form>`;
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
    const me = await currentUser();
    renderNav(me);
    if (!me) {
      if (path !== '/') history.replaceState(null, '', '/');
      show(loginPage(), 'Sign in');
      return;
    }
    if (path === '/') return navigate(me.user.role === 'trust-admin' ? '/trust' : '/school', true);
    if (path.startsWith('/school') && me.user.role === 'school-lead')
      return await schoolPage(me, path);
    if (path.startsWith('/trust') && me.user.role === 'trust-admin') return await trustPage(me);
    show(
      html`<h1>Page not found</h1>
        <p><a href="/">Go to your dashboard</a></p>`,
      'Not found',
    );
  } catch (e) {
    show(errorView(e), 'Problem');
  }
}

void route();
