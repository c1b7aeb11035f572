// Storybook 10 for web components with Vite 8 (toolchain.md §4). Packages are consumed by name
// through the `@all-together/source` export condition, so stories run on TypeScript source and
// need no package build except the components' custom-elements.json (turbo's ^build makes it).
import { defaultClientConditions, mergeConfig } from 'vite';
import remarkGfm from 'remark-gfm';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: [
    // Each element's own stories live beside it (style.md); guides and journeys live here.
    '../../../packages/components/src/**/*.stories.ts',
    '../src/**/*.mdx',
    '../src/**/*.stories.ts',
  ],
  addons: [
    // GitHub-flavoured Markdown, so the guides' tables render as tables.
    {
      name: '@storybook/addon-docs',
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    '@storybook/addon-a11y',
  ],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Telemetry off twice: here and STORYBOOK_DISABLE_TELEMETRY=1 in the package scripts (P10).
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(vite) {
    return mergeConfig(vite, {
      resolve: { conditions: ['@all-together/source', ...defaultClientConditions] },
      // Lit's legacy decorators with useDefineForClassFields: false (ADR 0004) come from the
      // tsconfig.json nearest each file, which Vite's TypeScript transform reads (extends and all):
      // packages/components/tsconfig.json for the elements, ./tsconfig.json for this app.
      build: { chunkSizeWarningLimit: 2048 },
    });
  },
};

export default config;
