import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Moves focus after the next render: to the new page's heading after a navigation, to the error
 * summary after a failed submit (GOV.UK, A2), to a record's button after a change. The element
 * says where with a selector inside its shadow root; the focus moves once the DOM is there.
 */
export class FocusController implements ReactiveController {
  private next: string | undefined;

  /** @param host - The element (its `renderRoot` is searched); the controller adds itself to it. */
  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  /**
   * Focuses the first element matching `selector` after the next update, and asks for that update.
   *
   * @param selector - A selector inside the element's shadow root, for example `#error-summary`.
   */
  after(selector: string): void {
    this.next = selector;
    this.host.requestUpdate();
  }

  /** @internal */
  hostUpdated(): void {
    const selector = this.next;
    if (!selector) return;
    this.next = undefined;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
