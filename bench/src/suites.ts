import { contentSuite } from './content/suite.js';
import { dashboardSuite } from './dashboard/suite.js';
import { gatewaySuite } from './gateway/suite.js';
import { ingestionSuite } from './ingestion/suite.js';
import type { Suite } from './lib/suite.js';
import { readershipSuite } from './readership/suite.js';

/** Every suite, in the order `pnpm bench` runs them; adding one is one line here. */
export const suites: Suite[] = [dashboardSuite, gatewaySuite, contentSuite, readershipSuite, ingestionSuite];
