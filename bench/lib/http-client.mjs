// The simulated phones' HTTP client: node:http with keep-alive sockets. Not fetch(): on these two cores the load
// generator shares the CPU with the API and PostgreSQL, and fetch (undici's WHATWG streams) cost about twice the
// client CPU per request (bench/RESULTS.md, seventh session) — CPU the server under test then did not get.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * One request; resolves with { status, body } once the whole answer is in (`body`: parsed JSON when `json` and the
 * answer is JSON, else null — read and dropped). Rejects when no answer came: an Error named TimeoutError after
 * `timeoutMs`, or the socket's error (ECONNREFUSED, ECONNRESET…) as `cause`, like fetch.
 */
export function request(url, { method = 'GET', token, body, json = true, timeoutMs = 30_000 } = {}) {
  return new Promise((resolveAnswer, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    if (payload !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    const req = http.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      const keep = json && res.headers['content-type']?.includes('json');
      res.on('data', (chunk) => keep && chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        try {
          resolveAnswer({ status: res.statusCode, body: keep ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null });
        } catch (error) {
          reject(error);
        }
      });
      res.on('error', fail);
    });
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      req.destroy(error);
    }, timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      if (error.name === 'TimeoutError') return reject(error);
      reject(Object.assign(new Error(`request failed: ${error.message}`), { cause: error }));
    }
    req.on('error', fail);
    req.end(payload);
  });
}
