import type { Identity } from '@byline/auth';
import type { DataSource } from 'typeorm';
import type { Clock } from './clock.js';
import type { LoginLimiter } from './sessions/login-limiter.js';

/** What lives as long as the service: shared by every request, the /authenticate route and the tests. */
export interface Accounts {
  db: DataSource;
  clock: Clock;
  sessionTtlMs: number;
  limiter: LoginLimiter;
}

/** What every resolver receives; built fresh for each request. */
export interface Context extends Accounts {
  /** Who is asking, as signed by the gateway (with the client's IP for login limits). */
  identity: Identity;
}

export function createContext(accounts: Accounts, identity: Identity): Context {
  return { ...accounts, identity };
}

/** The user id behind an identity: `user:<id>` for a person's session, null for tokens, services and anonymous. */
export function userIdOf(identity: Identity): string | null {
  return /^user:(\d+)$/.exec(identity.sub)?.[1] ?? null;
}
