/**
 * The module of the strict-CSP page (`/__at-test__/csp.html`, see web-test-runner.config.mjs):
 * records every `securitypolicyviolation` and exposes the scenarios to the test in the parent
 * page as `window.atCsp`. Runs inside the policy; never loaded by the runner's own page.
 *
 * @module
 */
/** A violation, reduced to strings (the test compares primitives). */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** What a run reports back to the test. */
export interface CspRun {
  states: string[];
  violations: Violation[];
  error: string;
}

/** Test data from the parent page, as JSON text by id. */
export interface CspData {
  definitions: Record<string, string>;
  answers: Record<string, string>;
  extra: Record<string, string>;
}

/** The harness the parent page calls. */
export interface CspHarness {
  names: string[];
  /**
   * Runs a scenario. `data` maps ids to JSON text: `definitions` (every shipped definition) and
   * `answers` (the questionnaires' complete fixtures); both are parsed in this page's realm.
   */
  run(name: string, data: CspData): Promise<CspRun>;
  /** Deliberately breaks the policy (a style attribute, a raw HTML sink) to prove violations are seen. */
  probe(): Promise<Violation[]>;
  /** The Trusted Types policies this page created. */
  policies(): string[];
  /** Why the scenarios could not be loaded, or `''`. */
  loadError: string;
  /** Violations raised while the page and its modules loaded, before any scenario ran. */
  loadViolations: Violation[];
}

const violations: Violation[] = [];
document.addEventListener(
  'securitypolicyviolation',
  (e) =>
    violations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}`,
    }),
  true,
);

// Which Trusted Types policies get created (the W3 policy allows only `lit-html`).
const created: string[] = [];
const tt = (globalThis as { trustedTypes?: { createPolicy: (n: string, o: object) => unknown } })
  .trustedTypes;
if (tt) {
  const createPolicy = tt.createPolicy.bind(tt);
  tt.createPolicy = (name: string, options: object) => {
    created.push(name);
    return createPolicy(name, options);
  };
}

/** Violations are reported asynchronously: give them a moment to arrive. */
const settle = () => new Promise((r) => setTimeout(r, 100));

// Loaded after the listener and the policy watch, so Lit's own policy creation is seen. A module
// that fails to load (a blocked import) is reported to the test rather than left to time out.
let cspScenarios: readonly import('./csp-scenarios.js').CspScenario[] = [];
let loadError = '';
try {
  ({ cspScenarios } = await import('./csp-scenarios.js'));
} catch (e) {
  loadError = `${String(e)}; violations: ${JSON.stringify(violations)}`;
}

const harness: CspHarness = {
  names: cspScenarios.map((s) => s.name),
  async run(name, data) {
    const scenario = cspScenarios.find((s) => s.name === name);
    if (!scenario) return { states: [], violations: [], error: `no scenario ${name}` };
    const parse = (table: Record<string, string>, id: string): unknown => {
      const json = table[id];
      if (json === undefined) throw new Error(`no test data for ${id}`);
      return JSON.parse(json) as unknown;
    };
    const context = {
      definition: (id: string) => parse(data.definitions, id),
      answers: (id: string) => parse(data.answers, id) as Record<string, string | string[]>,
      extra: (name: string) => parse(data.extra, name),
    };
    const root = document.createElement('main');
    document.body.append(root);
    const before = violations.length;
    let states: string[] = [];
    let error = '';
    try {
      await scenario.load();
      states = await scenario.run(root, context);
    } catch (e) {
      error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    }
    await settle();
    root.remove();
    return { states, violations: violations.slice(before), error };
  },
  async probe() {
    const before = violations.length;
    const div = document.createElement('div');
    document.body.append(div);
    div.setAttribute('style', 'color: red'); // style-src-attr
    try {
      // A script's text is a Trusted Types sink (require-trusted-types-for 'script').
      document.createElement('script').text = 'void 0';
    } catch {
      // Trusted Types throw as well as report.
    }
    await settle();
    div.remove();
    return violations.slice(before);
  },
  policies: () => [...created],
  loadError,
  loadViolations: [],
};
// Reports arrive asynchronously: collect those of the loading phase a moment later.
await settle();
harness.loadViolations = [...violations];

(window as { atCsp?: CspHarness }).atCsp = harness;
document.documentElement.dataset['ready'] = 'true';
