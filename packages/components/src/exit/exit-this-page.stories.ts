/**
 * Stories of `<at-exit-this-page>`: the button on its own, and at the top of a long page of a
 * sensitive journey (the portal's class-code page shows it the same way).
 */
import { html } from 'lit';
import './at-exit-this-page.js';

const meta = {
  title: 'Elements/at-exit-this-page',
  component: 'at-exit-this-page',
  parameters: { a11y: { test: 'error' }, actions: { handles: ['at-exit'] } },
  // The story never leaves Storybook: every exit is cancelled.
  decorators: [
    (story: () => unknown) =>
      html`<div @at-exit=${(e: Event) => e.preventDefault()}>${story()}</div>`,
  ],
};
export default meta;

/** The button and the Shift shortcut's hint. */
export const Default = {
  render: () =>
    html`<at-exit-this-page exit-url="https://www.bbc.co.uk/weather"></at-exit-this-page>`,
};

/** First on a class-code page: it stays at the top as the page scrolls. */
export const OnAClassCodePage = {
  render: () =>
    html`<at-exit-this-page></at-exit-this-page>
      <h1>Answer the questionnaire</h1>
      <p>Your teacher will give you a class code. You do not need to give your name.</p>
      <label for="code">Class code</label>
      <input id="code" autocomplete="off" />`,
};
