import { resolve } from 'node:path';

import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** While developing, Vite injects styles as <style> elements: the page's CSP must allow them. */
function devStylesCsp(): Plugin {
  return {
    name: 'timeline-desk:dev-styles-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      // lowdb and steno are ESM-only; bundling them keeps the main process one self-contained file.
      externalizeDeps: { exclude: ['lowdb', 'steno', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Large documents are read in a worker thread; client.ts finds it beside index.js.
          'document-worker': resolve('src/main/document-worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or other files: one CommonJS file.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [devStylesCsp()],
    build: {
      // Minified: 570 KB of script to parse and compile before the window opens instead of 990 KB.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
