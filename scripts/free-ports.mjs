// Ports for the test harnesses' throwaway servers (the platform, the cluster, embedded PostgreSQL).
// They are taken below the system's range for outgoing connections, so that no client socket can
// take one between the check here and the server's own bind (seen in CI with random high ports).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 10_000;

/** The first port the system hands to outgoing connections (Linux; 32768 elsewhere). */
function ephemeralStart() {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > LOWEST + 1000 ? first : 32_768;
  } catch {
    return 32_768;
  }
}

const canListen = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** The first of `count` consecutive ports that nothing listens on, at a random place (runs in parallel rarely meet). */
export async function freePortBlock(count) {
  const highest = ephemeralStart() - count;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (highest - LOWEST));
    let free = true;
    for (let port = base; free && port < base + count; port++) free = await canListen(port);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports between ${LOWEST} and ${highest + count}`);
}
