import { env } from '$env/dynamic/private';

/** Read per request: `server.js` validated them at start-up; `vite dev` falls back to the defaults. */
export const gatewayUrl = () => env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
export const newsroomTimeZone = () => env.BYLINE_TIMEZONE || 'Asia/Baku';
