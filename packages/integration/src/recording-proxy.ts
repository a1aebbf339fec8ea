import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A vendor answer that replaces the upstream's, built from what the client sent. */
export type ProxyAnswer = (sent: { headers: IncomingHttpHeaders; signature: string | undefined }) => {
  status: number;
  body: string;
  contentType?: string;
};

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>`, as the CAMS adapter takes its endpoint. */
  readonly host: string;
  /** Every request signature that went through, in order. */
  readonly signatures: string[];
  /** When set, requests are answered with this instead of being forwarded. */
  answer: ProxyAnswer | undefined;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of one emulator server that notes the signature of every request
 * passing through (NXCloud's `sign` header, the `Signature=` of CAMS's `Authorization`), so a
 * test can search everything observable for them, even for requests a child process sent.
 * Requests are forwarded byte for byte with their headers, `host` included, so signatures that
 * cover the host still verify.
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const signatures: string[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const signature = signatureOf(incoming.headers);
      if (signature !== undefined) signatures.push(signature);
      if (proxy.answer) {
        const { status, body, contentType } = proxy.answer({ headers: incoming.headers, signature });
        outgoing.writeHead(status, { 'content-type': contentType ?? 'application/json' });
        outgoing.end(body);
        return;
      }
      const forwarded = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
          agent: false,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      // The upstream reset or went away: pass that on as it is, a dropped connection.
      forwarded.on('error', () => incoming.socket.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: RecordingProxy = {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    signatures,
    answer: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return proxy;
}

function signatureOf(headers: IncomingHttpHeaders): string | undefined {
  if (typeof headers.sign === 'string') return headers.sign;
  return /Signature=([0-9a-f]+)/.exec(headers.authorization ?? '')?.[1];
}
