export { createSubgraphApollo } from './apollo.js';
export { authChecker } from './auth.js';
export { type Batchers, batcher } from './batcher.js';
export { badInput, forbidden, unauthenticated } from './errors.js';
export { buildFederatedSchema, subgraphTypeDefs } from './federation.js';
export { formatErrorWith } from './format-error.js';
export { checkId, ID_PATTERN, isId } from './ids.js';
export { checkLimit } from './limit.js';
export { validateInput } from './validation.js';
