/**
 * The pure logic of `<at-incident-form>`: the form's values (every field as typed, so nothing a
 * person entered is lost while it is wrong), the record those values make, and the checks, each
 * problem tied to the field it belongs to. No DOM, so it is tested without rendering.
 *
 * @module
 */
// First: zod must be jitless before this module's schema is built (W3, see zod-jitless.ts).
import '../shared/zod-jitless.js';
import {
  IncidentUpdate,
  PERSON_REFERENCE,
  type IncidentRecord,
  type Involvement,
  type PersonRole,
} from '@all-together/model';
import * as z from 'zod';

/** The groups of people a record names by reference, and the field id of each. */
export const PEOPLE: readonly { readonly involvement: Involvement; readonly field: string }[] = [
  { involvement: 'target', field: 'if-target' },
  { involvement: 'alleged-perpetrator', field: 'if-perpetrator' },
  { involvement: 'witness', field: 'if-witness' },
];

/** One action taken, as typed. */
export interface ActionValues {
  readonly action: string;
  readonly by: string;
}

/** Every field of the form, as typed (strings and lists of chosen values). */
export interface IncidentFormValues {
  readonly occurredOn: string;
  readonly occurredAt: string;
  readonly location: string;
  readonly reportedBy: string;
  readonly alleged: string;
  /** References, separated by commas or spaces, per group; and the group's role. */
  readonly refs: Readonly<Record<Involvement, string>>;
  readonly roles: Readonly<Record<Involvement, PersonRole>>;
  readonly status: string;
  readonly types: readonly string[];
  readonly setting: string;
  /** `yes`, `no`, or `''` (not answered). */
  readonly prejudice: string;
  readonly characteristics: readonly string[];
  readonly safeguarding: string;
  readonly whatHappened: string;
  readonly impact: string;
  readonly targetWishes: string;
  readonly actions: readonly ActionValues[];
  readonly outcome: string;
  readonly followUpOn: string;
  readonly reviewOn: string;
}

/** An empty form: a new allegation. */
export const EMPTY: IncidentFormValues = {
  occurredOn: '',
  occurredAt: '',
  location: '',
  reportedBy: '',
  alleged: '',
  refs: { target: '', 'alleged-perpetrator': '', witness: '' },
  roles: { target: 'pupil', 'alleged-perpetrator': 'pupil', witness: 'pupil' },
  status: 'allegation',
  types: [],
  setting: '',
  prejudice: '',
  characteristics: [],
  safeguarding: '',
  whatHappened: '',
  impact: '',
  targetWishes: '',
  actions: [{ action: '', by: '' }],
  outcome: '',
  followUpOn: '',
  reviewOn: '',
};

/** The form's values of a stored record (or an empty form). */
export function valuesOf(record: IncidentRecord | null): IncidentFormValues {
  if (!record) return EMPTY;
  const a = record.allegation;
  const d = record.details;
  const of = (i: Involvement) => a.people.filter((p) => p.involvement === i);
  const refs = { ...EMPTY.refs };
  const roles = { ...EMPTY.roles };
  for (const { involvement } of PEOPLE) {
    refs[involvement] = of(involvement)
      .map((p) => p.reference)
      .join(', ');
    roles[involvement] = of(involvement)[0]?.role ?? 'pupil';
  }
  return {
    occurredOn: a.occurredOn,
    occurredAt: a.occurredAt ?? '',
    location: a.location,
    reportedBy: a.reportedBy,
    alleged: a.alleged,
    refs,
    roles,
    status: record.status,
    types: d?.types ?? [],
    setting: d?.setting ?? '',
    prejudice: d ? (d.prejudiceRelated ? 'yes' : 'no') : '',
    characteristics: d?.characteristics ?? [],
    safeguarding: d ? (d.safeguarding ? 'yes' : 'no') : '',
    whatHappened: d?.whatHappened ?? '',
    impact: d?.impact ?? '',
    targetWishes: d?.targetWishes ?? '',
    actions: d?.actions.length ? d.actions : EMPTY.actions,
    outcome: d?.outcome ?? '',
    followUpOn: d?.followUpOn ?? '',
    reviewOn: d?.reviewOn ?? '',
  };
}

/** The references typed in one box: split on commas and spaces, in capitals. */
export const referencesIn = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);

