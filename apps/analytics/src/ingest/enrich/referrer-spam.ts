import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domainOf } from '../domains.js';

/** The bundled list ships beside the compiled code: src/ and dist/ both resolve to the source file. */
const LIST = fileURLToPath(new URL('../../../src/ingest/enrich/referrer-spam.txt', import.meta.url));

/** Host names of a spam list: one a line; blank lines and `#` comments skipped. */
function parseSpamList(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

const SPAMMERS = parseSpamList(readFileSync(LIST, 'utf8'));

/** True when a referrer's host, or a domain above it, is a known referrer spammer. */
export function isSpamHost(host: string): boolean {
  return domainOf(host, SPAMMERS) !== undefined;
}
