export { type GatewayConfig, loadGatewayConfig } from './config.js';
export { startGateway } from './gateway.js';
