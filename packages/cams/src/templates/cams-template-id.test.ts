import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callContext, refusedBeforeSending } from '../__fixtures__/harness.js';
import { camsTemplateId, parseCamsTemplateId } from './cams-template-id.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('template ids', () => {
  it('round-trip the TemplateCode and the language', () => {
    const id = camsTemplateId('744c4b5c79c9432497a075bdfca30001', 'zh_CN');

    expect(id).toBe('744c4b5c79c9432497a075bdfca30001:zh_CN');
    expect(parseCamsTemplateId(id)).toEqual({
      templateCode: '744c4b5c79c9432497a075bdfca30001',
      language: 'zh_CN',
    });
  });

  it.each([
    '744c4b5c79c9432497a075bdfca30001',
    '744c4b5c79c9432497a075bdfca30001:',
    ':en_US',
    '744c4b5c79c9432497a075bdfca30001 :en_US',
    '744c4b5c79c9432497a075bdfca30001: en_US',
  ])(
    'are refused before anything is sent without both a TemplateCode and a language, each without surrounding white space: %j',
    async (id) => {
      const error = await refusedBeforeSending(
        (provider) => provider.templates.doGet({ id }, callContext()),
        'id',
      );
      expect(error.message).toContain('<TemplateCode>:<Language>');
    },
  );
});
