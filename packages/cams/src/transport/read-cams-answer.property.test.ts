import { BspError } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCamsAnswer } from './read-cams-answer.js';

/* Any response body gives a checked success or a BspError, never a TypeError. */

describe('arbitrary response bodies', () => {
  it('as a whole response body', () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ Code: value })),
    );
    fc.assert(
      fc.property(body, fc.constantFrom(200, 201, 204), (text, statusCode) => {
        try {
          const answer = readCamsAnswer('GetFlow', { body: text, statusCode, headers: {} }, () => []);
          expect(
            answer.body.Code === undefined || answer.body.Code === null || answer.body.Code === 'OK',
          ).toBe(true);
        } catch (error) {
          expect(BspError.isInstance(error), String(error)).toBe(true);
        }
      }),
    );
  });
});
