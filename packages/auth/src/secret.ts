import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIN_SECRET_LENGTH = 32;

/**
 * The secret the gateway signs identities with and the services verify them
 * with. Given (`INTERNAL_SECRET`), it is used as is; otherwise, on embedded
 * defaults, one is generated on first start and kept (0600) in the data
 * directory that every service of this machine shares. Never in production:
 * each app's config requires INTERNAL_SECRET there (vars.internalSecret).
 */
export function internalSecret(given: string | undefined, dataDir: string): string {
  if (given) return given;
  const file = join(dataDir, 'internal-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  } catch {
    // Another service created it first: use theirs.
    return readFileSync(file, 'utf8').trim();
  }
  chmodSync(file, 0o600);
  return secret;
}
