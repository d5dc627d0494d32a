import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Written (0600) by the demo when it creates the demo users: demo/src/users/demo-users.ts. */
const FILE = 'demo-users.json';

export interface DemoUser {
  email: string;
  role: string;
  password: string;
}

/** The demo users' sign-ins as the accounts service created them; none when the file is missing or unreadable. */
export function readDemoUsers(dataDir: string): DemoUser[] {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return [];
  try {
    const users: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(users) ? users.filter(isDemoUser) : [];
  } catch {
    return [];
  }
}

function isDemoUser(value: unknown): value is DemoUser {
  const user = value as Partial<DemoUser> | null;
  return typeof user?.email === 'string' && typeof user.role === 'string' && typeof user.password === 'string';
}
