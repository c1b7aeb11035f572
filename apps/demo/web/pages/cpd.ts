/**
 * Training (CPD) confidence for LA, trust and school staff: record a course and its sessions
 * (a "train the trainer" cascade follows the session its trainers came from), give delegates each
 * session's code, and read confidence before, straight after and months later, with how many
 * delegates' answers are linked by their own code. Every figure is the server's publication:
 * hidden ones arrive as symbols and are shown as such, nothing is computed here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { InferResponseType } from 'hono/client';
import { call, client } from '../api.js';
import {
  describedBy,
  errorSummary,
  errorsFrom,
  fieldError,
  groupClass,
  noErrors,
  valuesOf,
  type Field,
  type FormErrors,
} from '../forms.js';
import { focusOn, longDate, notice, show } from '../ui.js';

type Data = InferResponseType<typeof client.cpd.$get, 200>;
type Course = Data['courses'][number];
type Publication = Data['all'];
type Shown = { value: number } | { symbol: string };
const shown = (s: Shown, suffix = '') => ('value' in s ? `${s.value}${suffix}` : s.symbol);
const text = (t: Record<string, string> | undefined) =>
  t ? (t['en-GB'] ?? Object.values(t)[0] ?? '') : '';

const COURSE_FIELDS = [{ name: 'title', id: 'course-title' }] as const satisfies readonly Field[];
const sessionFields = (course: string) =>
  [
    { name: 'heldOn', id: `held-on-${course}` },
    { name: 'trainerRole', id: `trainer-${course}` },
    { name: 'audience', id: `audience-${course}` },
    { name: 'cascadeOf', id: `cascade-${course}` },
  ] as const satisfies readonly Field[];

const ADMINISTRATION: Record<string, string> = {
  before: 'Before',
  after: 'Straight after',
  'follow-up': 'Follow-up',
};

/** A code shown once, with the link delegates open. */
interface Issued {
  session: string;
  code: string;
  link: string;
}

interface State {
  /** Errors of the form that sent them: `course`, or a course id. */
  errors?: { form: string; errors: FormErrors; values: Record<string, string> };
  issued?: Issued;
  done?: string;
}

