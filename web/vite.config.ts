import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    // Browser scenarios live in e2e/ and need the whole system; see vitest.e2e.config.ts.
    include: ['src/**/*.{test,spec}.ts'],
  },
});
