// autocannon in a process of its own at a lower CPU priority (nice 10): on two shared cores the figures then describe
// the servers rather than the load generator (a stand-in for a client on another machine), while the bench itself
// keeps the normal priority for the servers it starts. Argument: JSON { url, connections, duration, headers };
// prints the result's requests, latency, errors and non2xx as JSON.
import { setPriority } from 'node:os';
import autocannon from 'autocannon';

setPriority(process.pid, 10);
const options = JSON.parse(process.argv[2]);
autocannon(options, (err, r) => {
  if (err) throw err;
  process.stdout.write(JSON.stringify({ requests: r.requests, latency: r.latency, errors: r.errors, non2xx: r.non2xx }));
});
