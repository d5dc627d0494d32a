import { z } from 'zod';

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`${app}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the variables a schema names from `env`, validates them once and
 * returns the typed result. Every problem names the variable that is wrong.
 */
export function loadConfig<S extends z.ZodObject>(
  app: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      app,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Reusable variable parsers, so every app reads ports, lists and flags alike. */
export const vars = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  host: (fallback = '127.0.0.1') => z.string().min(1).default(fallback),
  url: () => z.url(),
  postgresUrl: () => z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL'),
  list: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      ),
  /**
   * The secret shared by every service. Production must set it; elsewhere it may be left unset, for the app
   * to fall back to a generated one (a demo convenience).
   */
  internalSecret: (env: NodeJS.ProcessEnv) => {
    const secret = z.string({ error: 'required when NODE_ENV=production' }).min(32, 'must be at least 32 characters');
    return isProduction(env) ? secret : secret.optional();
  },
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  timeZone: (fallback: string) =>
    z.string().default(fallback).refine(isTimeZone, { message: 'not an IANA time zone, e.g. "Asia/Baku"' }),
};

export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === 'production';
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Exits with the configuration problems printed, for use in an app's main. */
export function exitOnConfigError(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

export { z };
