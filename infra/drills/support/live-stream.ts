import http from 'node:http';

/**
 * A live stream held like a browser's EventSource: message ids in arrival order, and a reconnect
 * with Last-Event-ID whenever the connection drops.
 */
export type HeldStream = { ids: number[]; reconnects: number; close: () => void };

export function holdStream(url: string): HeldStream {
  const held: HeldStream = { ids: [], reconnects: 0, close: () => undefined };
  let closed = false;
  let current: http.ClientRequest | undefined;
  const connect = () => {
    if (closed) return;
    const last = held.ids.at(-1);
    current = http.get(url, { headers: last === undefined ? {} : { 'Last-Event-ID': String(last) } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
          if (id) held.ids.push(Number(id));
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('end', again);
    });
    current.on('error', again);
  };
  const again = () => {
    if (closed) return;
    held.reconnects += 1;
    setTimeout(connect, 1000);
  };
  held.close = () => {
    closed = true;
    current?.destroy();
  };
  connect();
  return held;
}
