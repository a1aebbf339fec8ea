import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TEST_OPTIONS } from './__fixtures__/nxcloud-test-support.js';
import { nxcloudCapabilities } from './nxcloud-capabilities.js';
import { nxcloud } from './nxcloud-provider.js';

describe('nxcloud provider', () => {
  it('is a v1 provider with the NXCloud capabilities, and shows no secret when inspected', () => {
    const provider = nxcloud(TEST_OPTIONS);
    expect(provider.specificationVersion).toBe('v1');
    expect(provider.id).toBe('nxcloud');
    expect(provider.capabilities).toBe(nxcloudCapabilities);
    expect(inspect(provider, { depth: 10 })).not.toContain(TEST_OPTIONS.accessSecret);
  });

  it('shows no proxy password when inspected', () => {
    const provider = nxcloud({ ...TEST_OPTIONS, proxy: 'http://proxy-user:pr0xy-pa55@proxy.internal:3128' });
    expect(inspect(provider, { depth: 10 })).not.toContain('pr0xy-pa55');
  });
});
