import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The web SPA: sources in src/web, built into dist/web, which the server serves; `/api` is the server. */
export default defineConfig({
  root: fromRoot('./src/web'),
  envDir: fromRoot('./'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React changes rarely: its own long-cached chunk. antd is left to automatic splitting so that each
          // lazy page loads only the components it uses.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000' },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000' },
    },
  },
});
