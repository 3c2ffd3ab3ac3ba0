import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Watchword's public origin in development: `./watchword dev`'s gateway. */
const API = 'http://localhost:8080';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Served by the gateway under /admin/ of Watchword's own origin, so the API is same-origin.
  base: '/admin/',
  resolve: {
    // The SDK's sources: the dashboard dogfoods the SDK as it is in this checkout, built or not.
    alias: [
      { find: /^@watchword\/client$/, replacement: source('../packages/client/src/index.ts') },
      { find: /^@watchword\/react$/, replacement: source('../packages/react/src/index.ts') },
    ],
  },
  server: {
    // `npm run dev`: the page on Vite's origin, the API proxied to the dev stack, so it stays same-origin
    // (the refresh cookie is SameSite=Strict and scoped to Watchword's token paths).
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/.well-known': { target: API, changeOrigin: false },
    },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for React Server Components; a client-only SPA has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
