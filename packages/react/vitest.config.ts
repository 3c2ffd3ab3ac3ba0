import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The client's sources, so the bindings are tested against it without building it first.
    alias: { '@watchword/client': fileURLToPath(new URL('../client/src/index.ts', import.meta.url)) },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx'],
  },
});