/** Confidence at each administration for one group of sessions, and the linked numbers. */
function resultsView(p: Publication, caption: string, data: Data): TemplateResult {
  const items = data.definition.sections.flatMap((s) => s.items);
  const label = (id: string) => text(items.find((i) => i.id === id)?.text);
  const l = p.linked;
  return html`<table class="table">
      <caption>
        ${caption}: quite or very confident
      </caption>
      <thead>
        <tr>
          <th scope="col">How confident are you that you understand…</th>
          ${p.confidence.administrations.map(
            (a) => html`<th scope="col" class="num">${ADMINISTRATION[a] ?? a}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${p.confidence.items.map(
          (i) =>
            html`<tr>
              <th scope="row">
                ${label(i.item).replace(/^How confident are you that you understand /, '')}
              </th>
              ${i.cells.map(
                (c) =>
                  html`<td class="num">
                    ${shown(c.percent, '%')}
                    <span class="hint">(of ${shown(c.base)})</span>
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
    <p>
      Delegates who answered before the training: ${shown(l.before)}. Of them, linked by their own
      code: ${shown(l.after.count)} answered straight after too (${shown(l.after.percent, '%')}),
      and ${shown(l.followUp.count)} at follow-up as well (${shown(l.followUp.percent, '%')}).
    </p>
    ${p.confidence.notes.map((n) => html`<p class="hint">${n}</p>`)}`;
}

/** Delegates by where they work, across all the training: protected counts, never per session. */
function settingsView(data: Data): TemplateResult {
  const words = data.settingWords as Record<string, string>;
  return html`<h2>Who took part</h2>
    <table class="table">
      <caption>
        Delegates by where they work, all your training (total ${shown(data.settings.total)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Where they work</th>
          <th scope="col" class="num">Delegates</th>
        </tr>
      </thead>
      <tbody>
        ${data.settings.settings.map(
          (x) =>
            html`<tr>
              <th scope="row">${words[x.setting] ?? x.setting}</th>
              <td class="num">${shown(x.delegates)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="hint">
      Each delegate counts once. A count under 10, and any count that would let one be worked out,
      is hidden ([c]); counts outside a school are rounded to 5.
    </p>`;
}

/** The session form of a course, and its errors when it came back with some. */
function sessionForm(course: Course, data: Data, state: State): TemplateResult {
  const mine = state.errors?.form === course.id ? state.errors : undefined;
  const errors = mine?.errors ?? noErrors();
  const v = mine?.values ?? {};
  const fields = sessionFields(course.id);
  const [heldOn, trainer, audience, cascade] = fields;
  const submit = async (event: Event) => {
    event.preventDefault();
    const values = valuesOf(event.target as HTMLFormElement);
    try {
      const r = await call(
        client.cpd.courses[':id'].sessions.$post({
          param: { id: course.id },
          json: {
            heldOn: values.heldOn ?? '',
            trainerRole: (values.trainerRole ?? '') as 'la-adviser',
            audience: (values.audience ?? '') as 'mixed',
            cascadeOf: values.cascadeOf ? values.cascadeOf : null,
          },
        }),
      );
      await cpdPage(prefixOf, {
        issued: { session: r.session.id, code: r.code, link: r.link },
      });
      focusOn('#notice');
    } catch (e) {
      await cpdPage(prefixOf, {
        errors: { form: course.id, errors: errorsFrom(e, fields), values },
      });
      focusOn('.error-summary');
    }
  };
  const select = (
    f: Field,
    label: string,
    options: [string, string][],
    o: { optional?: string } = {},
  ) =>
    html`<div class=${groupClass(errors, f)}>
      <label for=${f.id}>${label}</label>
      ${fieldError(errors, f)}
      <select id=${f.id} name=${f.name} aria-describedby=${describedBy(errors, f)}>
        ${o.optional !== undefined ? html`<option value="">${o.optional}</option>` : nothing}
        ${options.map(
          ([value, words]) =>
            html`<option value=${value} ?selected=${v[f.name] === value}>${words}</option>`,
        )}
      </select>
    </div>`;
  return html`<details class="details" ?open=${Boolean(mine)}>
    <summary>Add a session to ${course.title}</summary>
    ${errorSummary(errors, fields)}
    <form @submit=${submit} novalidate>
      <div class=${groupClass(errors, heldOn)}>
        <label for=${heldOn.id}>Date of the session</label>
        ${fieldError(errors, heldOn)}
        <input
          id=${heldOn.id}
          name=${heldOn.name}
          type="date"
          .value=${live(v.heldOn ?? '')}
          aria-describedby=${describedBy(errors, heldOn)}
        />
      </div>
      ${select(trainer, 'Who led it', Object.entries(data.words.trainerRole))}
      ${select(audience, 'Who it was for', Object.entries(data.words.audience))}
      ${
        course.sessions.length
          ? select(
              cascade,
              'Run by trainers trained at an earlier session of this course? (a cascade)',
              course.sessions.map((s) => [
                s.id,
                `${longDate(s.held_on)}: ${data.words.audience[s.audience as keyof typeof data.words.audience] ?? s.audience}`,
              ]),
              { optional: 'No, not a cascade' },
            )
          : nothing
      }
      <button type="submit" class="button">Add the session</button>
    </form>
  </details>`;
}

/** How deep each session sits in its course's cascade (0: trained by the course's own trainers). */
function depths(course: Course): Map<string, number> {
  const byId = new Map(course.sessions.map((s) => [s.id, s]));
  const out = new Map<string, number>();
  const depth = (id: string, seen = new Set<string>()): number => {
    const s = byId.get(id);
    if (!s?.cascade_of || seen.has(id)) return 0;
    seen.add(id);
    return 1 + depth(s.cascade_of, seen);
  };
  for (const s of course.sessions) out.set(s.id, depth(s.id));
  return out;
}

function courseView(course: Course, data: Data, state: State): TemplateResult {
  const depth = depths(course);
  const cascades = course.sessions.filter((s) => s.cascade_of).length;
  const audience = (a: string) => data.words.audience[a as keyof typeof data.words.audience] ?? a;
  const trainer = (t: string) =>
    data.words.trainerRole[t as keyof typeof data.words.trainerRole] ?? t;
  const newCode = async (session: string) => {
    const r = await call(client.cpd.sessions[':id'].code.$post({ param: { id: session } }));
    await cpdPage(prefixOf, { issued: { session, code: r.code, link: r.link } });
    focusOn('#notice');
  };
  return html`<section class="cpd-course" aria-labelledby="course-${course.id}">
    <h2 id="course-${course.id}">${course.title}</h2>
    <p>
      ${course.sessions.length} ${course.sessions.length === 1 ? 'session' : 'sessions'},
      ${cascades} of them ${cascades === 1 ? 'a cascade' : 'cascades'} run by trainers this course
      trained.
    </p>
    ${
      course.sessions.length
        ? html`<table class="table">
            <caption class="visually-hidden">
              Sessions of ${course.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Led by</th>
                <th scope="col">Cascade</th>
                <th scope="col" class="num">Answered before</th>
                ${data.canWrite ? html`<th scope="col">Code</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${course.sessions.map((s) => {
                const d = depth.get(s.id) ?? 0;
                return html`<tr>
                  <th scope="row">${longDate(s.held_on)}: ${audience(s.audience)}</th>
                  <td>${trainer(s.trainer_role)}</td>
                  <td>
                    ${
                      d === 0
                        ? 'Original session'
                        : `Cascade, ${d === 1 ? 'first' : d === 2 ? 'second' : `${d}th`} step down`
                    }
                  </td>
                  <td class="num">${shown(s.results.linked.before)}</td>
                  ${
                    data.canWrite
                      ? html`<td>
                          <button
                            type="button"
                            class="button--secondary"
                            @click=${() => newCode(s.id)}
                            aria-label="New code for the session of ${longDate(s.held_on)}, ${audience(s.audience)}"
                          >
                            New code
                          </button>
                        </td>`
                      : nothing
                  }
                </tr>`;
              })}
            </tbody>
          </table>`
        : html`<p>No sessions yet.</p>`
    }
    ${data.canWrite ? sessionForm(course, data, state) : nothing}
    ${
      course.sessions.length
        ? html`<h3>Results of the whole course</h3>
            ${resultsView(course.results, `${course.title}, every session`, data)}
            ${course.sessions.map(
              (s) =>
                html`<details class="details">
                  <summary>Results of the session of ${longDate(s.held_on)}</summary>
                  ${resultsView(
                    s.results,
                    `${course.title}, ${longDate(s.held_on)} (${audience(s.audience)})`,
                    data,
                  )}
                </details>`,
            )}`
        : nothing
    }
  </section>`;
}

/** Whatever goes above the heading: the area's navigation, or a link back to the school. */
let prefixOf: () => TemplateResult = () => html``;

/** The training page, under `prefix` (the area's header, or the school's back link). */
export async function cpdPage(prefix: () => TemplateResult, state: State = {}): Promise<void> {
  prefixOf = prefix;
  const data = await call(client.cpd.$get());
  const courseErrors = state.errors?.form === 'course' ? state.errors : undefined;
  const errors = courseErrors?.errors ?? noErrors();
  const [title] = COURSE_FIELDS;
  const addCourse = async (event: Event) => {
    event.preventDefault();
    const values = valuesOf(event.target as HTMLFormElement);
    try {
      const r = await call(client.cpd.courses.$post({ json: { title: values.title ?? '' } }));
      await cpdPage(prefix, {
        done: `Recorded the course "${r.course.title}". Now add its sessions.`,
      });
      focusOn('#notice');
    } catch (e) {
      await cpdPage(prefix, {
        errors: { form: 'course', errors: errorsFrom(e, COURSE_FIELDS), values },
      });
      focusOn('.error-summary');
    }
  };
  const origin = location.origin;
  show(
    html`${errorSummary(errors, COURSE_FIELDS)} ${prefix()}
      <h1>Training confidence</h1>
      ${state.done ? notice(state.done) : nothing}
      ${
        state.issued
          ? notice(
              html`<p>The session's code is</p>
                <p class="code-issued">${state.issued.code}</p>
                <p>Give delegates this link, or the code to enter at ${origin}/cpd:</p>
                <p><code>${origin}${state.issued.link}</code></p>
                <p>
                  Write it down now: it is shown only this once (the portal keeps a scrambled copy
                  it cannot read back). If it is lost, give the session a new code.
                </p>`,
            )
          : nothing
      }
      <p>
        Delegates answer the same short survey before the training, straight after it and some
        months later, through the session's code. They need no account and no school, and are never
        asked their name: their first answer gives them a code of their own to keep, which links
        their later answers. You see how many were quite or very confident at each point, never
        anyone's answers; a figure resting on fewer than 10 delegates is hidden ([c]).
      </p>
      ${
        data.courses.length > 1
          ? html`<h2>All your training</h2>
              ${resultsView(data.all, 'Every course', data)}`
          : nothing
      }
      ${data.courses.length ? settingsView(data) : nothing}
      ${data.courses.map((c) => courseView(c, data, state))}
      ${
        data.canWrite
          ? html`<h2>Record a course</h2>
              <form @submit=${addCourse} novalidate>
                <div class=${groupClass(errors, title)}>
                  <label for=${title.id}>Course title</label>
                  <p class="hint" id="${title.id}-hint">
                    For example "Bullying and SEND: whole-school training". No names of people.
                  </p>
                  ${fieldError(errors, title)}
                  <input
                    id=${title.id}
                    name=${title.name}
                    type="text"
                    maxlength="200"
                    .value=${live(courseErrors?.values.title ?? '')}
                    aria-describedby=${describedBy(errors, title, true)}
                  />
                </div>
                <button type="submit" class="button">Record the course</button>
              </form>`
          : nothing
      }`,
    'Training confidence',
    { error: Boolean(state.errors) },
  );
}
