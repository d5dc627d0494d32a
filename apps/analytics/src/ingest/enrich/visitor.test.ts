import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVisitorIds } from './visitor.js';

const IP = '203.0.113.42';
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

describe('createVisitorIds', () => {
  let folder: string;
  let file: string;
  let clock: Date;
  const now = () => clock;
  const at = (iso: string) => {
    clock = new Date(iso);
    return clock;
  };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'byline-visitor-'));
    file = join(folder, 'state', 'salts.json');
    clock = new Date('2026-03-10T08:00:00Z');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('gives the same ip and agent the same id all day, as a decimal UInt64', async () => {
    const ids = createVisitorIds({ file, now });
    const morning = await ids.visitorId(IP, CHROME, at('2026-03-10T00:00:01Z'));
    const evening = await ids.visitorId(IP, CHROME, at('2026-03-10T23:59:59Z'));
    expect(evening).toBe(morning);
    expect(morning).toMatch(/^\d{1,20}$/);
    expect(BigInt(morning)).toBeLessThan(2n ** 64n);
  });

  it('gives a different id the next day', async () => {
    const ids = createVisitorIds({ file, now });
    const today = await ids.visitorId(IP, CHROME, at('2026-03-10T12:00:00Z'));
    const tomorrow = await ids.visitorId(IP, CHROME, at('2026-03-11T12:00:00Z'));
    expect(tomorrow).not.toBe(today);
  });

  it('gives a different agent or ip a different id', async () => {
    const ids = createVisitorIds({ file, now });
    const day = at('2026-03-10T12:00:00Z');
    const chrome = await ids.visitorId(IP, CHROME, day);
    expect(await ids.visitorId(IP, FIREFOX, day)).not.toBe(chrome);
    expect(await ids.visitorId('203.0.113.43', CHROME, day)).not.toBe(chrome);
  });

  it('keeps the day’s ids across a restart', async () => {
    const day = at('2026-03-10T12:00:00Z');
    const before = await createVisitorIds({ file, now }).visitorId(IP, CHROME, day);
    const after = await createVisitorIds({ file, now }).visitorId(IP, CHROME, day);
    expect(after).toBe(before);
  });

  it('still answers for yesterday’s events after midnight, with yesterday’s salt', async () => {
    const ids = createVisitorIds({ file, now });
    const late = await ids.visitorId(IP, CHROME, at('2026-03-10T23:59:59Z'));
    at('2026-03-11T00:00:05Z');
    expect(await ids.visitorId(IP, CHROME, new Date('2026-03-10T23:59:59Z'))).toBe(late);
  });

  it('refuses days whose salt is gone or not yet due', async () => {
    const ids = createVisitorIds({ file, now });
    at('2026-03-10T12:00:00Z');
    await expect(ids.visitorId(IP, CHROME, new Date('2026-03-08T12:00:00Z'))).rejects.toThrow(RangeError);
    await expect(ids.visitorId(IP, CHROME, new Date('2026-03-11T12:00:00Z'))).rejects.toThrow(RangeError);
  });

  it('deletes salts older than 48 hours from the file', async () => {
    const ids = createVisitorIds({ file, now });
    await ids.visitorId(IP, CHROME, at('2026-03-10T12:00:00Z'));
    await ids.visitorId(IP, CHROME, at('2026-03-11T12:00:00Z'));
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).salts).sort()).toEqual(['2026-03-10', '2026-03-11']);
    await ids.visitorId(IP, CHROME, at('2026-03-12T00:00:00Z'));
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).salts).sort()).toEqual(['2026-03-11', '2026-03-12']);
    await ids.visitorId(IP, CHROME, at('2026-03-15T09:00:00Z'));
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).salts)).toEqual(['2026-03-15']);
  });

  it('prunes old salts found in the file on start', async () => {
    await mkdir(join(folder, 'state'));
    const old = Buffer.alloc(32, 7).toString('base64');
    await writeFile(file, JSON.stringify({ salts: { '2026-03-01': old, '2026-03-10': old } }));
    const ids = createVisitorIds({ file, now });
    const id = await ids.visitorId(IP, CHROME, at('2026-03-10T12:00:00Z'));
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).salts)).toEqual(['2026-03-10']);
    // Today's persisted salt is the one in use.
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update(`${IP}\n${CHROME}`).digest().readBigUInt64BE(0);
    expect(id).toBe(expected.toString());
  });

  it('starts afresh from a damaged file', async () => {
    await mkdir(join(folder, 'state'));
    await writeFile(file, '{"salts": {"2026-03-10": "c2hvcnQ="}');
    const id = await createVisitorIds({ file, now }).visitorId(IP, CHROME, at('2026-03-10T12:00:00Z'));
    expect(id).toMatch(/^\d+$/);
    expect(JSON.parse(await readFile(file, 'utf8')).salts['2026-03-10']).toHaveLength(44);
  });

  it('writes the file privately, atomically and without the IP or agent', async () => {
    const ids = createVisitorIds({ file, now });
    await Promise.all([
      ids.visitorId(IP, CHROME, at('2026-03-10T12:00:00Z')),
      ids.visitorId('2001:db8::42', FIREFOX, clock),
      ids.visitorId(IP, FIREFOX, clock),
    ]);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(IP);
    expect(text).not.toContain('2001:db8');
    expect(text).not.toContain('Mozilla');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(folder, 'state'))).toEqual(['salts.json']);
  });

  it('creates one salt when many requests arrive at once', async () => {
    const ids = createVisitorIds({ file, now });
    const day = at('2026-03-10T12:00:00Z');
    const results = await Promise.all(Array.from({ length: 50 }, () => ids.visitorId(IP, CHROME, day)));
    expect(new Set(results).size).toBe(1);
    expect(await createVisitorIds({ file, now }).visitorId(IP, CHROME, day)).toBe(results[0]);
  });
});
