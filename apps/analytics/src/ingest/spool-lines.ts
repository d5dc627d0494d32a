import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EngagementRow, EventRecord, ShareRow, ViewRow } from './events.js';
import type { Table } from './metrics.js';

type Column<R> = keyof R & string;
/** Every column of row type R: leaving one out does not compile. */
type AllOf<R, C extends readonly Column<R>[]> = Exclude<Column<R>, C[number]> extends never ? C : never;
const columnsOf =
  <R>() =>
  <const C extends readonly [Column<R>, ...Column<R>[]]>(columns: AllOf<R, C>): [string, ...string[]] => [
    ...(columns as C),
  ];

/**
 * The order of each table's values in a spool line. Lines already on disk keep
 * their order: a change of columns needs a new tag next to these.
 */
export const COLUMNS: Readonly<Record<Table, [string, ...string[]]>> = {
  views: columnsOf<ViewRow>()([
    'event_id',
    'time',
    'article_id',
    'section_id',
    'edition',
    'author_ids',
    'visitor_id',
    'country',
    'region',
    'device',
    'browser',
    'os',
    'referrer_host',
    'channel',
    'channel_source',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'path',
  ]),
  shares: columnsOf<ShareRow>()([
    'event_id',
    'time',
    'article_id',
    'section_id',
    'edition',
    'author_ids',
    'network',
    'visitor_id',
    'country',
    'region',
  ]),
  engagement: columnsOf<EngagementRow>()([
    'event_id',
    'time',
    'view_id',
    'article_id',
    'section_id',
    'edition',
    'author_ids',
    'visitor_id',
    'country',
    'region',
    'engaged_seconds',
    'previous_seconds',
    'scroll_depth',
  ]),
};

/** One table's rows of a segment, ready to insert: one JSON array of values a line. */
export interface TableRows {
  table: Table;
  rows: number;
  body: Buffer;
}

/** A line that is neither: `line` counts from 1. */
export class BadLineError extends Error {
  constructor(readonly line: number) {
    super(`spool line ${line} is not a row`);
    this.name = 'BadLineError';
  }
}

/**
 * A record as a spool line: `<table>\t[<values in COLUMNS order>]\n`. The array
 * part is what ClickHouse reads, so the writer sends it without parsing it again.
 * JSON.stringify escapes every control character, so a line never holds a raw newline or NUL.
 */
export function encodeLine({ table, row }: EventRecord): string {
  const values = COLUMNS[table].map((column) => (row as unknown as Record<string, unknown>)[column]);
  return `${table}\t${JSON.stringify(values)}\n`;
}

const TAGS = (Object.keys(COLUMNS) as Table[]).map((table) => ({ table, prefix: Buffer.from(`${table}\t[`) }));
const NEWLINE = 0x0a;
const CLOSE = 0x5d; // ]
// Segments written before rows were positional hold `{"table":…,"row":{…}}` lines, and only those.
const LEGACY = 0x7b; // {

/**
 * Splits a segment's lines by table. Each line is checked for its shape (a known
 * tag, an array, no NUL byte anywhere), not parsed; a line of another shape throws
 * BadLineError. Yields to the event loop every `slice` lines.
 */
export async function rowsByTable(segment: Buffer, slice: number): Promise<TableRows[]> {
  const data = segment[0] === LEGACY ? fromLegacy(segment) : segment;
  const nul = data.indexOf(0);
  const ranges = new Map<Table, number[]>();
  let line = 0;
  for (let start = 0, end = 0; start < data.length; start = end + 1) {
    end = data.indexOf(NEWLINE, start);
    line += 1;
    const tag = TAGS.find(({ prefix }) => startsWith(data, start, end, prefix));
    if (!tag || data[end - 1] !== CLOSE || (nul >= start && nul < end)) throw new BadLineError(line);
    const list = ranges.get(tag.table) ?? [];
    list.push(start + tag.prefix.length - 1, end + 1);
    ranges.set(tag.table, list);
    if (line % slice === 0) await nextTurn();
  }
  return [...ranges].map(([table, list]) => ({ table, rows: list.length / 2, body: copyRanges(data, list) }));
}

/** Whether `data[start, end)` begins with `prefix` and holds more after it (false when `end` is -1). */
function startsWith(data: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start <= prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[start + i] !== prefix[i]) return false;
  return true;
}

/** The bytes of `data` in the ranges `[start, end, start, end, …]`, one after the other. */
function copyRanges(data: Buffer, ranges: number[]): Buffer {
  let size = 0;
  for (let i = 0; i < ranges.length; i += 2) size += (ranges[i + 1] as number) - (ranges[i] as number);
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) at += data.copy(body, at, ranges[i], ranges[i + 1]);
  return body;
}

/** A legacy segment as lines of today's shape. */
function fromLegacy(data: Buffer): Buffer {
  const lines = data.toString('utf8').split('\n');
  let text = '';
  // The segment ends with a newline: the last element is empty.
  for (let index = 0; index < lines.length - 1; index++) {
    let record: unknown;
    try {
      record = JSON.parse(lines[index] ?? '');
    } catch {
      throw new BadLineError(index + 1);
    }
    const { table, row } = (record ?? {}) as { table?: unknown; row?: unknown };
    if (typeof table !== 'string' || !Object.hasOwn(COLUMNS, table) || typeof row !== 'object' || row === null) {
      throw new BadLineError(index + 1);
    }
    text += encodeLine({ table, row } as EventRecord);
  }
  return Buffer.from(text);
}
