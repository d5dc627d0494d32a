export { announceReady, closeOnSignals } from './lifecycle.js';
export { createLogger, type LogLevel, type Logger } from './log.js';
export { startGraphQLService, type GraphQLServiceOptions, type ReadyReport, type RunningService } from './serve.js';
