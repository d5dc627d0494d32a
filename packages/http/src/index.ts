export { clientIp, type RequestHeaders, unmapIpv4 } from './client-ip.js';
export { identityOf } from './identity.js';
export { announceReady, closeOnSignals } from './lifecycle.js';
export { createLogger, type Logger, type LogLevel } from './log.js';
export { type GraphQLServiceOptions, type ReadyReport, type RunningService, startGraphQLService } from './serve.js';
