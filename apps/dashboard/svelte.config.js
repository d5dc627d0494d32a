import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    // No inline scripts but SvelteKit's own, which it hashes.
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};
