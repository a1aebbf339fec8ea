import nock from 'nock';
import { afterEach, beforeAll, describe, it } from 'vitest';
import { callContext, refusedBeforeSending } from '../__fixtures__/harness.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('the page cursor', () => {
  it.each([
    '0',
    '-1',
    '1.5',
    'abc',
    '',
    ' 2',
    '02',
    '1e3',
    '99999999999999999999',
    '2:0',
    '2:51',
    '2:',
    ':2',
  ])('is refused before anything is sent when malformed: %j', async (cursor) => {
    await refusedBeforeSending(
      (provider) => provider.flows.doList({ pageSize: 10, cursor }, callContext()),
      'cursor',
    );
    await refusedBeforeSending(
      (provider) => provider.templates.doList({ pageSize: 10, cursor }, callContext()),
      'cursor',
    );
  });
});
