import { ID_PATTERN } from '@byline/graphql';
import { SHARE_NETWORKS, type ShareNetwork } from './events.js';

/** The most events one request to `POST /collect` may carry. */
const MAX_EVENTS = 100;
const MAX_URL_LENGTH = 2000;
const MAX_SECONDS = 86_400;
const MAX_SCROLL = 100;

// Browsers send location.href already percent-encoded, so whitespace and control characters mean tampering;
// so do zero-width and bidi controls (a URL that reads differently from what it is) and lone surrogates.
const NO_CONTROL = /^[^\s\p{Cc}]*$/u;
const INVISIBLE = /[\p{Cs}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
// RFC 9562 UUIDs of any version, and the nil and max UUIDs.
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const NETWORKS: ReadonlySet<string> = new Set(SHARE_NETWORKS);

const EVENT_COUNT = `expected 1 to ${MAX_EVENTS} events`;
const NOT_A_STRING = 'expected a string';
const NOT_A_UUID = 'expected a UUID';
const TOO_LONG = `longer than ${MAX_URL_LENGTH} characters`;
const NOT_HTTP = 'expected an absolute http(s) URL';

interface ViewEvent {
  type: 'view';
  articleId: string;
  url: string;
  referrer?: string;
  id?: string;
}

interface ShareEvent {
  type: 'share';
  articleId: string;
  network: ShareNetwork;
  url: string;
  id?: string;
}

/**
 * Heartbeats carry the view's running total and the total its previous heartbeat sent
 * (0 on the first), so the increment is known without reading earlier rows.
 */
interface EngagementEvent {
  type: 'engagement';
  articleId: string;
  viewId: string;
  engagedSeconds: number;
  previousSeconds: number;
  scrollDepth: number;
  url: string;
  id?: string;
}

export type ClientEvent = ViewEvent | ShareEvent | EngagementEvent;

/** How the events were sent: one object, `{ events: [...] }` or a bare array. Field names follow it. */
export type PayloadForm = 'single' | 'envelope' | 'array';

/** Valid events, each with its page URL parsed (enrichment reads it instead of parsing again). */
export interface Payload {
  events: ClientEvent[];
  pages: URL[];
  form: PayloadForm;
}

export type ParsedPayload = ({ ok: true } & Payload) | { ok: false; reason: string; field: string; message: string };

/** The first rule a payload breaks: where (keys and indexes from the top) and why. */
class Issue {
  constructor(
    readonly path: (string | number)[],
    readonly message: string,
  ) {}

  within(key: string | number): Issue {
    this.path.unshift(key);
    return this;
  }
}

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
  const pages: URL[] = [];
  let checked: ClientEvent[] | Issue;
  let form: PayloadForm;
  if (Array.isArray(json)) {
    form = 'array';
    checked = checkList(json, pages);
  } else if (isObject(json) && Object.hasOwn(json, 'events')) {
    form = 'envelope';
    checked = checkEnvelope(json, pages);
  } else {
    form = 'single';
    const event = checkEvent(json, pages);
    checked = event instanceof Issue ? event : [event];
  }
  if (checked instanceof Issue) return reject(fieldName(checked.path), checked.message);
  return { ok: true, events: checked, pages, form };
}

function checkEnvelope(input: Record<string, unknown>, pages: URL[]): ClientEvent[] | Issue {
  const list = Array.isArray(input.events) ? checkList(input.events, pages) : new Issue([], 'expected an array');
  if (list instanceof Issue) return list.within('events');
  return unknownKey(input, ENVELOPE_KEYS) ?? list;
}

function checkList(items: unknown[], pages: URL[]): ClientEvent[] | Issue {
  if (items.length < 1 || items.length > MAX_EVENTS) return new Issue([], EVENT_COUNT);
  const events: ClientEvent[] = [];
  for (let index = 0; index < items.length; index++) {
    const event = checkEvent(items[index], pages);
    if (event instanceof Issue) return event.within(index);
    events.push(event);
  }
  return events;
}

/** The event, its page URL appended to `pages`; or the first rule it breaks. */
function checkEvent(value: unknown, pages: URL[]): ClientEvent | Issue {
  if (!isObject(value)) return new Issue([], 'expected an object');
  const check = checkOf(value.type);
  if (!check) return new Issue(['type'], 'expected "view", "share" or "engagement"');
  const page = pageOf(value.url);
  const checked = check(value, page);
  if (!(checked instanceof Issue)) pages.push(page as URL);
  return checked;
}

function checkOf(type: unknown) {
  switch (type) {
    case 'view':
      return checkView;
    case 'share':
      return checkShare;
    case 'engagement':
      return checkEngagement;
    default:
      return undefined;
  }
}

// Each check names the first field that breaks a rule, in the order the fields are listed below.

function checkView(input: Record<string, unknown>, page: URL | string): ViewEvent | Issue {
  const { articleId, url, referrer, id } = input;
  const issue =
    field('articleId', articleIdError(articleId)) ??
    field('url', typeof page === 'string' ? page : undefined) ??
    field('referrer', referrer === undefined ? undefined : referrerError(referrer)) ??
    field('id', optionalUuidError(id)) ??
    unknownKey(input, VIEW_KEYS);
  if (issue) return issue;
  const event: ViewEvent = { type: 'view', articleId: articleId as string, url: url as string };
  if (referrer !== undefined) event.referrer = referrer as string;
  if (id !== undefined) event.id = id as string;
  return event;
}

