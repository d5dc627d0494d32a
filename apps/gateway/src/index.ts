export { type Authenticator, createAuthenticator } from './auth/authenticate.js';
export { credentialOf } from './auth/credential.js';
export { type GatewayConfig, loadGatewayConfig } from './config.js';
export { startGateway } from './gateway.js';
