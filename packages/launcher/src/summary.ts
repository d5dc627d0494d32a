import type { DemoUser } from './demo-users.js';
import { bold } from './output.js';

// A query every front end makes (content, and readership for the newsroom); keep it in step with the schema.
const contentFields = 'title publishedAt section { name }';
const sampleQuery = (fields: string) =>
  `{ articles(first: 20, filter: { section: \\"world\\" }) { edges { node { ${fields} } } } }`;
const loginMutation = (user: DemoUser) =>
  `mutation { login(email: \\"${user.email}\\", password: \\"${user.password}\\") { token } }`;

export interface SummaryLine {
  label: string;
  value: string;
}

/** Loopback addresses read better, and work in a browser, as `localhost`. */
export function displayUrl(url: string): string {
  return url.replace(/^(https?:\/\/)(127\.0\.0\.1|0\.0\.0\.0)(?=[:/])/, '$1localhost');
}

/** The box printed once everything is up: where things are, who can sign in, and a query to paste. */
export function summary(lines: SummaryLine[], graphqlUrl: string | undefined, demoUsers: DemoUser[] = []): string {
  const width = Math.max(...lines.map((line) => line.label.length));
  const body = [bold('Byline is running'), '', ...lines.map((line) => `${line.label.padEnd(width)}  ${line.value}`)];
  if (demoUsers.length > 0) {
    const emailWidth = Math.max(...demoUsers.map((user) => user.email.length));
    body.push('', 'Demo users (one per role; passwords as created):');
    body.push(...demoUsers.map((user) => `  ${user.email.padEnd(emailWidth)}  ${user.password}`));
  }
  const analyst = demoUsers.find((user) => user.role === 'analyst');
  if (graphqlUrl && analyst) {
    // Readership fields need a role that may read them: sign in first, then send the session token.
    body.push(
      '',
      'The latest 20 World articles with their readership, as the demo analyst:',
      `TOKEN=$(curl -s ${graphqlUrl} -H 'content-type: application/json' \\`,
      `  -d '{"query":"${loginMutation(analyst)}"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')`,
      `curl -s ${graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `  -d '{"query":"${sampleQuery(`${contentFields} views shares { total }`)}"}'`,
    );
  } else if (graphqlUrl) {
    body.push(
      '',
      'The latest 20 World articles (public; readership fields need a sign-in):',
      `curl -s ${graphqlUrl} -H 'content-type: application/json' \\`,
      `  -d '{"query":"${sampleQuery(contentFields)}"}'`,
    );
  }
  body.push('', 'Ctrl-C stops everything.');
  // Rules above and below only: lines copied from the box paste as they are.
  const rule = '═'.repeat(Math.min(100, Math.max(...body.map((line) => line.length)) + 4));
  return ['', rule, ...body.map((line) => (line ? `  ${line}` : '')), rule, ''].join('\n');
}
