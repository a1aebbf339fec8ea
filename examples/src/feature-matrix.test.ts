import { readFileSync } from 'node:fs';
import { camsCapabilities } from '@whatsapp-bsp/cams';
import { nxcloudCapabilities } from '@whatsapp-bsp/nxcloud';
import { describe, expect, it } from 'vitest';
import { renderFeatureMatrix } from './feature-matrix.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README feature matrix', () => {
  it('is exactly what the adapters’ capabilities say', () => {
    const expected = renderFeatureMatrix([
      { title: 'NXCloud', capabilities: nxcloudCapabilities },
      { title: 'Alibaba Cloud CAMS', capabilities: camsCapabilities },
    ]);
    const block = /<!-- feature-matrix:start -->\n([\s\S]*?)\n<!-- feature-matrix:end -->/.exec(readme)?.[1];
    // On a mismatch, paste the expected table between the markers in README.md.
    expect(block).toBe(expected);
  });
});
