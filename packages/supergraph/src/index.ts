export { compareSchemaFiles, composeSupergraph, type FileDifference, type PrintedSubgraph } from './compose.js';
export { printSubgraphs } from './print.js';
export { type SubgraphSource, subgraphs } from './subgraphs.js';
