import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`web/${name}`, import.meta.url));

// The front end is plain ESM; the SDK comes in through its public exports (the packages' dist).
export default defineConfig({
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
