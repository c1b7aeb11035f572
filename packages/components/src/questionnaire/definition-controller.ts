import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Problem, QuestionnaireDefinition } from '@all-together/model';
import { LoadController } from '../shared/controllers/load-controller.js';

/** The model's runtime (zod and the rules), loaded on demand: see `validation.ts`. */
export type Model = typeof import('./validation.js');
let model: Promise<Model> | undefined;
// zod's eval probe is switched off first: a strict CSP would report it (W3, see no-eval.ts).
const loadModel = () =>
  (model ??= import('./no-eval.js').then((m) => {
    m.zodWithoutEval();
    return import('./validation.js');
  }));

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
 * input, abortable: {@link LoadController}), parsed at the boundary with the model's schema. The
 * model (zod) loads on demand, in parallel with the fetch. A newer `definition` or `src`
 * supersedes an older one still in flight. Every problem is reported with its path.
 */
export class DefinitionController implements ReactiveController {
  /** Where the definition stands. */
  state: DefinitionState = { status: 'none' };
  private readonly loader: LoadController;
  private parsing: Promise<unknown> = Promise.resolve();
  private seen: { definition: unknown; src: string } = { definition: undefined, src: '' };

  /**
   * @param host - The element; the controller adds itself to it.
   * @param input - The element's `definition` and `src`, read before each update.
   * @param onReady - Called once a definition is parsed.
   * @param report - Called with the problems of a definition or a load that failed.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly input: () => { definition: unknown; src: string },
    private readonly onReady: (definition: QuestionnaireDefinition, model: Model) => void,
    private readonly report: (problems: readonly Problem[]) => void,
  ) {
    host.addController(this);
    this.loader = new LoadController(host);
  }

  /** Resolves once the latest definition given is parsed (or refused). */
  async settled(): Promise<void> {
    await this.loader.settled;
    await this.parsing;
  }

  /** @internal */
  hostConnected(): void {
    const { definition, src } = this.input();
    if (
      src &&
      definition === undefined &&
      this.loader.state.status === 'idle' &&
      this.state.status === 'none'
    )
      this.fetch(src);
  }

  /** @internal Reads the inputs before each update: a new definition or `src` starts over. */
  hostUpdate(): void {
    const now = this.input();
    const { state } = this.loader;
    if (now.definition !== undefined && now.definition !== this.seen.definition) {
      this.seen = now;
      this.loader.cancel();
      this.parse(now.definition);
    } else if (now.definition === undefined && now.src && now.src !== this.seen.src) {
      this.seen = now;
      this.fetch(now.src);
    } else if (state.status === 'done' && state.src === now.src && now.definition === undefined) {
      this.loader.state = { status: 'idle' };
      this.parse(state.value);
    } else if (state.status === 'failed' && state.src === now.src) {
      this.loader.state = { status: 'idle' };
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
    void loadModel(); // in parallel with the fetch
    void this.loader.load(src);
  }

  private parse(value: unknown): void {
    this.state = { status: 'loading' };
    this.parsing = loadModel().then((m) => {
      const { definition } = this.input();
      if (definition !== undefined && value !== definition) return; // superseded
      const result = m.check(m.QuestionnaireDefinition, value);
      if (result.ok) {
        this.state = { status: 'ready', definition: result.value, model: m };
        this.onReady(result.value, m);
      } else this.fail(result.problems);
      this.host.requestUpdate();
    });
  }

  private fail(problems: readonly Problem[]): void {
    this.state = { status: 'invalid', problems };
    this.report(problems);
    this.host.requestUpdate();
  }
}
