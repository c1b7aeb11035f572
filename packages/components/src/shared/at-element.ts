import { LitElement } from 'lit';
import { LocalizeController } from './localize-controller.js';

/**
 * The base of every `at-*` element: a `LitElement` with a typed {@link AtElement.emit} and UI
 * strings in the language of the nearest `lang` (through {@link LocalizeController}).
 * Deliberately thin: other cross-cutting behaviour belongs in reactive controllers.
 *
 * Importing this class registers nothing; each element has its own `at-*.ts` registration file.
 */
export class AtElement extends LitElement {
  /** UI strings for this element, in the language of its nearest `lang`. */
  protected readonly localize = new LocalizeController(this);

  /**
   * Dispatches an event from this element and returns it, so the caller can check
   * `defaultPrevented` on a cancelable event. Domain events extend `AtEvent` (bubbling and
   * composed); fire them on user action only, never when code sets a property.
   *
   * @param event - The event to dispatch.
   * @returns The same event, after every listener has run.
   */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
