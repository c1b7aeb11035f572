import { html, render } from 'lit';
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { memoryStorage } from '../shared/storage.js';
import {
  audit,
  generateAuditResponse,
  generatePerception,
  generatePlan,
  generatePupilInputs,
  SCHOOL,
} from './audit-data.js';
import '../audit/at-audit.js';
import '../action-plan/at-action-plan.js';
import type { AtAudit } from '../audit/audit.js';
import type { AtActionPlan } from '../action-plan/action-plan.js';

const shot = (name: string, width = 900) => executeServerCommand('shot', { name, width });
const host = document.createElement('div');
document.body.append(host);
const q = (el: Element, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const btn = (el: Element, t: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === t)!;
const TODAY = '2027-03-15';
const baseline = generateAuditResponse(audit, { seed: 31, wave: 'baseline' });
const end = generateAuditResponse(audit, { seed: 32, wave: 'end', evidencePerArea: 2 });

async function auditEl(props: Partial<AtAudit> & { dir?: string } = {}) {
  render(html``, host);
  render(
    html`<div dir=${props.dir ?? 'ltr'}>
      <at-audit
        .definition=${audit}
        school=${SCHOOL}
        wave=${props.wave ?? 'baseline'}
        .storage=${memoryStorage()}
        .response=${props.response}
        .baseline=${props.baseline}
        .perception=${props.perception}
      ></at-audit>
    </div>`,
    host,
  );
  const el = host.querySelector('at-audit')!;
  await waitUntil(() => el.shadowRoot!.querySelector('#page-heading, .problem'));
  return el;
}

describe('shots', () => {
  it('audit', async () => {
    let el = await auditEl({
      response: generateAuditResponse(audit, {
        seed: 3,
        wave: 'baseline',
        rated: 12,
        completed: false,
      }),
    });
    await shot('audit-overview');
    q(el, '.task button').click();
    await el.updateComplete;
    await shot('audit-statement');
    q(el, 'details summary').click();
    await el.updateComplete;
    await shot('audit-guidance');
    (q(el, 'details') as HTMLDetailsElement).open = false;
    const url = q(el, '#evidence-url') as HTMLInputElement;
    url.value = 'javascript:alert(1)';
    url.dispatchEvent(new Event('input'));
    btn(el, 'Add evidence').click();
    await el.updateComplete;
    await shot('audit-evidence-error');
    btn(el, 'Back to all areas').click();
    await el.updateComplete;
    btn(el, 'Check your ratings and see the scores').click();
    await el.updateComplete;
    btn(el, 'Complete the audit').click();
    await el.updateComplete;
    await shot('audit-summary-unrated');
    el = await auditEl({ wave: 'end', baseline, response: end });
    btn(el, 'Check your ratings and see the scores').click();
    await el.updateComplete;
    await shot('audit-end-summary');
    el = await auditEl({ wave: 'end', baseline, response: end, perception: generatePerception(7) });
    await shot('audit-end-overview-360');
    q(el, '.task button').click();
    await el.updateComplete;
    await shot('audit-end-statement-360');
    await shot('audit-statement-320', 320);
    el = await auditEl({ dir: 'rtl', perception: generatePerception(7) });
    q(el, '.task button').click();
    await el.updateComplete;
    await shot('audit-rtl');
    render(html``, host);
    render(html`<at-audit .definition=${{ kind: 'audit' }} school=${SCHOOL}></at-audit>`, host);
    await waitUntil(() => host.querySelector('at-audit')!.shadowRoot!.querySelector('.problem'));
    await shot('audit-invalid');
  });

  it('plan', async () => {
    const pupils = generatePupilInputs(41);
    const mk = async (plan: unknown, extra = true) => {
      render(html``, host);
      render(
        html`<at-action-plan
          .definition=${audit}
          school=${SCHOOL}
          today=${TODAY}
          .storage=${memoryStorage()}
          .plan=${plan}
          .baseline=${extra ? baseline : undefined}
          .auditResponse=${extra ? end : undefined}
          .baselineQuestionnaire=${pupils.baselineQuestionnaire}
          .endQuestionnaire=${pupils.endQuestionnaire}
          .pupilOutcomes=${pupils.pupilOutcomes}
        ></at-action-plan>`,
        host,
      );
      const el = host.querySelector('at-action-plan') as AtActionPlan;
      await waitUntil(() => el.shadowRoot!.querySelector('h2'));
      return el;
    };
    await mk(undefined, false);
    await shot('plan-empty');
    await mk(undefined);
    await shot('plan-seeded');
    const el = await mk(generatePlan(audit, baseline, { seed: 5, today: TODAY }));
    await shot('plan-overdue-award');
    btn(el, 'Add an objective').click();
    (q(el, '#add-objective') as HTMLDetailsElement).open = true;
    await el.updateComplete;
    q(el, '#add-objective form button[type=submit]').click();
    await el.updateComplete;
    await shot('plan-objective-error');
  });
});
