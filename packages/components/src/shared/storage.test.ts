import { expect } from '@open-wc/testing';
import { localDraftStorage, memoryStorage, sessionDraftStorage } from './storage.js';

describe('draft storage', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('sessionDraftStorage keeps drafts in sessionStorage and nothing in localStorage', async () => {
    const storage = sessionDraftStorage();
    await storage.set('at-draft', '{"a":1}');
    expect(sessionStorage.getItem('at-draft')).to.equal('{"a":1}');
    expect(localStorage.length).to.equal(0);
    expect(await storage.get('at-draft')).to.equal('{"a":1}');
    await storage.remove('at-draft');
    expect(await storage.get('at-draft')).to.equal(null);
  });

  it('localDraftStorage writes to localStorage only when chosen', async () => {
    const storage = localDraftStorage();
    await storage.set('k', 'v');
    expect(localStorage.getItem('k')).to.equal('v');
    expect(sessionStorage.length).to.equal(0);
  });

  it('memoryStorage keeps values apart per adapter and survives nothing', async () => {
    const a = memoryStorage();
    const b = memoryStorage();
    await a.set('k', 'v');
    expect(await a.get('k')).to.equal('v');
    expect(await b.get('k')).to.equal(null);
    await a.remove('missing');
    expect(sessionStorage.length + localStorage.length).to.equal(0);
  });

  it('keeps a draft in memory when the browser refuses to store it', async () => {
    const storage = sessionDraftStorage();
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      await storage.set('k', 'kept');
      expect(sessionStorage.getItem('k')).to.equal(null);
      expect(await storage.get('k')).to.equal('kept');
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
