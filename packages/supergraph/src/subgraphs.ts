/** A subgraph of the supergraph: how to print its SDL and where the gateway routes to by default. */
export interface SubgraphSource {
  name: string;
  /** Script (relative to the repo root) that prints the subgraph's SDL to stdout. */
  printScript: string;
  routingUrl: string;
}

/** Every subgraph, in one place: adding one is one entry here (and its URL variable in the gateway). */
export const subgraphs: SubgraphSource[] = [
  {
    name: 'content',
    printScript: 'apps/content/dist/cli/print-schema.js',
    routingUrl: 'http://127.0.0.1:4001/graphql',
  },
  {
    name: 'analytics',
    printScript: 'apps/analytics/dist/cli/print-schema.js',
    routingUrl: 'http://127.0.0.1:4002/graphql',
  },
  {
    name: 'accounts',
    printScript: 'apps/accounts/dist/cli/print-schema.js',
    routingUrl: 'http://127.0.0.1:4003/graphql',
  },
];
