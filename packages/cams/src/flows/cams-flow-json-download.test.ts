import type { ServerResponse } from 'node:http';
import { MAX_FLOW_JSON_BYTES, ResponseFormatError } from '@whatsapp-bsp/core';
import { testCallContext } from '@whatsapp-bsp/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFlowJsonBody } from '../__fixtures__/flow-writes.js';
import { flowsOf } from '../__fixtures__/flows-of.js';
import {
  answerJson,
  clearProxyEnvironment,
  type LocalServer,
  startServer,
} from '../__fixtures__/local-servers.js';
import { cams } from '../cams-provider.js';

/*
 * The Flow JSON download over real sockets, one server on 127.0.0.1 playing both CAMS (POST /)
 * and the file's host (GET /flow.json): what only a socket can show, that a cancelled or
 * oversized download closes its connection. The attempt's timeout reaches the adapter as an abort
 * of its call context, which is what these tests trigger. nock is not loaded.
 */

let server: LocalServer | undefined;

beforeEach(() => clearProxyEnvironment());

afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

/** A provider of a server that answers GetFlowJSONAssest with its own /flow.json, served by `serveFile`. */
async function providerServing(serveFile: (response: ServerResponse) => void) {
  server = await startServer((request, response) => {
    if (request.method === 'POST') {
      answerJson(response, getFlowJsonBody(`http://127.0.0.1:${server?.port}/flow.json`));
      return;
    }
    serveFile(response);
  });
  return cams({
    accessKeyId: 'LTAI5tDownloadTestKey1',
    accessKeySecret: 'DownloadTestSecret0123456789abcdef',
    custSpaceId: 'cams-space-0001',
    endpoint: `127.0.0.1:${server.port}`,
    protocol: 'http',
  });
}

describe('the Flow JSON download, cancelled with its attempt', () => {
  it('rejects with the abort’s reason and closes the connection when the file’s host never answers', async () => {
    const controller = new AbortController();
    const reason = new Error('the attempt timed out');
    const provider = await providerServing(() => controller.abort(reason));

    const error = await flowsOf(provider)
      .doGetJson({ id: '1' }, testCallContext({ signal: controller.signal }))
      .catch((thrown: unknown) => thrown);

    expect(error).toBe(reason);
    await server?.closed(1);
    expect(server?.requests()).toBe(2);
  });

  it('rejects and closes the connection when the file stalls halfway', async () => {
    const controller = new AbortController();
    const reason = new Error('the attempt timed out');
    const provider = await providerServing((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"version":"5.0","screens":[', () => controller.abort(reason));
    });

    const error = await flowsOf(provider)
      .doGetJson({ id: '1' }, testCallContext({ signal: controller.signal }))
      .catch((thrown: unknown) => thrown);

    expect(error).toBe(reason);
    await server?.closed(1);
  });
});

describe('the Flow JSON download, limited to 10 MiB', () => {
  it('cuts off a file streamed without a length past 10 MiB and closes the connection', async () => {
    let written = 0;
    const provider = await providerServing((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      // Writes until the client hangs up, well past the limit if it never did.
      const pump = () => {
        while (written <= 4 * MAX_FLOW_JSON_BYTES && !response.destroyed) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('error', () => {});
      pump();
    });

    const error = await flowsOf(provider)
      .doGetJson({ id: '1' }, testCallContext())
      .catch((thrown: unknown) => thrown);

    expect(ResponseFormatError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false, outcome: 'unknown' });
    await server?.closed(1);
    expect(written).toBeLessThan(4 * MAX_FLOW_JSON_BYTES);
  });
});
