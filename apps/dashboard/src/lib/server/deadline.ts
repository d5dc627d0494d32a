/** How long a request waits for the gateway, all its calls together. */
export const DEADLINE_MS = 15_000;
/** The live page polls every 2 s: it gives up sooner rather than stand still. */
const LIVE_DEADLINE_MS = 4_500;

const LIVE_ROUTES = new Set(['/(readership)/live', '/(readership)/live/data']);

/** The signal that aborts a request's gateway calls once its route's deadline has passed. */
export function deadlineOf(routeId: string | null): AbortSignal {
  return AbortSignal.timeout(routeId !== null && LIVE_ROUTES.has(routeId) ? LIVE_DEADLINE_MS : DEADLINE_MS);
}
