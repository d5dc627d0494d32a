export { announceReady, closeOnSignals } from './lifecycle.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
export { type GraphQLServiceOptions, type ReadyReport, type RunningService, startGraphQLService } from './serve.js';
