import { readFileSync } from 'node:fs';
import { cams } from '@whatsapp-bsp/cams';
import { nxcloud } from '@whatsapp-bsp/nxcloud';
import { describe, expect, it } from 'vitest';
import { renderFeatureMatrix } from './feature-matrix.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README feature matrix', () => {
  it('is exactly what the adapters and their capabilities say, operation by operation', () => {
    // Providers only: building one sends nothing.
    const expected = renderFeatureMatrix([
      {
        title: 'NXCloud',
        provider: nxcloud({
          accessKey: 'ak',
          accessSecret: 'secret',
          appKey: 'app',
          businessPhone: '8613800000000',
        }),
      },
      {
        title: 'Alibaba Cloud CAMS',
        provider: cams({ accessKeyId: 'ak', accessKeySecret: 'secret', custSpaceId: 'cams-space' }),
      },
    ]);
    const block = /<!-- feature-matrix:start -->\n([\s\S]*?)\n<!-- feature-matrix:end -->/.exec(readme)?.[1];
    // On a mismatch, paste the expected table between the markers in README.md.
    expect(block).toBe(expected);
  });
});
