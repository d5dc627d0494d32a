import type { SubgraphUrls } from '../subgraphs.js';

export interface TargetOptions {
  urls: SubgraphUrls;
  secret: string;
  supergraphPath: string;
}

/** Starts one gateway over the subgraphs; its `url` takes GraphQL POSTs. */
export type Target = (options: TargetOptions) => Promise<{ url: string; close(): Promise<void> }>;
