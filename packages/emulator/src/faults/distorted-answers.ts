import { type ServerResponse, STATUS_CODES } from 'node:http';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';
import type { VendorRequest, VendorResponse } from '../server/vendor-protocol.js';
import type { BodyEncoding, FaultKind } from './faults.js';

/*
 * The faults that distort the real answer instead of replacing it: a client that mishandles them
 * would read the vendor's own data, so a test can tell a refusal from a lucky parse.
 */

/**
 * How much an endless body makes before the emulator drops the connection: far past any sensible
 * client limit (8 MiB is usual), yet only seconds of work on loopback.
 */
export const DEFAULT_ENDLESS_CAP_BYTES = 1024 * 1024 * 1024;

/** JSON whitespace: the padded answer still parses as the real one. */
const PADDING = Buffer.alloc(64 * 1024, ' ');

/** The faults whose answer is written as a stream rather than as one buffer. */
export type StreamedFault = Extract<
  FaultKind,
  { kind: 'oversized' | 'compression-bomb' | 'endless' | 'lying-length' }
>;

const STREAMED = new Set<string>(['oversized', 'compression-bomb', 'endless', 'lying-length']);

export function isStreamedFault(fault: FaultKind): fault is StreamedFault {
  return STREAMED.has(fault.kind);
}

/** The real answer as a redirect: its JSON body kept, so a client that reads it as data succeeds. */
export function redirectAnswer(
  real: VendorResponse,
  request: VendorRequest,
  fault: Extract<FaultKind, { kind: 'redirect' }>,
): VendorResponse {
  return {
    ...real,
    status: fault.status ?? 302,
    headers: { ...real.headers, location: fault.location ?? `/moved${request.url.pathname}` },
  };
}

/**
 * Sends the real answer as the fault distorts it, a block at a time as the client reads it, so no
 * body is ever held whole. Resolves once it is sent, or once the client or the emulator closed the
 * connection (the usual end of these answers); never rejects.
 */
export async function sendStreamed(
  outgoing: ServerResponse,
  real: VendorResponse,
  fault: StreamedFault,
): Promise<void> {
  const body = Buffer.from(real.body);
  const headers: Record<string, string> = { ...real.headers };
  switch (fault.kind) {
    case 'lying-length':
      sendLyingLength(outgoing, real.status, headers, body, fault.declares);
      return;
    case 'oversized': {
      const size = Math.max(body.length, fault.bytes);
      if (fault.chunked !== true) headers['content-length'] = String(size);
      return stream(outgoing, real.status, headers, padded(body, size));
    }
    case 'compression-bomb':
      return stream(
        outgoing,
        real.status,
        headers,
        padded(body, Math.max(body.length, fault.bytes)),
        fault.encoding ?? 'gzip',
      );
    case 'endless':
      return stream(
        outgoing,
        real.status,
        headers,
        endless(body, fault.capBytes ?? DEFAULT_ENDLESS_CAP_BYTES),
        fault.encoding,
      );
  }
}

async function stream(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  source: Readable,
  encoding?: BodyEncoding,
): Promise<void> {
  if (encoding !== undefined) headers['content-encoding'] = encoding;
  outgoing.writeHead(status, headers);
  try {
    if (encoding === undefined) await pipeline(source, outgoing);
    else await pipeline(source, compressor(encoding), outgoing);
  } catch {
    // The client closed the connection (as one with a size limit does), the emulator is closing,
    // or an endless body reached its cap. pipeline has destroyed every stream, the response and
    // with it the connection included: a body cut short must not look like one that ended.
  }
}

/** `body` followed by whitespace, `size` bytes in all, made as it is read. */
function padded(body: Buffer, size: number): Readable {
  let left = size - body.length;
  let bodySent = false;
  return new Readable({
    read() {
      if (!bodySent) {
        bodySent = true;
        this.push(body);
      } else if (left > 0) {
        const block = Math.min(left, PADDING.length);
        left -= block;
        this.push(PADDING.subarray(0, block));
      } else {
        this.push(null);
      }
    },
  });
}

/** `body` followed by whitespace for ever, until `capBytes` are made: then an error, never an end. */
function endless(body: Buffer, capBytes: number): Readable {
  let made = 0;
  return new Readable({
    read() {
      if (made >= capBytes) {
        this.destroy(new Error(`the endless body reached its cap of ${capBytes} bytes`));
        return;
      }
      const block = made === 0 ? body : PADDING;
      made += block.length;
      this.push(block);
    },
  });
}

/**
 * A compressor that flushes every block written to it, as a server streaming an answer would: the
 * client gets compressed bytes from the start, not once the compressor's buffers fill (gzip's
 * hold the output of some 16 MiB of spaces), which could be after an endless body's cap. The cost
 * is a few bytes per 64 KiB block: gzip and deflate make about 1 byte of 800, br 1 of 5,000.
 */
function compressor(encoding: BodyEncoding): Transform {
  switch (encoding) {
    case 'gzip':
      return createGzip({ level: 9, flush: constants.Z_SYNC_FLUSH });
    case 'deflate':
      return createDeflate({ level: 9, flush: constants.Z_SYNC_FLUSH });
    case 'br':
      // Quality 4 shrinks runs of one byte to almost nothing, several times faster than 11.
      return createBrotliCompress({
        flush: constants.BROTLI_OPERATION_FLUSH,
        params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
      });
  }
}

/**
 * Writes the answer on the socket itself, as Node's response object would not send a length that
 * lies, then closes the connection: the client must not take what follows for its next answer.
 */
function sendLyingLength(
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  declares: 'more' | 'fewer',
): void {
  const declared = declares === 'more' ? body.length * 2 : Math.floor(body.length / 2);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${declared}`,
    'connection: close',
    '',
    '',
  ].join('\r\n');
  outgoing.socket?.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}
