import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));

// The front end is plain ESM; the SDK comes in through its public exports (the packages' dist).
/**
 * No request chains on the pupil's page: every chunk it will load, including those its entry
 * imports on demand (the questionnaire's rules), is announced with `<link rel="modulepreload">` in
 * pupil.html, so the browser fetches them all at once while the pupil types the class code,
 * instead of one after another once the definition has arrived.
 */
function preloadEverythingThePupilNeeds(): Plugin {
  return {
    name: 'pupil-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx): HtmlTagDescriptor[] {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || !ctx.filename.endsWith('pupil.html')) return [];
        // Chunks that bring zod are left out: the page loads them only for a definition it
        // cannot trust by its hash (docs/decisions/0037), which should not happen.
        const bringsZod = new Map<string, boolean>();
        const zod = (file: string): boolean => {
          const c = bundle[file];
          if (c?.type !== 'chunk') return false;
          if (!bringsZod.has(file)) {
            bringsZod.set(file, false); // an import cycle ends here
            const own = c.moduleIds.some((id) => /[\\/]node_modules[\\/].*[\\/]zod[\\/]/.test(id));
            bringsZod.set(file, own || c.imports.some(zod));
          }
          return bringsZod.get(file)!;
        };
        const seen = new Set<string>();
        const visit = (file: string) => {
          const c = bundle[file];
          if (!c || c.type !== 'chunk' || seen.has(file) || zod(file)) return;
          seen.add(file);
          [...c.imports, ...c.dynamicImports].forEach(visit);
        };
        visit(chunk.fileName);
        return [...seen]
          .filter((file) => !html.includes(`/${file}`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head',
          }));
      },
    },
  };
}

export default defineConfig({
  plugins: [preloadEverythingThePupilNeeds()],
  root: 'web',
  publicDir: 'public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or styles anywhere (strict CSP): assets always as files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Two documents: the staff portal, and the pupil's page (/pupil) with only what answering
    // needs, so a pupil never downloads the staff pages, their elements or their zod.
    rollupOptions: { input: { index: page('index.html'), pupil: page('pupil.html') } },
  },
});
