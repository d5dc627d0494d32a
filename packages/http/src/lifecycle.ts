import type { Logger } from './log.js';

/** Tells a parent process (the `pnpm start` launcher) that this service is up. */
export function announceReady(info: Record<string, unknown>): void {
  process.send?.({ type: 'ready', ...info });
}

/**
 * Runs `close` once on SIGINT or SIGTERM, then exits. A second signal, or a
 * close that takes longer than `graceMs`, exits at once. A process started
 * with an IPC channel also closes when its parent goes away, so a launcher
 * that dies leaves no service behind.
 */
export function closeOnSignals(close: () => Promise<void>, log: Logger, graceMs = 10_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals | 'parent gone') => {
    if (closing) process.exit(1);
    closing = true;
    log.info(`${signal}: shutting down`);
    setTimeout(() => {
      log.error(`shutdown took longer than ${graceMs} ms, exiting`);
      process.exit(1);
    }, graceMs).unref();
    close().then(
      () => process.exit(0),
      (error) => {
        log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (process.connected) process.once('disconnect', () => closing || onSignal('parent gone'));
}
