import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** The tracking snippet, served beside the collector so `data-endpoint` can be left out (src/ and dist/ alike). */
const SNIPPET = fileURLToPath(new URL('../../snippet/byline.min.js', import.meta.url));

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (`q=0` refuses one). */
function encodingFor(header: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    const q = params.find((param) => param.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  return accepted.has('gzip') ? 'gzip' : 'identity';
}

/**
 * `GET /byline.min.js`: compressed once at start (brotli and gzip), chosen by
 * Accept-Encoding; an ETag of its content and a day of caching (revalidated after),
 * and `Access-Control-Allow-Origin: *` so pages can load it with an integrity hash.
 */
export async function snippetRoute(app: FastifyInstance): Promise<void> {
  const file = await readFile(SNIPPET);
  const bodies: Record<Encoding, Buffer> = {
    br: brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    gzip: gzipSync(file, { level: 9 }),
    identity: file,
  };
  const etag = `"${createHash('sha384').update(file).digest('base64url').slice(0, 27)}"`;
  app.get('/byline.min.js', async (request, reply) => {
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400, stale-while-revalidate=604800')
      .header('etag', etag)
      .header('vary', 'accept-encoding')
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    const encoding = encodingFor(request.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(bodies[encoding]);
  });
}
