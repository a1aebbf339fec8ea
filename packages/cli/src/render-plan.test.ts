import type { Plan } from '@whatsapp-bsp/core';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';
import { renderPlan } from './render-plan.js';
import { styleFor } from './style.js';

const plan: Plan = {
  provider: 'cams',
  create: [
    {
      kind: 'template',
      name: 'order_update',
      language: 'pt_BR',
      draft: { name: 'order_update', language: 'pt_BR', category: 'UTILITY', components: [] },
      warnings: [],
    },
  ],
  update: [
    {
      kind: 'flow',
      name: 'signup',
      draft: { name: 'signup', categories: ['SIGN_UP'] },
      current: { name: 'signup', categories: ['OTHER'] },
      changes: [{ path: 'categories', desired: ['SIGN_UP'], current: ['OTHER'] }],
      steps: ['metadata'],
    },
  ],
  delete: [{ kind: 'template', name: 'old', language: 'en', scope: 'language' }],
  unchanged: [{ kind: 'template', name: 'welcome', language: 'en' }],
  unsupported: [
    {
      kind: 'template',
      name: 'gif_offer',
      language: 'en',
      action: 'create',
      reasons: [
        {
          path: 'components[0].format',
          code: 'VENDOR_HEADER_FORMAT_UNSUPPORTED',
          message: 'CAMS cannot carry a GIF header.',
        },
      ],
    },
  ],
};

describe('renderPlan', () => {
  it('reads as a diff: + create, ~ update with each field, - delete, ! unsupported with why, then the counts', () => {
    expect(renderPlan(plan, styleFor({ isTTY: false }, {}))).toBe(
      [
        '+ template order_update (pt_BR)',
        '~ flow signup: metadata',
        '    categories: ["OTHER"] → ["SIGN_UP"]',
        '- template old (en)',
        '! template gif_offer (en) cannot be created here',
        '    VENDOR_HEADER_FORMAT_UNSUPPORTED at components[0].format: CAMS cannot carry a GIF header.',
        '',
        'Plan on cams: 1 to create, 1 to update, 1 to delete, 1 unsupported, 1 unchanged.',
      ].join('\n'),
    );
  });

  it('is coloured on a terminal, and not with NO_COLOR', () => {
    const coloured = renderPlan(plan, styleFor({ isTTY: true }, {}));
    expect(coloured).toContain('\u001b[36m+ template order_update (pt_BR)\u001b[39m');
    expect(coloured).toContain('\u001b[33m~ flow signup: metadata\u001b[39m');
    expect(coloured).toContain('\u001b[31m- template old (en)\u001b[39m');
    expect(renderPlan(plan, styleFor({ isTTY: true }, { NO_COLOR: '1' }))).not.toContain('\u001b[');
  });
});

describe('ProgressBar', () => {
  it('draws on a terminal only, and clears its line when done', () => {
    const written: string[] = [];
    const terminal = new ProgressBar({ isTTY: true, write: (text: string) => written.push(text) });
    terminal.update(3, 12, 'created template order_update (pt_BR)');
    terminal.done();
    expect(written).toEqual([
      '\r\u001b[2K[######..................] 3/12 created template order_update (pt_BR)',
      '\r\u001b[2K',
    ]);
    const pipe: string[] = [];
    const piped = new ProgressBar({ isTTY: false, write: (text: string) => pipe.push(text) });
    piped.update(3, 12, 'x');
    piped.done();
    expect(pipe).toEqual([]);
  });
});
