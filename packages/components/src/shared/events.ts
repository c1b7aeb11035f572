/**
 * The pattern for the SDK's domain events.
 *
 * Each domain event is a class extending {@link AtEvent}: it bubbles and is composed (it crosses
 * shadow roots, so a host page can listen on any ancestor), carries its data as typed read-only
 * fields instead of a loose `detail`, and is declared in `GlobalEventHandlersEventMap` so that
 * `addEventListener('at-…', e => …)` is typed for consumers. Events fire on user action only, never
 * when code sets a property, and carry nothing a pupil answered unless the event is `at-submit`
 * (reliability.md W5).
 *
 * @example
 * ```ts
 * export class AtPageEvent extends AtEvent {
 *   static readonly type = 'at-page';
 *   constructor(readonly page: number, readonly pageCount: number) {
 *     super(AtPageEvent.type);
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

/** The options a domain event may set; `bubbles` and `composed` are always `true`. */
export type AtEventInit = Omit<EventInit, 'bubbles' | 'composed'>;

/**
 * Base class of every SDK domain event: always `bubbles: true` and `composed: true`.
 * Extend it once per event; see the module documentation for the full pattern.
 */
export abstract class AtEvent extends Event {
  /**
   * @param type - The event's name, `at-` plus kebab-case (for example `at-answer`).
   * @param init - `cancelable` if the host may veto the action with `preventDefault()`.
   */
  constructor(type: AtEventType, init: AtEventInit = {}) {
    super(type, { ...init, bubbles: true, composed: true });
  }
}
