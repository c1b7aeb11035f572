/**
 * Published figures are made once per distinct input: the same summaries publish once, anything
 * changed publishes again, and the cache never grows past its bound. The routes' guards are not
 * involved: the cache is keyed by what was published from, never by who asked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  canonical,
  createPublicationCache,
  publications,
} from '../server/domain/publication-cache.js';
import { DEMO_ADMIN } from '../server/seed.js';
import { Client, startServer, type TestServer } from './helpers.js';

describe('the publication cache', () => {
  it('publishes the same input once and returns the same publication', () => {
    const cache = createPublicationCache(4);
    let made = 0;
    const make = () => ({ n: ++made });
    const a = cache.get('k', { summaries: [1, 2], viewer: 'school' }, make);
    const b = cache.get('k', { summaries: [1, 2], viewer: 'school' }, make);
    assert.equal(made, 1);
    assert.equal(a, b);
  });

  it('publishes again when anything in the input or its kind differs', () => {
    const cache = createPublicationCache(4);
    let made = 0;
    const make = () => ++made;
    cache.get('k', { summaries: [1, 2], viewer: 'school' }, make);
    cache.get('k', { summaries: [1, 3], viewer: 'school' }, make);
    cache.get('k', { summaries: [1, 2], viewer: 'trust' }, make);
    cache.get('other', { summaries: [1, 2], viewer: 'school' }, make);
    assert.equal(made, 4);
    assert.equal(cache.size, 4);
  });

  it('holds at most its bound, dropping the least recently used', () => {
    const cache = createPublicationCache(2);
    let made = 0;
    const make = () => ++made;
    cache.get('k', 1, make); // made 1
    cache.get('k', 2, make); // made 2
    cache.get('k', 1, make); // hit: 1 is now the most recent
    cache.get('k', 3, make); // made 3, drops 2
    assert.equal(cache.size, 2);
    assert.equal(cache.get('k', 1, make), 1);
    assert.equal(cache.get('k', 2, make), 4, '2 was dropped and made again');
  });

  it('the same data with its keys in another order is the same input (as jsonb stores it)', () => {
    const cache = createPublicationCache(4);
    let made = 0;
    const make = () => ++made;
    cache.get('k', { a: 1, b: { c: [1, { d: 2, e: 3 }], f: undefined } }, make);
    cache.get('k', { b: { c: [1, { e: 3, d: 2 }] }, a: 1 }, make);
    assert.equal(made, 1);
    const parts: string[] = [];
    canonical({ b: [undefined, 'x'], a: null }, (p) => parts.push(p));
    assert.equal(parts.join(''), JSON.stringify({ a: null, b: [null, 'x'] }));
  });

  it("a publication made from another can be keyed by that one's key, not its bytes", () => {
    // The targeting list is made from the area's main publication (about 1.5 MB): it is keyed by
    // the main publication's key and the census, so a request hashes the summaries once, not
    // the summaries and then the whole publication made from them.
    const cache = createPublicationCache(4);
    const main = cache.keyOf('area', { summaries: [1, 2] });
    assert.equal(main, cache.keyOf('area', { summaries: [1, 2] }));
    assert.notEqual(main, cache.keyOf('area', { summaries: [1, 3] }));
    assert.notEqual(main, cache.keyOf('other', { summaries: [1, 2] }));
    let made = 0;
    const make = () => ++made;
    assert.equal(cache.getKeyed(main, make), 1);
    assert.equal(cache.get('area', { summaries: [1, 2] }, make), 1, 'the same entry as get');
    assert.equal(cache.get('targets', { main, census: [5] }, make), 2);
    assert.equal(cache.get('targets', { main, census: [5] }, make), 2);
    assert.equal(cache.get('targets', { main, census: [6] }, make), 3, 'a changed census');
  });

  it('refuses a bound below 1, saying what it got', () => {
    assert.throws(() => createPublicationCache(0), /at least 1 entry \(got 0\)/);
  });
});

describe('the portal publishes a trust once while its figures stay the same', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ schools: 3, pupilsPerSchool: [30, 50] });
  });
  after(() => server.close());

  it('two requests for the trust overview receive the same body; the second publishes nothing', async () => {
    const admin = new Client(server.url);
    assert.equal((await admin.login(DEMO_ADMIN)).status, 200);
    const first = await admin.request('GET', '/api/trust/overview');
    assert.equal(first.status, 200);
    const held = publications.size;
    const second = await admin.request('GET', '/api/trust/overview');
    assert.equal(second.status, 200);
    assert.equal(second.text, first.text);
    assert.equal(publications.size, held);
  });
});
