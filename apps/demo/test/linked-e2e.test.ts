/**
 * Linked mode in Debian's Chromium (issue 21, "Done when"): a lead imports a class list (and sees
 * every error in a bad one), prints a class's slips, and a pupil answers with their own code
 * without being asked about SEND or free school meals; the stored response carries the records'
 * characteristics. axe and one h1 on every page (A11), no CSP violation (W3).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { QuestionnaireResponse } from '@all-together/model';
import { SYSTEM, withScope } from '../server/db.js';
import { LIVE_ROUND, leadEmail } from '../server/seed.js';
import { browserKit, SHOTS } from './browser.js';
import { CHROME, startServer, type TestServer } from './helpers.js';

const CLASS_LIST = [
  'Adno,Reg Group,Year,Gender,SEN Status,FSM Eligible,EAL,Ethnicity,Looked After,Young Carer',
  '1001,4B,4,F,E,Y,N,WBRI,N,N',
  '1002,4B,4,M,K,N,Y,AIND,N,Y',
  '1003,4B,4,M,N,N,N,BCRB,Y,N',
  '2001,5C,5,F,N,N,N,WBRI,N,N',
].join('\n');
const BAD_LIST = ['Adno,Reg Group,SEN Status', '1001,4B,X', 'Sam,4B,N'].join('\n');

describe(
  'linked mode in Chromium',
  { skip: existsSync(CHROME) ? false : `no Chromium at ${CHROME}` },
  () => {
    let s: TestServer;
    const kit = browserKit(() => s.url);
    const { newPage, signIn, check } = kit;

    before(async () => {
      s = await startServer({ schools: 2 });
      await kit.launch();
    });
    after(async () => {
      await kit.close();
      await s?.close();
    });

    it('Done when: a class list imported, slips printed, a pupil answers with their own code and is not asked about SEND or FSM', async () => {
      const page = await newPage();
      await signIn(page, leadEmail(0), /\/school/);
      await page.goto(`${s.url}/school/codes/${LIVE_ROUND}`);
      await page.getByRole('link', { name: 'use class lists from your records' }).click();
      await page
        .getByRole('heading', { level: 1, name: /Class lists from your records/ })
        .waitFor();
      await check(page, 'the class lists page');

      // A bad file: every problem, with its row and column, in the error summary.
      const file = page.getByLabel('CSV export from your records');
      await file.setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(BAD_LIST),
      });
      await page.getByRole('button', { name: 'Import the class list' }).click();
      const summary = page.locator('.error-summary');
      await summary.getByText(/Row 2, column "SEN Status"/).waitFor();
      await summary.getByText(/Row 3, column "Adno"/).waitFor();
      assert.match(await page.title(), /^Error: /);
      assert.match(
        String(await page.evaluate(() => document.activeElement?.className)),
        /error-summary/,
      );
      await check(page, 'the class list with errors');

      await file.setInputFiles({
        name: 'list.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CLASS_LIST),
      });
      await page.getByRole('button', { name: 'Import the class list' }).click();
      await page.getByRole('heading', { name: '4 pupils imported' }).waitFor();
      await page.locator('#classes').getByRole('row', { name: /4B/ }).waitFor();
      await page.screenshot({ path: `${SHOTS}linked-class-lists.png`, fullPage: true });
      await page.getByLabel('Questionnaire for the slips').selectOption('pupil-ks2');
      await page.getByRole('button', { name: 'Print slips for 4B' }).click();
      await page.getByRole('heading', { name: 'Slips for 4B' }).waitFor();
      await check(page, 'the slips');
      const codes = await page.locator('.slip__code').allInnerTexts();
      assert.equal(codes.length, 3);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `${SHOTS}linked-slips-print.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      // Slips are shown once: the class now reads "Printed".
      await page.reload();
      await page
        .locator('#classes')
        .getByRole('row', { name: /4B/ })
        .getByText('Printed')
        .waitFor();

      // The pupil with reference 1001 (EHC plan, free school meals) answers with their code.
      const slip = await page.locator('.slip', { hasText: '1001' }).count();
      assert.equal(slip, 0, 'the slips are not shown again');
      const pupil = await newPage();
      await pupil.goto(`${s.url}/pupil`);
      await pupil.getByLabel('Class code').fill(codes[0]!);
      await pupil.getByRole('button', { name: 'Start' }).click();
      await pupil.locator('at-questionnaire').waitFor();
      const served = await pupil.evaluate(async () => {
        const r = await fetch('/api/pupil/questionnaire');
        const body = (await r.json()) as {
          definition: { version: string; sections: { id: string }[] };
        };
        return {
          version: body.definition.version,
          sections: body.definition.sections.map((x) => x.id),
        };
      });
      assert.match(served.version, /-linked$/);
      assert.ok(!served.sections.includes('about-you'), served.sections.join(', '));
      await pupil.getByRole('button', { name: /^Start now/ }).click();
      for (let i = 0; i < 60; i++) {
        const send = pupil.getByRole('button', { name: 'Send my answers' });
        if (await send.isVisible()) break;
        const body = await pupil.locator('at-questionnaire').innerText();
        assert.doesNotMatch(body, /free school meals|EHC plan|special educational/i);
        await pupil.locator('at-questionnaire input').first().check();
        await pupil.getByRole('button', { name: 'Continue' }).click();
      }
      await check(pupil, 'the check-your-answers page');
      await pupil.getByRole('button', { name: 'Send my answers' }).click();
      await pupil.locator('at-questionnaire').getByText(/sent/i).first().waitFor();

      const stored = await withScope(
        SYSTEM,
        async () =>
          (
            await s.db.query<{ body: QuestionnaireResponse }>(
              `SELECT body FROM responses WHERE round_id = $1 AND body->>'mode' = 'linked'`,
              [LIVE_ROUND],
            )
          ).rows,
      );
      assert.equal(stored.length, 1);
      const c = stored[0]!.body.characteristics;
      assert.equal(c.source, 'school-records');
      // The first slip is one of 4B's three pupils; whichever, its record's values arrived.
      assert.ok(['E', 'K', 'N'].includes(c.sen!));
      assert.equal(c.yearGroup, 'Y4');
      await pupil.context().close();
      await page.context().close();
    });
  },
);
