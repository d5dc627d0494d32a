import { badInput } from '@byline/graphql';

/**
 * Opaque cursors: base64url JSON with a kind tag, so a cursor from one list
 * cannot be replayed on another and a tampered one is refused clearly.
 */
export function encodeCursor(kind: string, values: (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

export function decodeCursor(field: string, kind: string, cursor: string): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(field, 'malformed cursor');
  }
  if (!Array.isArray(decoded) || decoded[0] !== kind) throw badInput(field, 'malformed cursor');
  return decoded.slice(1);
}

/** The largest page a connection serves. */
export const MAX_PAGE_SIZE = 100;
