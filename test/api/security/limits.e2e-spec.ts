import { connect } from 'node:net';
import { spawnApp, type SpawnedApp } from '../../support/spawn-app';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

jest.setTimeout(90_000);

/** Size and time limits on the real server process: oversized bodies are refused, stalled clients cut off (slowloris). */
describe('security: request size and time limits', () => {
  let db: TestDatabase;
  let app: SpawnedApp;
  let port: number;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await spawnApp({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(db.poolSize), DATABASE_MODE: db.mode, REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000', BODY_LIMIT: '50kb', SEED_DEMO: 'false' });
    port = Number(new URL(app.url).port);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const stall = (payload: string) =>
    new Promise<{ ms: number; answer: string }>((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1', () => socket.write(payload));
      let answer = '';
      socket.on('data', (c) => (answer += c));
      socket.on('close', () => resolve({ ms: Date.now() - started, answer }));
      setTimeout(() => socket.destroy(), 10_000);
    });

  it('refuses a body over the limit with 413 and a code', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.pe', password: 'x'.repeat(60_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('closes a connection whose body never finishes arriving', async () => {
    const { ms, answer } = await stall('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":');
    expect(ms).toBeLessThan(6000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers never finish', async () => {
    const { ms, answer } = await stall('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(ms).toBeLessThan(6000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  // A phone thinks between two answers (and a load balancer pools its connections): an idle socket is kept longer
  // than Node's default 5 s, so the next answer needs no new TCP handshake.
  it('keeps an idle keep-alive connection open between requests', async () => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (c) => (received += c));
    socket.on('close', () => (closed = true));
    const health = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n';
    const answers = () => received.match(/HTTP\/1\.1 200/g)?.length ?? 0;
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    socket.write(health);
    await until(() => answers() === 1);
    await new Promise((r) => setTimeout(r, 6500));
    expect(closed).toBe(false);
    socket.write(health);
    await until(() => answers() === 2);
    expect(answers()).toBe(2);
    socket.destroy();
  });
});
