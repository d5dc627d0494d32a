import { MATCH_END, MATCH_START } from './search.sql.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the headline as HTML, then turns the match markers into <mark> elements. */
export function snippetHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>');
}
