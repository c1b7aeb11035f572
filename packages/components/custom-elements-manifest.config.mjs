// Custom elements manifest (`cem analyze`, run by `pnpm build`): teach the analyzer about
// defineElement() and make the manifest describe the files that are published.

/** `defineElement('at-x', AtX)` registers <at-x>, as `customElements.define` would. */
function defineElementCalls() {
  return {
    name: 'at-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      if (node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        // The module is filled in once every declaration is known (packageLinkPhase).
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      const declaredIn = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? [])
          declaredIn.set(declaration.name, mod.path);
      }
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter(
          // defineElement's own generic `customElements.define(tag, ctor)` defines no tag.
          (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
        );
        for (const entry of mod.exports ?? []) {
          if (entry.kind === 'custom-element-definition' && !entry.declaration.module) {
            entry.declaration.module = declaredIn.get(entry.declaration.name);
          }
        }
      }
    },
  };
}

/** Module paths name what is published (`dist/…/x.js`), not the unpublished TypeScript source. */
function publishedPaths() {
  const toDist = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.forEach(rewrite);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string')
        value[key] = toDist(child);
      else rewrite(child);
    }
  };
  return {
    name: 'at-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  plugins: [defineElementCalls(), publishedPaths()],
};
