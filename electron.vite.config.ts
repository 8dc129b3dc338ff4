import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // serve.js is the same backend under plain Node (browser mode); it never imports electron.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          // The full integrity check runs in a worker thread started from this file (db/full-check.ts).
          'integrity-check-worker': resolve(__dirname, 'src/main/db/integrity-check-worker.ts'),
          // A long audit chain is verified in worker threads started from this file (audit/audit-verifier.ts).
          'audit-verify-worker': resolve(__dirname, 'src/main/audit/audit-verify-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified; browser mode sends it over the network.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
