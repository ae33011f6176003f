import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // Both shells are built from one graph so they share the exact same core.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'electron/web/cli.ts'),
          // Heavy jobs run on worker threads from this entry (electron/jobs/jobRunner.ts finds it).
          jobWorker: resolve(root, 'electron/jobs/jobWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require sibling chunks: each must be one self-contained file.
      isolatedEntries: true,
      // ...nor any package but `electron`: bundle every import, so none can be left external.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          console: resolve(root, 'electron/preload/console.ts'),
          audience: resolve(root, 'electron/preload/audience.ts'),
          unlock: resolve(root, 'electron/preload/unlock.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: {
          console: resolve(root, 'renderer/console.html'),
          audience: resolve(root, 'renderer/audience.html'),
          unlock: resolve(root, 'renderer/unlock.html'),
          'web-bridge': resolve(root, 'electron/web/bridge.ts'),
        },
        output: {
          // The browser shell injects the bridge by a fixed name.
          entryFileNames: (chunk) =>
            chunk.name === 'web-bridge' ? 'web-bridge.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
