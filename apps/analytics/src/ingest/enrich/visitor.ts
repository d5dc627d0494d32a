import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface VisitorIdOptions {
  /** Where the daily salts are kept, so a restart keeps the day's ids. */
  file: string;
  now?: () => Date;
}

export interface VisitorIds {
  /** A decimal UInt64 for this IP and agent on `at`'s UTC day, which must be today or yesterday. */
  visitorId(ip: string, userAgent: string, at: Date): Promise<string>;
}

const DAY_MS = 86_400_000;
const SALT_BYTES = 32;

const saltFile = z.object({
  salts: z.record(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.base64().refine((salt) => Buffer.from(salt, 'base64').length === SALT_BYTES),
  ),
});

/**
 * Cookieless visitor ids: HMAC-SHA256 of `ip \n userAgent` under a random salt per UTC day.
 * Only today's and yesterday's salts are kept, in memory and in `file`, so after 48 hours
 * nobody, us included, can link an id back to an IP.
 */
export function createVisitorIds(options: VisitorIdOptions): VisitorIds {
  const now = options.now ?? (() => new Date());
  let salts: Promise<Map<string, Buffer>> | undefined;
  // Every change bumps `version`; a save is queued unless one for this version already is.
  let version = 0;
  let queued = 0;
  let saved: Promise<void> = Promise.resolve();

  async function saltFor(day: string): Promise<Buffer> {
    salts ??= load(options.file).catch((error: unknown) => {
      salts = undefined;
      throw error;
    });
    const known = await salts;
    const today = dayOf(now());
    const yesterday = dayOf(new Date(Date.parse(today) - DAY_MS));
    if (day !== today && day !== yesterday) {
      throw new RangeError(`visitor ids exist for ${yesterday} and ${today} only, not for ${day}`);
    }
    for (const kept of known.keys()) {
      if (kept !== today && kept !== yesterday) {
        known.delete(kept);
        version += 1;
      }
    }
    let salt = known.get(day);
    if (!salt) {
      salt = randomBytes(SALT_BYTES);
      known.set(day, salt);
      version += 1;
    }
    if (version > queued) {
      queued = version;
      const snapshot = new Map(known);
      saved = saved
        .catch(() => undefined)
        .then(() => save(options.file, snapshot))
        .catch((error: unknown) => {
          queued = 0; // the next call tries again
          throw error;
        });
    }
    // Wait until the salt is on disk, so no id is handed out that a restart would change.
    await saved;
    return salt;
  }

  // The salt of the day last asked for, once it is on disk: most calls need nothing else.
  let last: { day: number; salt: Buffer } | undefined;

  return {
    async visitorId(ip, userAgent, at) {
      const day = Math.floor(at.getTime() / DAY_MS);
      const today = Math.floor(now().getTime() / DAY_MS);
      let salt = last?.day === day && (day === today || day === today - 1) ? last.salt : undefined;
      if (!salt) {
        salt = await saltFor(dayOf(at));
        last = { day, salt };
      }
      return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest().readBigUInt64BE(0).toString();
    },
  };
}

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function load(file: string): Promise<Map<string, Buffer>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // A damaged file only costs continuity for the day: start with fresh salts.
  const parsed = saltFile.safeParse(json);
  if (!parsed.success) return new Map();
  return new Map(Object.entries(parsed.data.salts).map(([day, salt]) => [day, Buffer.from(salt, 'base64')]));
}

// Written to a private temporary file and renamed over the old one, so a crash leaves either file whole.
async function save(file: string, salts: Map<string, Buffer>): Promise<void> {
  const json = { salts: Object.fromEntries([...salts].map(([day, salt]) => [day, salt.toString('base64')])) };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(json)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
