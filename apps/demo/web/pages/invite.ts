/**
 * Accepting an invitation: the link's token is in the fragment (`/invite#token=…`), so it never
 * reaches a server log. The page shows whose account it is, then asks for a password twice.
 */
import { html } from 'lit';
import { ApiError, call, client } from '../api.js';
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
} from '../forms.js';
import { focusOn, show } from '../ui.js';

const FIELDS = [
  { name: 'password', id: 'new-password' },
  { name: 'confirm', id: 'confirm-password' },
] as const;

export async function invitePage(errors: FormErrors = noErrors()): Promise<void> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  let who;
  try {
    who = await call(client.invitations.check.$post({ json: { token } }));
  } catch (e) {
    show(
      html`<h1>This link does not work</h1>
        <p>
          ${
            e instanceof ApiError
              ? e.message
              : 'Something went wrong. Please try again in a moment.'
          }
        </p>
        <p><a href="/">Go to sign in</a></p>`,
      'Invitation',
    );
    return;
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    const v = valuesOf(event.target as HTMLFormElement);
    if ((v.password ?? '') !== (v.confirm ?? '')) {
      const mismatch = noErrors();
      mismatch.fields.set('confirm', 'The two passwords are not the same.');
      await invitePage(mismatch);
      focusOn('.error-summary');
      return;
    }
    try {
      await call(client.invitations.accept.$post({ json: { token, password: v.password ?? '' } }));
      history.replaceState(null, '', '/');
      show(
        html`<h1>Your account is ready</h1>
          <div class="notice" role="status" tabindex="-1" id="notice">
            You can now sign in as ${who.email}.
          </div>
          <p><a href="/">Sign in</a></p>`,
        'Account ready',
      );
      focusOn('#notice');
    } catch (e) {
      await invitePage(errorsFrom(e, FIELDS));
      focusOn('.error-summary');
    }
  };
  const [password, confirm] = FIELDS;
  show(
    html`${errorSummary(errors, FIELDS)}
      <h1>Choose your password</h1>
      <p>For ${who.name} (${who.email}), ${who.role}.</p>
      <form @submit=${submit} novalidate>
        <input type="email" name="username" autocomplete="username" value=${who.email} hidden />
        <div class=${groupClass(errors, password)}>
          <label for=${password.id}>New password</label>
          <p class="hint" id="${password.id}-hint">
            At least 8 characters. A few words you will remember make a strong password.
          </p>
          ${fieldError(errors, password)}
          <input
            id=${password.id}
            name="password"
            type="password"
            autocomplete="new-password"
            aria-describedby=${describedBy(errors, password, true)}
          />
        </div>
        <div class=${groupClass(errors, confirm)}>
          <label for=${confirm.id}>Type it again</label>
          ${fieldError(errors, confirm)}
          <input
            id=${confirm.id}
            name="confirm"
            type="password"
            autocomplete="new-password"
            aria-describedby=${describedBy(errors, confirm)}
          />
        </div>
        <button type="submit" class="button">Save my password</button>
      </form> `,
    'Choose your password',
    { error: hasErrors(errors) },
  );
}
