/**
 * Sending the outbox by SMTP, when the portal has a mail server (`SMTP_URL`, e.g.
 * `smtp://user:password@mail.example:587` or `smtps://…:465`; `MAIL_FROM` the sender). A small
 * client of our own, no dependency: EHLO, STARTTLS when the server offers it (required unless the
 * URL says `?tls=off`, for a relay on the same host), AUTH PLAIN when the URL has a user, one
 * message per connection, plain UTF-8 text. Without a mail server the outbox is listed for
 * copying instead.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import type { Repos } from '../repo/index.js';

export interface MailConfig {
  url: URL;
  from: string;
}

/** The mail server from the environment, or undefined when none is set. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | undefined {
  if (!env.SMTP_URL) return undefined;
  const url = new URL(env.SMTP_URL);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start smtp:// or smtps://, not ${url.protocol}//`);
  const from = env.MAIL_FROM ?? `all-together@${url.hostname}`;
  if (/[\r\n<>]/.test(from)) throw new Error('MAIL_FROM must be a bare e-mail address.');
  return { url, from };
}

export interface Message {
  to: string;
  subject: string;
  body: string;
}

/** One header value on one line: no CR or LF (header injection), non-ASCII as RFC 2047. */
const header = (s: string): string => {
  const flat = s.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat)
    ? flat
    : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
};

/** The message as SMTP DATA: headers, a blank line, the body with CRLF and leading dots doubled. */
export function formatMessage(from: string, m: Message, now = new Date()): string {
  const body = m.body
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
  return [
    `From: ${header(from)}`,
    `To: ${header(m.to)}`,
    `Subject: ${header(m.subject)}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${from.split('@')[1] ?? 'all-together'}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '.',
    '',
  ].join('\r\n');
}

/** A line-based conversation with an SMTP server: each `reply` waits for one full reply. */
class Conversation {
  private buffer = '';
  private waiting: ((r: { code: number; text: string }) => void) | undefined;
  private failed: ((e: Error) => void) | undefined;
  constructor(public socket: Socket | TLSSocket) {
    this.listen(socket);
  }
  listen(socket: Socket | TLSSocket): void {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.drain();
    });
    socket.on('error', (e) => this.failed?.(e));
    socket.on('close', () => this.failed?.(new Error('The mail server closed the connection.')));
  }
  private drain(): void {
    // A reply is complete at a line "NNN text" (a space, not a dash, after the code).
    const lines = this.buffer.split('\r\n');
    for (let i = 0; i < lines.length - 1; i++) {
      if (/^\d{3}(?: |$)/.test(lines[i]!)) {
        const text = lines.slice(0, i + 1).join('\n');
        this.buffer = lines.slice(i + 1).join('\r\n');
        const done = this.waiting;
        this.waiting = undefined;
        done?.({ code: Number(lines[i]!.slice(0, 3)), text });
        return;
      }
    }
  }
  reply(expect: number[], timeoutMs = 20_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The mail server did not answer.')),
        timeoutMs,
      );
      this.failed = (e) => {
        clearTimeout(timer);
        reject(e);
      };
      this.waiting = (r) => {
        clearTimeout(timer);
        if (expect.includes(r.code)) resolve(r.text);
        else reject(new Error(`The mail server refused: ${r.text.split('\n').at(-1)}`));
      };
      this.drain();
    });
  }
  async send(line: string, expect: number[]): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply(expect);
  }
}

/** Sends one message; throws with the server's words when it is refused. */
export async function sendMail(config: MailConfig, m: Message): Promise<void> {
  if (/[\r\n<>]/.test(m.to)) throw new Error('A recipient is one bare e-mail address.');
  const { url } = config;
  const implicit = url.protocol === 'smtps:';
  const port = Number(url.port) || (implicit ? 465 : 587);
  const socket: Socket = implicit
    ? tlsConnect({ host: url.hostname, port, servername: url.hostname })
    : netConnect({ host: url.hostname, port });
  const talk = new Conversation(socket);
  try {
    await talk.reply([220]);
    const me = 'all-together.portal';
    let hello = await talk.send(`EHLO ${me}`, [250]);
    if (!implicit && url.searchParams.get('tls') !== 'off') {
      if (!/STARTTLS/i.test(hello))
        throw new Error(
          'The mail server does not offer STARTTLS (set ?tls=off for a local relay).',
        );
      await talk.send('STARTTLS', [220]);
      const secure = tlsConnect({ socket, servername: url.hostname });
      await new Promise<void>((resolve, reject) => {
        secure.once('secureConnect', () => resolve());
        secure.once('error', reject);
      });
      talk.listen(secure);
      hello = await talk.send(`EHLO ${me}`, [250]);
    }
    if (url.username) {
      const plain = Buffer.from(
        `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`,
      ).toString('base64');
      await talk.send(`AUTH PLAIN ${plain}`, [235]);
    }
    await talk.send(`MAIL FROM:<${config.from}>`, [250]);
    await talk.send(`RCPT TO:<${m.to}>`, [250, 251]);
    await talk.send('DATA', [354]);
    talk.socket.write(formatMessage(config.from, m));
    await talk.reply([250]);
    talk.socket.write('QUIT\r\n');
  } finally {
    talk.socket.end();
  }
}

/** Sends every unsent message the caller may see; a refusal is kept on the message, in words. */
export async function sendOutbox(
  repo: Repos,
  config: MailConfig,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const m of await repo.accounts.unsent()) {
    try {
      await sendMail(config, { to: m.to_email, subject: m.subject, body: m.body });
      await repo.accounts.sent(m.id, null);
      sent++;
    } catch (e) {
      await repo.accounts.sent(m.id, (e as Error).message.slice(0, 300));
      failed++;
    }
  }
  return { sent, failed };
}
