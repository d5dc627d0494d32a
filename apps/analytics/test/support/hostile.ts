/** Strings that break naively built SQL (ClickHouse's included), for fuzzing and injection tests. */
export const INJECTIONS: readonly string[] = [
  "'",
  '"',
  '`',
  '\\',
  "\\'",
  "'; DROP TABLE views; --",
  "';DROP/**/TABLE/**/views;--",
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR "1"="1',
  "') OR ('a'='a",
  '{name:String}',
  '{from:Int64}',
  '{ids:Array(String)}',
  "' UNION ALL SELECT name FROM system.tables --",
  '1; SELECT sleep(3)',
  "x' FORMAT JSONEachRow --",
  '\\N',
  '%27%3B%20DROP%20TABLE%20views%3B%20--',
  '\u2018 OR 1=1 \u2019 \u201cq\u201d \uff07 \u02bc',
  'NUL\u0000byte',
  'line\r\nbreak',
  '$1 ? %s :name @p',
  '<script>alert(1)</script>',
  '#{7*7} {{7*7}}',
];

/** The texts a hostile response could leak: ClickHouse's messages, SQL keywords, stack frames. */
const LEAKS = [
  /DB::Exception/i,
  /\bCode: \d+/,
  /clickhouse/i,
  /chdb/i,
  /\bSELECT\b/i,
  /\bFROM\b/,
  /\bWHERE\b/,
  /\bsyntax error\b/i,
  /\n\s+at /,
  /\.ts:\d+/,
  /\.js:\d+/,
  /node_modules/,
];

/**
 * What in `text` would leak SQL, ClickHouse or a stack trace, once the `echoed` inputs
 * are taken out (as they are, JSON-escaped, or cut short as error messages quote them).
 */
export function leaksIn(text: string, echoed: readonly string[] = []): string[] {
  let rest = text;
  for (const input of echoed) {
    for (const form of [input, JSON.stringify(input).slice(1, -1)]) {
      for (let length = form.length; length >= Math.min(8, form.length) && length > 0; length--) {
        const quoted = form.slice(0, length);
        if (rest.includes(quoted)) {
          rest = rest.split(quoted).join('');
          break;
        }
      }
    }
  }
  return LEAKS.filter((pattern) => pattern.test(rest)).map(String);
}