function checkShare(input: Record<string, unknown>, page: URL | string): ShareEvent | Issue {
  const { articleId, network, url, id } = input;
  const issue =
    field('articleId', articleIdError(articleId)) ??
    field('network', typeof network === 'string' && NETWORKS.has(network) ? undefined : NETWORK_ERROR) ??
    field('url', typeof page === 'string' ? page : undefined) ??
    field('id', optionalUuidError(id)) ??
    unknownKey(input, SHARE_KEYS);
  if (issue) return issue;
  const event: ShareEvent = {
    type: 'share',
    articleId: articleId as string,
    network: network as ShareNetwork,
    url: url as string,
  };
  if (id !== undefined) event.id = id as string;
  return event;
}

function checkEngagement(input: Record<string, unknown>, page: URL | string): EngagementEvent | Issue {
  const { articleId, viewId, engagedSeconds, previousSeconds, scrollDepth, url, id } = input;
  const issue =
    field('articleId', articleIdError(articleId)) ??
    field('viewId', isUuid(viewId) ? undefined : NOT_A_UUID) ??
    field('engagedSeconds', wholeNumberError(engagedSeconds, MAX_SECONDS)) ??
    field('previousSeconds', wholeNumberError(previousSeconds, MAX_SECONDS)) ??
    field('scrollDepth', wholeNumberError(scrollDepth, MAX_SCROLL)) ??
    field('url', typeof page === 'string' ? page : undefined) ??
    field('id', optionalUuidError(id)) ??
    unknownKey(input, ENGAGEMENT_KEYS) ??
    field('previousSeconds', (previousSeconds as number) <= (engagedSeconds as number) ? undefined : TOO_MANY_SECONDS);
  if (issue) return issue;
  const event: EngagementEvent = {
    type: 'engagement',
    articleId: articleId as string,
    viewId: viewId as string,
    engagedSeconds: engagedSeconds as number,
    previousSeconds: previousSeconds as number,
    scrollDepth: scrollDepth as number,
    url: url as string,
  };
  if (id !== undefined) event.id = id as string;
  return event;
}

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['events']);
const VIEW_KEYS: ReadonlySet<string> = new Set(['type', 'articleId', 'url', 'referrer', 'id']);
const SHARE_KEYS: ReadonlySet<string> = new Set(['type', 'articleId', 'network', 'url', 'id']);
const ENGAGEMENT_KEYS: ReadonlySet<string> = new Set([
  'type',
  'articleId',
  'viewId',
  'engagedSeconds',
  'previousSeconds',
  'scrollDepth',
  'url',
  'id',
]);
const NETWORK_ERROR = `expected one of ${SHARE_NETWORKS.join(', ')}`;
const TOO_MANY_SECONDS = 'must not exceed engagedSeconds';

function field(name: string, error: string | undefined): Issue | undefined {
  return error === undefined ? undefined : new Issue([name], error);
}

function unknownKey(input: Record<string, unknown>, known: ReadonlySet<string>): Issue | undefined {
  for (const key of Object.keys(input)) if (!known.has(key)) return new Issue([key], 'unknown field');
  return undefined;
}

// Canonical decimal ids only ("007" would count apart from "7"); 18 digits always fit a UInt64.
function articleIdError(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'expected a string of digits';
  return ID_PATTERN.test(value) ? undefined : 'expected a positive decimal id of at most 18 digits';
}

function textError(value: unknown): string | undefined {
  if (typeof value !== 'string') return NOT_A_STRING;
  if (value.length > MAX_URL_LENGTH) return TOO_LONG;
  if (!NO_CONTROL.test(value)) return 'contains whitespace or control characters';
  return INVISIBLE.test(value) ? 'contains zero-width or bidi characters, or a lone surrogate' : undefined;
}

function httpUrl(value: string): URL | null {
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : null;
}

/** The parsed page URL, or why it is refused. */
function pageOf(value: unknown): URL | string {
  const error = textError(value);
  if (error !== undefined) return error;
  return httpUrl(value as string) ?? NOT_HTTP;
}

/**
 * `document.referrer`: an http(s) URL, an Android app's `android-app://<package>/` (channels
 * know the apps' packages), or '' when the page was opened directly. Never `javascript:` and the like.
 */
function referrerError(value: unknown): string | undefined {
  const error = textError(value);
  if (error !== undefined || value === '') return error;
  if (httpUrl(value as string) || isAppReferrer(value as string)) return undefined;
  return `${NOT_HTTP}, an android-app:// referrer, or empty`;
}

function isAppReferrer(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && url.protocol === 'android-app:' && /^[a-z][\w]*(\.[a-z][\w]*)+$/i.test(url.hostname);
}

function isUuid(value: unknown): boolean {
  return typeof value === 'string' && UUID.test(value);
}

function optionalUuidError(value: unknown): string | undefined {
  return value === undefined || isUuid(value) ? undefined : NOT_A_UUID;
}

function wholeNumberError(value: unknown, max: number): string | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max
    ? undefined
    : `expected an integer from 0 to ${max}`;
}

function fieldName(path: readonly (string | number)[]): string {
  let name = '';
  for (const part of path) {
    name += typeof part === 'number' ? `[${part}]` : `${name ? '.' : ''}${printable(part)}`;
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
