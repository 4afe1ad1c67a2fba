import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the app that the test can cut like a lost mobile signal: while cut, open connections are
 * reset and new ones refused at once — for the page, its fetches and its service worker alike (the browser's own
 * offline emulation does not reach every request a service worker makes). The port stays the same across cuts, so
 * the origin (and the browser profile's storage for it) does too.
 */
export async function cuttableProxy(target: string): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
