import type { Server } from 'node:http';

/** Listens on a free loopback port; the server's `/graphql` URL. */
export function listen(server: Server): Promise<string> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`);
    });
  });
}
