import { stripVTControlCharacters } from 'node:util';
import type { Template, TemplateButton, TemplateComponent } from '@whatsapp-bsp/core';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BUBBLE_TEXT_WIDTH, renderTemplateBubble } from './render-template.js';
import type { Style } from './style.js';
import { terminalSafe } from './terminal-text.js';

const OUTER_WIDTH = BUBBLE_TEXT_WIDTH + 4;
const plain: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, cyan: (t) => t };
const sgr = (open: number) => (t: string) => `\u001b[${open}m${t}\u001b[0m`;
const colored: Style = { bold: sgr(1), dim: sgr(2), red: sgr(31), yellow: sgr(33), cyan: sgr(36) };

function template(components: TemplateComponent[], name = 'summer_sale'): Template {
  return {
    provider: 'test',
    raw: {},
    id: '1',
    name,
    language: 'en_US',
    category: 'MARKETING',
    status: 'APPROVED',
    components,
  };
}

const LONG_TEXTS = [
  '夏季大促销！所有商品八折，限时三天，先到先得。欢迎光临我们的门店和网店，查看更多新品。',
  'Family pack 👨‍👩‍👧‍👦 with 👍🏽 and 🇯🇵 flags, ｆｕｌｌｗｉｄｔｈ letters and 한국어 텍스트 mixed in.',
  `A word longer than any line: ${'supercalifragilistic'.repeat(4)} and then more.`,
  'Line one\n\nLine three, after an empty one, with café and naïve accents (e\u0301).',
];

function card(index: number): { components: TemplateComponent[] } {
  const buttons: TemplateButton[] = [
    { type: 'QUICK_REPLY', text: `Tell me more about number ${index} 🛍️` },
    {
      type: 'URL',
      text: '查看详情',
      url: 'https://shop.example.com/item/{{1}}',
      example: [`SKU-${index}-長い`],
    },
  ];
  return {
    components: [
      { type: 'HEADER', format: index % 2 ? 'IMAGE' : 'VIDEO' },
      { type: 'BODY', text: LONG_TEXTS[index % LONG_TEXTS.length]!.repeat(1 + (index % 3)) },
      { type: 'BUTTONS', buttons },
    ],
  };
}

function carousel(cards: number, name?: string): Template {
  return template(
    [
      { type: 'BODY', text: 'Hi {{1}}, 这是我们的精选 👇', example: { bodyText: [['Ana 🌸']] } },
      { type: 'CAROUSEL', cards: Array.from({ length: cards }, (_, index) => card(index + 1)) },
    ],
    name,
  );
}

/** Splits a rendering into its title lines and its bubble, and checks the bubble's frame. */
function checkBubble(rendered: string): { title: string[]; bubble: string[] } {
  const lines = rendered.split('\n');
  const top = lines.findIndex((line) => line.startsWith('╭'));
  const title = lines.slice(0, top);
  const bubble = lines.slice(top);
  const wrong = [
    ...title.filter((line) => stringWidth(line) > OUTER_WIDTH),
    ...bubble.filter(
      (line) =>
        stringWidth(line) !== OUTER_WIDTH || !'╭│├╰'.includes(line[0]!) || !'╮│┤╯'.includes(line.at(-1)!),
    ),
  ];
  expect(wrong).toEqual([]);
  expect(bubble[0]).toMatch(/^╭─+╮$/);
  expect(bubble.at(-1)).toMatch(/^╰─+╯$/);
  return { title, bubble };
}

/** The cards drawn inside the bubble: their labels, each checked for an intact frame. */
function cardsIn(bubble: readonly string[]): string[] {
  const labels: string[] = [];
  const wrong: string[] = [];
  let inside = false;
  for (const line of bubble.map((raw) => stripVTControlCharacters(raw))) {
    const top = /^│ ╭─ (card \d+ of \d+) ─+╮ │$/.exec(line);
    if (top) {
      if (inside) wrong.push(line);
      labels.push(top[1]!);
      inside = true;
    } else if (/^│ ╰─+╯ │$/.test(line)) {
      if (!inside) wrong.push(line);
      inside = false;
    } else if (inside && !/^│ (│ .* │|├─+┤) │$/s.test(line)) {
      wrong.push(line);
    }
  }
  expect(wrong).toEqual([]);
  expect(inside).toBe(false);
  return labels;
}

