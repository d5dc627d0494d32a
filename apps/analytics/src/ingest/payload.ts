import { ID_PATTERN } from '@byline/graphql';
import { z } from 'zod';
import { SHARE_NETWORKS } from './events.js';

/** The most events one request to `POST /collect` may carry. */
const MAX_EVENTS = 100;
const MAX_URL_LENGTH = 2000;

// Canonical decimal ids only ("007" would count apart from "7"); 18 digits always fit a UInt64.
const articleId = z.string({ error: 'expected a string of digits' }).regex(ID_PATTERN, {
  error: 'expected a positive decimal id of at most 18 digits',
});

// Browsers send location.href already percent-encoded, so whitespace and control characters mean tampering.
const noControl = /^[^\s\p{Cc}]*$/u;

const url = z
  .string({ error: 'expected a string' })
  .max(MAX_URL_LENGTH, { error: `longer than ${MAX_URL_LENGTH} characters` })
  .regex(noControl, { error: 'contains whitespace or control characters' })
  .refine(isHttpUrl, { error: 'expected an absolute http(s) URL' });

const referrer = z
  .string({ error: 'expected a string' })
  .max(MAX_URL_LENGTH, { error: `longer than ${MAX_URL_LENGTH} characters` })
  .regex(noControl, { error: 'contains whitespace or control characters' });

const uuid = z.uuid({ error: 'expected a UUID' });

function wholeNumber(max: number) {
  const error = `expected an integer from 0 to ${max}`;
  return z.int({ error }).min(0, { error }).max(max, { error });
}

const viewEvent = z.strictObject({
  type: z.literal('view'),
  articleId,
  url,
  referrer: referrer.optional(),
  id: uuid.optional(),
});

const shareEvent = z.strictObject({
  type: z.literal('share'),
  articleId,
  network: z.enum(SHARE_NETWORKS, { error: `expected one of ${SHARE_NETWORKS.join(', ')}` }),
  url,
  id: uuid.optional(),
});

const engagementEvent = z.strictObject({
  type: z.literal('engagement'),
  articleId,
  viewId: uuid,
  engagedSeconds: wholeNumber(86_400),
  scrollDepth: wholeNumber(100),
  url,
  id: uuid.optional(),
});

const clientEvent = z.discriminatedUnion('type', [viewEvent, shareEvent, engagementEvent], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'expected "view", "share" or "engagement"' : 'expected an object',
});

const eventList = z
  .array(clientEvent, { error: 'expected an array' })
  .min(1, { error: `expected 1 to ${MAX_EVENTS} events` })
  .max(MAX_EVENTS, { error: `expected 1 to ${MAX_EVENTS} events` });

const envelope = z.strictObject({ events: eventList });

export type ClientEvent = z.infer<typeof clientEvent>;

/** How the events were sent: one object, `{ events: [...] }` or a bare array. Field names follow it. */
export type PayloadForm = 'single' | 'envelope' | 'array';

export type ParsedPayload =
  | { ok: true; events: ClientEvent[]; form: PayloadForm }
  | { ok: false; reason: string; field: string; message: string };

/** The name of field `name` of event `index` in a payload of this form, e.g. `events[3].articleId`. */
export function eventField(form: PayloadForm, index: number, name: string): string {
  return form === 'single' ? name : form === 'envelope' ? `events[${index}].${name}` : `[${index}].${name}`;
}

/**
 * Validates a `POST /collect` body: one event, `{ "events": [...] }` or a bare array of events.
 * Never throws; a rejection names the first failing field, e.g. `events[3].network`.
 */
export function parsePayload(body: string): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return reject('body', 'not valid JSON');
  }
  if (Array.isArray(json)) return check(eventList, json, 'array', (events) => events);
  if (isObject(json) && Object.hasOwn(json, 'events'))
    return check(envelope, json, 'envelope', (value) => value.events);
  return check(clientEvent, json, 'single', (event) => [event]);
}

function check<T>(
  schema: z.ZodType<T>,
  json: unknown,
  form: PayloadForm,
  toEvents: (value: T) => ClientEvent[],
): ParsedPayload {
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, events: toEvents(result.data), form };
  const issue = result.error.issues[0];
  if (!issue) return reject('body', 'invalid');
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const message = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
  return reject(fieldName(path), message);
}

function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const part of path) {
    name += typeof part === 'number' ? `[${part}]` : `${name ? '.' : ''}${printable(String(part))}`;
  }
  return name || 'body';
}

// Unknown keys come from the client: keep them short and safe to echo and log.
function printable(key: string): string {
  return key.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);
}

function reject(field: string, message: string): ParsedPayload {
  return { ok: false, field, message, reason: `${field}: ${message}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
}
