import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  onTranslationsChanged,
  resolveLang,
  translate,
  type TranslationKey,
  type TranslationParams,
} from './i18n.js';

/**
 * Gives an element its UI strings in the language of its nearest `lang` attribute, and re-renders
 * it when that language or a translation table changes.
 *
 * The language is read at each render, so moving the element is enough. Changes are watched with
 * one `MutationObserver` per element over every tree above it (the document and each enclosing
 * shadow root), filtered to `lang`, so a `lang` set on `<html>`, on a wrapper or on an enclosing
 * component's internals all take effect.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer: MutationObserver | undefined;
  private unsubscribe: (() => void) | undefined;

  /** @param host - The element to localise; the controller adds itself to it. */
  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /** The language the element is in: its nearest `lang`, or `''` if none. */
  get lang(): string {
    return resolveLang(this.host);
  }

  /**
   * A UI string in the element's language.
   *
   * @param key - Which string.
   * @param params - Its placeholder values.
   */
  term<K extends TranslationKey>(key: K, params: TranslationParams[K]): string {
    return translate(this.lang, key, params);
  }

  /** @internal */
  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.unsubscribe = onTranslationsChanged(update);
    this.observer = new MutationObserver(update);
    const options: MutationObserverInit = {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    };
    let root = this.host.getRootNode();
    while (root instanceof ShadowRoot) {
      this.observer.observe(root, options);
      root = root.host.getRootNode();
    }
    if (root instanceof Document) this.observer.observe(root.documentElement, options);
  }

  /** @internal */
  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
