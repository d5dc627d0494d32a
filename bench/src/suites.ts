import type { Suite } from './lib/suite.js';

/** Every suite, in the order `pnpm bench` runs them; adding one is one line here. */
export const suites: Suite[] = [];
