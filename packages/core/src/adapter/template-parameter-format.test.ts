import { describe, expect, it } from 'vitest';
import type { TemplateComponent } from '../model/template-component.js';
import { otpButtonApps } from './otp-button-apps.js';
import { templateParameterFormat } from './template-parameter-format.js';

describe('templateParameterFormat', () => {
  const body = (text: string): TemplateComponent => ({ type: 'BODY', text });

  it("takes the vendor's value when there is one, any case, UNKNOWN for another word", () => {
    expect(templateParameterFormat('named', [])).toBe('NAMED');
    expect(templateParameterFormat('POSITIONAL', [body('Hi {{first_name}}')])).toBe('POSITIONAL');
    expect(templateParameterFormat('MIXED', [])).toBe('UNKNOWN');
  });

  it('reads NAMED from a named variable in a header, a body or a carousel card', () => {
    expect(templateParameterFormat(undefined, [body('Hi {{ first_name }}')])).toBe('NAMED');
    expect(templateParameterFormat(null, [{ type: 'HEADER', format: 'TEXT', text: 'For {{name}}' }])).toBe(
      'NAMED',
    );
    expect(
      templateParameterFormat(undefined, [
        { type: 'CAROUSEL', cards: [{ components: [body('Card {{sku}}')] }] },
      ]),
    ).toBe('NAMED');
  });

  it('reads NAMED from named samples without text', () => {
    expect(
      templateParameterFormat(undefined, [
        { type: 'BODY', example: { bodyTextNamedParams: [{ paramName: 'a', example: 'b' }] } },
      ]),
    ).toBe('NAMED');
  });

  it('leaves the format out for positional variables, no variables, or variables in a footer', () => {
    expect(templateParameterFormat(undefined, [body('Hi {{1}}, {{2}}')])).toBeUndefined();
    expect(templateParameterFormat(undefined, [body('Hi')])).toBeUndefined();
    expect(templateParameterFormat(undefined, [{ type: 'FOOTER', text: '{{name}}' }])).toBeUndefined();
  });
});

describe('otpButtonApps', () => {
  const apps = [
    { packageName: 'com.a', signatureHash: 'AAAAAAAAAAA' },
    { packageName: 'com.b', signatureHash: 'BBBBBBBBBBB' },
  ];

  it('keeps every listed app and shows the first in the single-app fields', () => {
    expect(otpButtonApps({}, apps)).toEqual({
      packageName: 'com.a',
      signatureHash: 'AAAAAAAAAAA',
      supportedApps: apps,
    });
  });

  it("keeps the vendor's own single-app fields over the list's first app", () => {
    expect(otpButtonApps({ packageName: 'com.old', signatureHash: 'OLDOLDOLDOL' }, apps)).toEqual({
      packageName: 'com.old',
      signatureHash: 'OLDOLDOLDOL',
      supportedApps: apps,
    });
  });

  it('leaves out entries that carry nothing, and the list when nothing is left', () => {
    expect(otpButtonApps({}, [{}, { packageName: 'com.a' }])).toEqual({
      packageName: 'com.a',
      supportedApps: [{ packageName: 'com.a' }],
    });
    expect(otpButtonApps({ packageName: 'com.a' }, [{}])).toEqual({ packageName: 'com.a' });
    expect(otpButtonApps({}, undefined)).toEqual({});
  });
});