/** The record the values make, before it is checked (the model's schema checks it). */
export function updateOf(v: IncidentFormValues): unknown {
  const people = PEOPLE.flatMap(({ involvement }) =>
    referencesIn(v.refs[involvement]).map((reference) => ({
      involvement,
      role: v.roles[involvement],
      reference,
    })),
  );
  const substantiated = v.status === 'substantiated';
  const prejudice = v.prejudice === 'yes';
  return {
    allegation: {
      occurredOn: v.occurredOn,
      ...(v.occurredAt ? { occurredAt: v.occurredAt } : {}),
      location: v.location,
      reportedBy: v.reportedBy,
      alleged: v.alleged.trim(),
      people,
    },
    status: v.status,
    details: substantiated
      ? {
          types: v.types,
          setting: v.setting,
          prejudiceRelated: prejudice,
          characteristics: prejudice ? v.characteristics : [],
          safeguarding: v.safeguarding === 'yes',
          whatHappened: v.whatHappened.trim(),
          impact: v.impact.trim(),
          targetWishes: v.targetWishes.trim(),
          actions: v.actions.filter((a) => a.action || a.by),
          outcome: v.outcome,
          ...(v.followUpOn ? { followUpOn: v.followUpOn } : {}),
          ...(v.reviewOn ? { reviewOn: v.reviewOn } : {}),
        }
      : null,
  };
}

/**
 * A problem the form found, as a key of the element's strings and its parameters, and the field
 * it belongs to: the element words it in the page's language.
 */
export interface FormProblem {
  readonly field: string;
  readonly key: ProblemKey;
  readonly params?: Readonly<Record<string, string>>;
}

/** The strings the checks use. */
export type ProblemKey =
  | 'incidentFormErrorDate'
  | 'incidentFormErrorFuture'
  | 'incidentFormErrorTime'
  | 'incidentFormErrorLocation'
  | 'incidentFormErrorReportedBy'
  | 'incidentFormErrorAlleged'
  | 'incidentFormErrorReference'
  | 'incidentFormErrorStatus'
  | 'incidentFormErrorTypes'
  | 'incidentFormErrorSetting'
  | 'incidentFormErrorPrejudice'
  | 'incidentFormErrorCharacteristics'
  | 'incidentFormErrorSafeguarding'
  | 'incidentFormErrorAction'
  | 'incidentFormErrorOutcome'
  | 'incidentFormErrorReviewDate'
  | 'incidentFormErrorCheck';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * Every problem with the values, in the order of the fields (GOV.UK: the summary lists them as the
 * form does). `today` (`YYYY-MM-DD`) is the latest day something can have happened on.
 */
export function checkValues(v: IncidentFormValues, today: string): FormProblem[] {
  const out: FormProblem[] = [];
  const add = (field: string, key: ProblemKey, params?: Record<string, string>) =>
    out.push({ field, key, ...(params ? { params } : {}) });
  if (!validDay(v.occurredOn)) add('if-occurred-on', 'incidentFormErrorDate');
  else if (v.occurredOn > today) add('if-occurred-on', 'incidentFormErrorFuture');
  if (v.occurredAt && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.occurredAt))
    add('if-occurred-at', 'incidentFormErrorTime');
  if (!v.location) add('if-location', 'incidentFormErrorLocation');
  if (!v.reportedBy) add('if-reported-by', 'incidentFormErrorReportedBy');
  if (!v.alleged.trim()) add('if-alleged', 'incidentFormErrorAlleged');
  for (const { involvement, field } of PEOPLE) {
    const bad = referencesIn(v.refs[involvement]).find((r) => !PERSON_REFERENCE.test(r));
    if (bad !== undefined) add(`${field}-refs`, 'incidentFormErrorReference', { reference: bad });
  }
  if (!['allegation', 'substantiated', 'not-substantiated'].includes(v.status))
    add('if-status-allegation', 'incidentFormErrorStatus');
  if (v.status !== 'substantiated') return out;
  if (!v.types.length) add('if-type-physical', 'incidentFormErrorTypes');
  if (!v.setting) add('if-setting-offline', 'incidentFormErrorSetting');
  if (!v.prejudice) add('if-prejudice-no', 'incidentFormErrorPrejudice');
  else if (v.prejudice === 'yes' && !v.characteristics.length)
    add('if-char-disability-send', 'incidentFormErrorCharacteristics');
  if (!v.safeguarding) add('if-safeguarding-no', 'incidentFormErrorSafeguarding');
  v.actions.forEach((a, i) => {
    if (Boolean(a.action) !== Boolean(a.by))
      add(a.action ? `if-action-by-${i}` : `if-action-${i}`, 'incidentFormErrorAction');
  });
  if (!v.outcome) add('if-outcome', 'incidentFormErrorOutcome');
  for (const [field, day] of [
    ['if-follow-up', v.followUpOn],
    ['if-review', v.reviewOn],
  ] as const)
    if (day && !validDay(day)) add(field, 'incidentFormErrorReviewDate');
  return out;
}

