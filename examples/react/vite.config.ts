import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the build works wherever it is served from.
  base: './',
});
