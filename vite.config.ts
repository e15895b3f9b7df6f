import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Vendor libraries larger than the budget on their own, each in its own chunk loaded only by its pages. */
const LARGE_VENDORS = ['maplibre', 'echarts'];
const CHUNK_BUDGET_KB = 500;

/** Fails the build when an application chunk (anything but those vendors) exceeds the budget (issue 10). */
function chunkBudget(): Plugin {
  return {
    name: 'izis-chunk-budget',
    generateBundle(_options, bundle) {
      const over = Object.values(bundle).filter(
        (chunk) =>
          chunk.type === 'chunk' &&
          !LARGE_VENDORS.includes(chunk.name) &&
          chunk.code.length > CHUNK_BUDGET_KB * 1000,
      );
      if (over.length) {
        this.error(
          `chunks over ${CHUNK_BUDGET_KB} kB: ${over.map((c) => c.fileName).join(', ')} — split them (lazy routes) or, for a vendor library, give it a group`,
        );
      }
    },
  };
}

/**
 * `vite dev`: the public catalogue's addresses (/catalogue, /catalogue/zones/…) answer with its own page, as
 * the server does in production (src/server/static.ts); its modules (with an extension) pass through.
 */
function catalogueFallback(): Plugin {
  return {
    name: 'izis-catalogue-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (/^\/catalogue(\/|$)/.test(path) && !/\.\w+$/.test(path)) req.url = '/catalogue/index.html';
        next();
      });
    },
  };
}

/** The web SPA: sources in src/web, built into dist/web, which the server serves; `/api` is the server. */
export default defineConfig({
  root: fromRoot('./src/web'),
  envDir: fromRoot('./'),
  plugins: [react(), chunkBudget(), catalogueFallback()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // The budget for application chunks is enforced by chunkBudget(); this only quiets Vite's own warning
    // about the vendor chunks above, which are over it on their own.
    chunkSizeWarningLimit: 1100,
    // The manifest lets a test sum the JavaScript the public catalogue loads first (its < 200 KB gzip budget).
    manifest: true,
    rolldownOptions: {
      // Two pages: the staff SPA and the public investor catalogue (issue 14), which shares only React.
      input: {
        main: fromRoot('./src/web/index.html'),
        catalogue: fromRoot('./src/web/catalogue/index.html'),
      },
      output: {
        codeSplitting: {
          // React changes rarely: its own long-cached chunk. antd is left to automatic splitting so that each
          // lazy page loads only the components it uses.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Loaded only by the pages with a map or a chart (lazy imports); larger than the budget alone.
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
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
