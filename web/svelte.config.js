import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    typescript: {
      // Type-check the browser scenarios and their config with the app (svelte-check reads this).
      config: (tsconfig) => {
        tsconfig.include.push('../e2e/**/*.ts', '../vitest.e2e.config.ts');
        return tsconfig;
      },
    },
  },
};

export default config;
