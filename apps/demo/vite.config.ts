import { defineConfig } from 'vite';

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
  },
});
