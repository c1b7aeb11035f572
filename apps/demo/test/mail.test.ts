/** The outbox's SMTP message format: one-line headers (no injection), dot-stuffing, UTF-8. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMessage, mailConfig, sendMail } from '../server/ops/mail.js';

describe('mail', () => {
  it('S4 a subject with a line break cannot add a header; a line starting with a dot is doubled', () => {
    const text = formatMessage('portal@la.example', {
      to: 'lead@school.example',
      subject: 'Hello\r\nBcc: everyone@example.com',
      body: 'One\n.hidden\n.\nEnd',
    });
    assert.ok(!/^Bcc:/m.test(text), text);
    assert.match(text, /^Subject: Hello Bcc: everyone@example\.com\r$/m);
    assert.match(text, /\r\n\.\.hidden\r\n\.\.\r\nEnd\r\n\.\r\n$/);
  });

  it('a recipient with a line break is refused before anything is sent', async () => {
    await assert.rejects(
      sendMail(mailConfig({ SMTP_URL: 'smtp://127.0.0.1:9?tls=off' })!, {
        to: 'a@b.example>\r\nRCPT TO:<c@d.example',
        subject: 's',
        body: 'b',
      }),
      /one bare e-mail address/,
    );
  });

  it('SMTP_URL must be smtp or smtps; none means no mail server', () => {
    assert.equal(mailConfig({}), undefined);
    assert.throws(() => mailConfig({ SMTP_URL: 'http://mail.example' }), /smtp:\/\//);
    assert.equal(
      mailConfig({ SMTP_URL: 'smtps://u:p@mail.example' })!.from,
      'all-together@mail.example',
    );
  });
});
