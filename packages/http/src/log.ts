export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const rank: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };

export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** Plain one-line logs (`pnpm start` prefixes them with the service name). */
export function createLogger(level: LogLevel = 'info'): Logger {
  const on = (wanted: LogLevel) => rank[wanted] >= rank[level];
  return {
    error: (message, error) => {
      if (!on('error')) return;
      console.error(
        `error ${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`,
      );
    },
    warn: (message) => on('warn') && console.warn(`warn  ${message}`),
    info: (message) => on('info') && console.log(`info  ${message}`),
    debug: (message) => on('debug') && console.log(`debug ${message}`),
  };
}
