import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { ResponseFormatError } from '../../errors/error-classes.js';

/**
 * The default limit on a response body, in bytes (8 MiB), counted both as received and as
 * decoded. The vendors' largest answers (a page of templates with their components, a flow with
 * its details) are a few hundred kilobytes, so this leaves room to grow by an order of magnitude,
 * while whatever parses the body (JSON.parse builds several times the text's size in objects)
 * stays in the tens of megabytes. A download of a larger document, such as a Flow JSON asset
 * (Meta allows 10 MB), passes its own `maxResponseBytes`.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** What an error about a response names. */
export interface ResponseDescription {
  readonly host: string;
  readonly status: number;
  readonly provider: string;
}

/**
 * Reads a response body into one buffer, decoding `gzip`, `deflate` and `br` as it streams.
 * Both the bytes received and the bytes decoded are counted as they arrive, and `Content-Length`
 * is checked before reading: past `maxBytes` the response (and with it the socket) and the
 * decompressor are destroyed at once, so no answer, however large or however well compressed
 * (a few megabytes of gzip can inflate to gigabytes), can exhaust memory.
 *
 * @throws ResponseFormatError (not retryable, `outcome: 'unknown'`) for a body over the limit or
 *   one that does not decode; rejects with the stream's own error when the connection fails
 *   mid-body, for the caller to classify.
 */
export function readResponseBody(
  response: IncomingMessage,
  maxBytes: number,
  described: ResponseDescription,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
    const bad = (message: string, cause?: unknown) =>
      new ResponseFormatError(`${described.host} answered HTTP ${described.status} ${message}`, {
        provider: described.provider,
        httpStatusCode: described.status,
        outcome: 'unknown',
        ...(cause !== undefined && { cause }),
      });
    const tooLarge = () =>
      bad(
        `with a body over the limit of ${maxBytes} bytes (the maxResponseBytes option); it was not read further`,
      );

    let decoder: Transform | undefined;
    let settled = false;
    // Kept attached after settling: a late 'error' with no listener would crash the process.
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      response.destroy();
      decoder?.destroy();
      reject(error);
    };

    if (!DECODERS.has(encoding)) {
      response.on('error', () => {});
      fail(
        bad(`with a Content-Encoding this client does not decode (${JSON.stringify(encoding.slice(0, 40))})`),
      );
      return;
    }
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes) {
      response.on('error', () => {});
      fail(
        bad(
          `declaring a body of ${declared} bytes, over the limit of ${maxBytes} bytes (the maxResponseBytes option)`,
        ),
      );
      return;
    }

    const chunks: Buffer[] = [];
    let received = 0;
    let decoded = 0;
    const keep = (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      if (decoded > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, decoded));
    };

    response.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > maxBytes) {
        fail(tooLarge());
        return;
      }
      if (encoding === '' || encoding === 'identity') {
        keep(chunk);
        return;
      }
      if (decoder === undefined) {
        decoder = createDecoder(encoding, chunk[0] ?? 0);
        decoder.on('data', keep);
        decoder.on('end', finish);
        decoder.on('error', (error) => fail(bad(`with a ${encoding} body that does not decode`, error)));
      }
      // Waits for the decompressor, so compressed input cannot pile up in front of it.
      if (!decoder.write(chunk)) {
        response.pause();
        decoder.once('drain', () => response.resume());
      }
    });
    response.on('end', () => {
      if (decoder === undefined) finish();
      else decoder.end();
    });
    response.on('error', fail);
  });
}

const DECODERS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/**
 * The decompressor for a Content-Encoding. They flush leniently at the end, as browsers, got and
 * undici do, so a body whose compressed stream lacks its trailer still decodes; a body cut short
 * then fails where it is parsed.
 */
function createDecoder(encoding: string, firstByte: number): Transform {
  if (encoding === 'br') {
    return createBrotliDecompress({
      flush: constants.BROTLI_OPERATION_FLUSH,
      finishFlush: constants.BROTLI_OPERATION_FLUSH,
    });
  }
  const options = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
  if (encoding !== 'deflate') return createGunzip(options);
  // "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate; a zlib
  // header's first byte always has 8 (the deflate method) in its low four bits.
  return (firstByte & 0x0f) === 0x08 ? createInflate(options) : createInflateRaw(options);
}
