// One rollup recipe for every published package: ESM with preserved modules, .d.ts beside them.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';

/**
 * Bare imports stay external: dependencies are resolved by the consumer's bundler, and tslib must not
 * be copied into dist/node_modules (toolchain.md §5).
 * @param {{ input?: string | string[] | Record<string, string>, plugins?: import('rollup').Plugin[], after?: import('rollup').Plugin[] }} [options]
 *   `plugins` run before TypeScript (for example @rollup/plugin-json for shipped data), `after` on
 *   its JavaScript output (for example `minifyCssPlugin` from `minify-css.mjs`).
 */
export function libraryConfig(options = {}) {
  return {
    input: options.input ?? 'src/index.ts',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
      entryFileNames: '[name].js',
    },
    plugins: [
      ...(options.plugins ?? []),
      nodeResolve({ extensions: ['.ts', '.js', '.json'] }),
      typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: true }),
      ...(options.after ?? []),
    ],
  };
}
