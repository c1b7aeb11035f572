/**
 * The pattern for the SDK's domain events.
 *
 * Each domain event is a `CustomEvent` whose `detail` carries its payload, typed: what React,
 * Vue, Angular and most hosts read. It bubbles and is composed (it crosses shadow roots, so a host
 * page can listen on any ancestor), and is declared in `GlobalEventHandlersEventMap`, so
 * `addEventListener('at-…', e => e.detail…)` is typed for consumers. Each event has a thin
 * subclass of {@link AtEvent} (exported, for `instanceof` and for the payload type). Events fire on
 * user action only, never when code sets a property, and carry nothing a pupil answered unless the
 * event is `at-submit` (reliability.md W5).
 *
 * @example
 * ```ts
 * export interface AtPageDetail { readonly page: number; readonly pageCount: number }
 * export class AtPageEvent extends AtEvent<AtPageDetail> {
 *   static readonly type = 'at-page';
 *   constructor(detail: AtPageDetail) {
 *     super(AtPageEvent.type, detail);
 *   }
 * }
 *
 * declare global {
 *   interface GlobalEventHandlersEventMap {
 *     'at-page': AtPageEvent;
 *   }
 * }
 * ```
 *
 * Native meanings keep native names and need no class: `new Event('change', { bubbles: true })`.
 *
 * @module
 */

/** The name of an SDK domain event: `at-` followed by a kebab-case name. */
export type AtEventType = `at-${string}`;

/** The options a domain event may set; `bubbles`, `composed` and `detail` are set by the class. */
export type AtEventInit = Omit<EventInit, 'bubbles' | 'composed'>;

/**
 * Base class of every SDK domain event: a `CustomEvent` with a typed, frozen `detail`, always
 * `bubbles: true` and `composed: true`. Extend it once per event; see the module documentation.
 */
export abstract class AtEvent<D> extends CustomEvent<Readonly<D>> {
  /**
   * @param type - The event's name, `at-` plus kebab-case (for example `at-answer`).
   * @param detail - The payload, frozen so one listener cannot change what the next one reads.
   * @param init - `cancelable` if the host may veto the action with `preventDefault()`.
   */
  constructor(type: AtEventType, detail: D, init: AtEventInit = {}) {
    super(type, { ...init, detail: Object.freeze({ ...detail }), bubbles: true, composed: true });
  }
}
