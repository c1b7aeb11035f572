/**
 * Registers a custom element unless its tag is already taken (reliability.md W9).
 *
 * - Not yet defined: defines it.
 * - Already defined by the same class (the same module imported twice): does nothing.
 * - Already defined by another class (a second copy or another version of this package on the page):
 *   leaves the first definition in place, warns once on the console and does not throw, so one stray
 *   bundle cannot break a pupil's questionnaire.
 *
 * Other misuse (an invalid tag name, one class under two tags) still throws: that is a bug in the
 * calling code, not a page assembled from several bundles.
 *
 * @param tag - The element's tag name, for example `at-progress`.
 * @param ctor - The element's class.
 * @returns `true` if this call defined the element or it was already defined by `ctor`; `false` if
 *   another class holds the tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
    return true;
  }
  if (existing === ctor) return true;
  console.warn(
    `@all-together/components: <${tag}> is already defined by another class, probably another ` +
      `copy or version of @all-together/components on this page. The first definition stays in use. ` +
      `Load the components from one bundle only.`,
  );
  return false;
}
