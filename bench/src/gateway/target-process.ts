/** One gateway in its own process (one worker): argv <byline|hive|apollo> <subgraph urls as JSON>. */
import { fileURLToPath } from 'node:url';
import { serveChild } from './child.js';
import { BENCH_SECRET } from './subgraphs.js';
import { apollo } from './targets/apollo.js';
import { byline } from './targets/byline.js';
import { hive } from './targets/hive.js';

const targets = { byline, hive, apollo };
const [kind, urls] = process.argv.slice(2);
const target = targets[kind as keyof typeof targets];
if (!target || !urls) throw new Error('usage: target-process <byline|hive|apollo> <urls JSON>');
// The committed supergraph, two folders above bench/dist/gateway/.
const supergraphPath = fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url));

await serveChild(async () => {
  const started = await target({ urls: JSON.parse(urls), secret: BENCH_SECRET, supergraphPath });
  return { message: { url: started.url }, close: started.close };
});
