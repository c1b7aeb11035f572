/** What the 360° tests share: an adult's valid answers. */
import { randomUUID } from 'node:crypto';
import { itemsOf } from '@all-together/model';
import { getQuestionnaire } from '@all-together/questionnaires';

/** An adult's answers to the newest survey of `audience`: every agreement item `answer`. */
export function adultResponse(
  audience: 'staff' | 'parent-carer' | 'governor',
  school: string,
  wave: 'baseline' | 'end',
  answer = 'agree',
) {
  const def = getQuestionnaire(`perception-${audience}`);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id: randomUUID(),
    definition: { id: def.id, version: def.version },
    wave,
    school,
    mode: 'anonymous',
    characteristics: { source: 'self-report' },
    answers: Object.fromEntries(
      itemsOf(def)
        .filter((i) => i.type === 'agreement' && i.statements.length > 0)
        .map((i) => [i.id, answer]),
    ),
    startedAt: now,
    submittedAt: now,
  };
}