/** The checked record the values make, or the model's problems when they make none. */
export function recordOf(
  v: IncidentFormValues,
): { ok: true; update: IncidentUpdate } | { ok: false; paths: string[] } {
  const r = IncidentUpdate.safeParse(updateOf(v));
  return r.success
    ? { ok: true, update: r.data }
    : { ok: false, paths: r.error.issues.map((i) => i.path.join('.')) };
}

/**
 * The field a problem's path belongs to (a server's or the model's: `allegation.occurredOn`,
 * `details.types`, `allegation.people.2.reference`), so a refusal is shown beside its field.
 */
export function fieldOf(path: string, v: IncidentFormValues = EMPTY): string {
  const people = /^allegation\.people\.(\d+)/.exec(path);
  if (people) {
    // The nth person is in the group whose references come nth in the order the form sends them.
    let n = Number(people[1]);
    for (const { involvement, field } of PEOPLE) {
      const count = referencesIn(v.refs[involvement]).length;
      if (n < count) return `${field}-refs`;
      n -= count;
    }
    return 'if-target-refs';
  }
  const map: [RegExp, string][] = [
    [/^allegation\.occurredOn/, 'if-occurred-on'],
    [/^allegation\.occurredAt/, 'if-occurred-at'],
    [/^allegation\.location/, 'if-location'],
    [/^allegation\.reportedBy/, 'if-reported-by'],
    [/^allegation\.alleged/, 'if-alleged'],
    [/^status/, 'if-status-allegation'],
    [/^details\.types/, 'if-type-physical'],
    [/^details\.setting/, 'if-setting-offline'],
    [/^details\.characteristics/, 'if-char-disability-send'],
    [/^details\.prejudiceRelated/, 'if-prejudice-no'],
    [/^details\.safeguarding/, 'if-safeguarding-no'],
    [/^details\.whatHappened/, 'if-what-happened'],
    [/^details\.impact/, 'if-impact'],
    [/^details\.targetWishes/, 'if-target-wishes'],
    [/^details\.actions\.(\d+)\.by/, 'if-action-by-$1'],
    [/^details\.actions\.(\d+)/, 'if-action-$1'],
    [/^details\.outcome/, 'if-outcome'],
    [/^details\.followUpOn/, 'if-follow-up'],
    [/^details\.reviewOn/, 'if-review'],
    [/^details/, 'if-type-physical'],
  ];
  for (const [re, field] of map) if (re.test(path)) return path.replace(re, field).split('.')[0]!;
  return 'if-occurred-on';
}

const Text = z.string().max(10_000);
const Role = z.enum(['pupil', 'staff', 'parent', 'other']);

/** A stored draft: the record's id and the form's values as typed. Checked when it is read back. */
export const StoredIncidentDraft = z.object({
  id: z.string().max(64),
  values: z.object({
    occurredOn: Text,
    occurredAt: Text,
    location: Text,
    reportedBy: Text,
    alleged: Text,
    refs: z.object({ target: Text, 'alleged-perpetrator': Text, witness: Text }),
    roles: z.object({ target: Role, 'alleged-perpetrator': Role, witness: Role }),
    status: Text,
    types: z.array(Text).max(20),
    setting: Text,
    prejudice: Text,
    characteristics: z.array(Text).max(20),
    safeguarding: Text,
    whatHappened: Text,
    impact: Text,
    targetWishes: Text,
    actions: z
      .array(z.object({ action: Text, by: Text }))
      .min(1)
      .max(20),
    outcome: Text,
    followUpOn: Text,
    reviewOn: Text,
  }),
});
export type StoredIncidentDraft = z.infer<typeof StoredIncidentDraft>;