describe('the template bubble', () => {
  it('draws carousels of 2 to 10 cards inside the bubble, every line as wide as the bubble', () => {
    let lines = 0;
    for (let cards = 2; cards <= 10; cards++) {
      for (const style of [plain, colored]) {
        const { bubble } = checkBubble(renderTemplateBubble(carousel(cards), style));
        expect(cardsIn(bubble)).toEqual(
          Array.from({ length: cards }, (_, index) => `card ${index + 1} of ${cards}`),
        );
        lines += bubble.length;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('wraps a long title to the width of the bubble and fills the examples in', () => {
    const name = `very_long_template_name_${'長'.repeat(30)}_${'x'.repeat(40)}`;
    const rendered = renderTemplateBubble(carousel(3, name), plain);
    const { title } = checkBubble(rendered);
    expect(title.length).toBeGreaterThan(1);
    expect(title.join('')).toContain(name);
    expect(rendered).toContain('Hi Ana 🌸, 这是我们的精选 👇');
    expect(rendered).toContain('https://shop.example.com/item/SKU-1-長い');
    expect(rendered).not.toContain('{{1}}');
  });

  it("fills a NAMED template's variables from its named samples, header and body", () => {
    const rendered = renderTemplateBubble(
      template([
        {
          type: 'HEADER',
          format: 'TEXT',
          text: 'Order for {{first_name}} {{unsampled}}',
          example: { headerTextNamedParams: [{ paramName: 'first_name', example: 'Maria' }] },
        },
        {
          type: 'BODY',
          text: 'Hi {{first_name}}, {{order_id}} is {{ status }}.',
          example: {
            bodyTextNamedParams: [
              { paramName: 'first_name', example: 'Maria' },
              { paramName: 'order_id', example: '#1042' },
              { paramName: 'status', example: 'shipped' },
            ],
          },
        },
      ]),
      plain,
    );
    checkBubble(rendered);
    // A variable without a sample stays as written.
    expect(rendered).toContain('Order for Maria {{unsampled}}');
    expect(rendered).toContain('Hi Maria, #1042 is shipped.');
    expect(rendered).not.toContain('{{first_name}}');
  });

  it("fills a dynamic URL from the button's example: its value, or Meta's whole example URL", () => {
    const urls = (buttons: TemplateButton[]) =>
      renderTemplateBubble(template([{ type: 'BUTTONS', buttons }]), plain);
    const rendered = urls([
      { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}', example: ['123456'] },
      {
        type: 'URL',
        text: 'Shop',
        url: 'https://www.luckyshrub.com/shop?promo={{1}}',
        example: ['https://www.luckyshrub.com/shop?promo=summer2023'],
      },
      { type: 'URL', text: 'Static', url: 'https://shop.example.com/collection' },
      { type: 'URL', text: 'No example', url: 'https://shop.example.com/p/{{1}}' },
    ]);
    // A URL longer than the bubble is wrapped over lines: read the bubble's text line by line.
    const text = checkBubble(rendered)
      .bubble.map((line) => line.slice(2, -2).trim())
      .join('');
    expect(text).toContain('https://shop.example.com/track/123456');
    expect(text).toContain('https://www.luckyshrub.com/shop?promo=summer2023');
    expect(text).not.toContain('promo=https');
    expect(text).toContain('https://shop.example.com/collection');
    expect(text).toContain('https://shop.example.com/p/{{1}}');
  });

  it('keeps every line as wide as the bubble for any text (100 random carousels)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 120 }).map(terminalSafe);
    const button = fc.oneof(
      fc.record({ type: fc.constant('QUICK_REPLY' as const), text }),
      fc.record({
        type: fc.constant('URL' as const),
        text,
        url: text,
        example: fc.array(text, { maxLength: 1 }),
      }),
    );
    const cardArbitrary = fc.record({
      components: fc.tuple(text, fc.array(button, { maxLength: 3 })).map(([body, buttons]) => [
        { type: 'BODY' as const, text: body },
        { type: 'BUTTONS' as const, buttons },
      ]),
    });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(cardArbitrary, { minLength: 2, maxLength: 10 }),
        (name, body, cards) => {
          const rendered = renderTemplateBubble(
            template(
              [
                { type: 'BODY', text: body },
                { type: 'CAROUSEL', cards },
              ],
              name,
            ),
            plain,
          );
          const { bubble } = checkBubble(rendered);
          expect(cardsIn(bubble)).toHaveLength(cards.length);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
