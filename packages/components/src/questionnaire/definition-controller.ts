import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Problem, QuestionnaireDefinition } from '@all-together/model';
import type { LoadController, LoadState } from '../shared/controllers/load-controller.js';

type Full = typeof import('./validation.js');
/**
 * What the element runs once a definition is accepted: the rules, from the full model (zod, see
 * `validation.ts`) or, for a definition trusted by its hash, from the zod-free `rules.ts`.
 */
export type Model = Pick<
  Full,
  'visibleItems' | 'checkAnswer' | 'isUrn' | 'isWave' | 'isRoundId' | 'validateResponse'
>;
let model: Promise<Full> | undefined;
// zod's eval probe is switched off first: a strict CSP would report it (W3, see no-eval.ts).
const loadModel = () =>
  (model ??= import('./no-eval.js').then((m) => {
    m.zodWithoutEval();
    return import('./validation.js');
  }));
let rules: Promise<Model> | undefined;
const loadRules = (): Promise<Model> => (rules ??= import('./rules.js'));
// The loader (and load-json under it) only for `src`: a host that passes `definition` never
// downloads it. A failed import is not cached, so a later `src` tries again.
let loaderModule: Promise<typeof import('../shared/controllers/load-controller.js')> | undefined;
const loadLoader = () =>
  (loaderModule ??= import('../shared/controllers/load-controller.js').catch((e: unknown) => {
    loaderModule = undefined;
    throw e;
  }));

/**
 * True when `hash` is the SHA-256 (lower-case hex) of the definition's JSON text
 * (`JSON.stringify(value)`). False without a hash, without Web Crypto (an insecure origin), or for a
 * value that is not JSON: then the definition is parsed in full.
 */
async function vouchedFor(value: unknown, hash: string): Promise<boolean> {
  const subtle = globalThis.crypto?.subtle;
  if (!hash || !subtle || typeof value !== 'object' || value === null) return false;
  try {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value)));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    return hex === hash.trim().toLowerCase();
  } catch {
    return false;
  }
}

/** Where the definition stands. */
export type DefinitionState =
  | { readonly status: 'none' | 'loading' }
  | {
      readonly status: 'ready';
      readonly definition: QuestionnaireDefinition;
      readonly model: Model;
    }
  | { readonly status: 'invalid'; readonly problems: readonly Problem[] };

/**
 * The questionnaire's definition, from the `definition` property or loaded from `src` (as hostile
 * input, abortable: {@link LoadController}, itself imported on demand), parsed at the boundary
 * with the model's schema. The model (zod) loads on demand, in parallel with the fetch. A newer
 * `definition` or `src` supersedes an older one still in flight. Every problem is reported with
 * its path.
 */
export class DefinitionController implements ReactiveController {
  /** Where the definition stands. */
  state: DefinitionState = { status: 'none' };
  /** Created with the first `src`. */
  private loader: LoadController | undefined;
  /** The latest fetch: bumped by each new one and by a cancel, so a late import starts nothing. */
  private run = 0;
  private fetching: Promise<void> = Promise.resolve();
  private parsing: Promise<unknown> = Promise.resolve();
  private seen: { definition: unknown; src: string } = { definition: undefined, src: '' };

  /**
   * @param host - The element; the controller adds itself to it.
   * @param input - The element's `definition`, `src` and `definitionHash`, read before each update.
   * @param onReady - Called once a definition is parsed.
   * @param report - Called with the problems of a definition or a load that failed.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly input: () => { definition: unknown; src: string; hash?: string },
    private readonly onReady: (definition: QuestionnaireDefinition, model: Model) => void,
    private readonly report: (problems: readonly Problem[]) => void,
  ) {
    host.addController(this);
  }

  /** Resolves once the latest definition given is parsed (or refused). */
  async settled(): Promise<void> {
    await this.fetching;
    await this.loader?.settled;
    await this.parsing;
  }

  private get load(): LoadState {
    return this.loader?.state ?? { status: 'idle' };
  }

  /** @internal */
  hostConnected(): void {
    const { definition, src } = this.input();
    if (
      src &&
      definition === undefined &&
      this.load.status === 'idle' &&
      this.state.status === 'none'
    )
      this.fetch(src);
  }

  /** @internal A fetch still waiting for its loader is dropped, as the loader drops its own. */
  hostDisconnected(): void {
    this.run++;
  }

  /** @internal Reads the inputs before each update: a new definition or `src` starts over. */
  hostUpdate(): void {
    const now = this.input();
    const state = this.load;
    if (now.definition !== undefined && now.definition !== this.seen.definition) {
      this.seen = now;
      this.run++;
      this.loader?.cancel();
      this.parse(now.definition);
    } else if (now.definition === undefined && now.src && now.src !== this.seen.src) {
      this.seen = now;
      this.fetch(now.src);
    } else if (state.status === 'done' && state.src === now.src && now.definition === undefined) {
      this.loader!.state = { status: 'idle' };
      this.parse(state.value);
    } else if (state.status === 'failed' && state.src === now.src) {
      this.loader!.state = { status: 'idle' };
      const { problems, message } = state.error;
      this.fail(
        problems.length
          ? problems
          : [{ path: ['src'], at: 'src', message: `Could not load ${now.src}: ${message}.` }],
      );
    }
  }

  private fetch(src: string): void {
    this.state = { status: 'loading' };
    void (this.input().hash ? loadRules() : loadModel()); // in parallel with the fetch
    const run = ++this.run;
    this.loader?.cancel(); // the older load stops now, not once the loader module has resolved
    this.fetching = loadLoader().then(
      ({ LoadController }) => {
        if (run !== this.run) return; // superseded while the loader was on its way
        this.loader ??= new LoadController(this.host);
        return this.loader.load(src);
      },
      (error: unknown) => {
        if (run !== this.run) return;
        const message = error instanceof Error ? error.message : String(error);
        this.fail([{ path: ['src'], at: 'src', message: `Could not load ${src}: ${message}.` }]);
      },
    );
  }

  private parse(value: unknown): void {
    this.state = { status: 'loading' };
    const hash = this.input().hash ?? '';
    this.parsing = (async () => {
      // A definition the host vouches for by its hash was parsed where it was published: only the
      // rules load. Anything else (no hash, or content that differs) is parsed here in full.
      const trusted = await vouchedFor(value, hash);
      const m = trusted ? await loadRules() : await loadModel();
      const { definition } = this.input();
      if (definition !== undefined && value !== definition) return; // superseded
      if (trusted) {
        const accepted = value as QuestionnaireDefinition;
        this.state = { status: 'ready', definition: accepted, model: m };
        this.onReady(accepted, m);
      } else {
        const full = m as Full;
        const result = full.check(full.QuestionnaireDefinition, value);
        if (result.ok) {
          this.state = { status: 'ready', definition: result.value, model: full };
          this.onReady(result.value, full);
        } else this.fail(result.problems);
      }
      this.host.requestUpdate();
    })();
  }

  private fail(problems: readonly Problem[]): void {
    this.state = { status: 'invalid', problems };
    this.report(problems);
    this.host.requestUpdate();
  }
}
