import { fileURLToPath } from 'node:url';
import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rolldown } from 'vite';

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
      handler(html, ctx): HtmlTagDescriptor[] | { html: string; tags: HtmlTagDescriptor[] } {
        const { bundle, chunk } = ctx;
        if (!bundle || !chunk || !ctx.filename.endsWith('pupil.html')) return [];
        // Chunks that bring zod are left out: the page loads them only for a definition it
        // cannot trust by its hash (docs/decisions/0037), which should not happen. So is the
        // element's `src` loader: the page gives the definition itself.
        const unused = new Map<string, boolean>();
        const notForPupils = (file: string): boolean => {
          const c = bundle[file];
          if (c?.type !== 'chunk') return false;
          if (!unused.has(file)) {
            unused.set(file, false); // an import cycle ends here
            const own = c.moduleIds.some((id) => NOT_FOR_PUPILS.test(id));
            unused.set(file, own || c.imports.some(notForPupils));
          }
          return unused.get(file)!;
        };
        const seen = new Set<string>();
        const visit = (file: string) => {
          const c = bundle[file];
          if (!c || c.type !== 'chunk' || seen.has(file) || notForPupils(file)) return;
          seen.add(file);
          [...c.imports, ...c.dynamicImports].forEach(visit);
        };
        visit(chunk.fileName);
        return {
          // The source's comments are for developers: a pupil's browser gets only the markers the
          // server replaces for a browser resuming a session (server/app.ts).
          html: html.replace(/<!--(?! \/?code-form -->)[\s\S]*?-->\s*/g, ''),
          tags: [...seen]
            .filter((file) => !html.includes(`/${file}`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head',
            })),
        };
      },
    },
  };
}

/**
 * What the pupil's page never needs, though the element can import it on demand: zod (for a
 * definition not trusted by its hash) and the loader of `src` (the page gives `definition`).
 */
const NOT_FOR_PUPILS =
  /[\\/]node_modules[\\/].*[\\/]zod[\\/]|[\\/]components[\\/]dist[\\/]shared[\\/](load-json|controllers[\\/]load-controller)\.js$/;
let pupilModules: Set<string> | undefined;
/**
 * One chunk for everything the pupil's page runs once its small entry (pupil-main.ts) has made the
 * code form work: the element, Lit, the page, and the questionnaire's rules that the element
 * imports on demand. Every module the page reaches, statically or by `import()`, that neither is
 * nor brings in what the page never needs (`NOT_FOR_PUPILS`): zod and the model's schemas load
 * only for a definition the page cannot trust by its hash (docs/decisions/0037), the element's
 * `src` loader not at all, and they stay in chunks of their own. Small chunks cost a pupil a
 * request each (HTTP/1.1 opens six at a time) and compress worse apart than together.
 */
function pupilChunk(id: string, ctx: Rolldown.ChunkingContext): string | null {
  if (!pupilModules) {
    // From what the entry imports on demand (pupil-app.ts): the entry stays small and runs at
    // once (the code form works before the rest has arrived); its stylesheets stay links in the
    // HTML.
    const app = page('pupil-app.ts');
    const unused = new Map<string, boolean>();
    const notForPupils = (m: string): boolean => {
      if (NOT_FOR_PUPILS.test(m)) return true;
      if (!unused.has(m)) {
        unused.set(m, false); // an import cycle ends here
        unused.set(m, (ctx.getModuleInfo(m)?.importedIds ?? []).some(notForPupils));
      }
      return unused.get(m)!;
    };
    const seen = new Set<string>();
    const visit = (m: string) => {
      if (seen.has(m) || notForPupils(m)) return;
      const info = ctx.getModuleInfo(m);
      if (!info) return;
      seen.add(m);
      [...info.importedIds, ...info.dynamicallyImportedIds].forEach(visit);
    };
    visit(app);
    pupilModules = seen;
  }
  return pupilModules.has(id) ? 'pupil' : null;
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
    rollupOptions: {
      input: { index: page('index.html'), pupil: page('pupil.html') },
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper stays a chunk of its own (taken first): the staff document's
            // entry imports it, and inside the pupil's chunk it would make that entry wait for the
            // whole chunk before it could start loading the staff portal.
            { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 20 },
            { name: pupilChunk, debugName: 'pupil', priority: 10 },
          ],
        },
      },
    },
  },
});
