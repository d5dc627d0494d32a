import { bold } from './output.js';

// A query every front end makes (content and readership in one); keep it in step with the schema.
const sampleQuery =
  '{ articles(first: 20, filter: { section: \\"world\\" }) { edges { node { title publishedAt views shares { total } } } } }';

export interface SummaryLine {
  label: string;
  value: string;
}

/** Loopback addresses read better, and work in a browser, as `localhost`. */
export function displayUrl(url: string): string {
  return url.replace(/^(https?:\/\/)(127\.0\.0\.1|0\.0\.0\.0)(?=[:/])/, '$1localhost');
}

/** The box printed once everything is up: where things are, and a query to paste. */
export function summary(lines: SummaryLine[], graphqlUrl: string | undefined): string {
  const width = Math.max(...lines.map((line) => line.label.length));
  const body = [bold('Byline is running'), '', ...lines.map((line) => `${line.label.padEnd(width)}  ${line.value}`)];
  if (graphqlUrl) {
    body.push(
      '',
      'The latest 20 World articles:',
      `curl -s ${graphqlUrl} -H 'content-type: application/json' \\`,
      `  -d '{"query":"${sampleQuery}"}'`,
    );
  }
  body.push('', 'Ctrl-C stops everything.');
  // Rules above and below only: lines copied from the box paste as they are.
  const rule = '═'.repeat(Math.min(100, Math.max(...body.map((line) => line.length)) + 4));
  return ['', rule, ...body.map((line) => (line ? `  ${line}` : '')), rule, ''].join('\n');
}
