import { describe, expect, it } from 'vitest';
import { readCamsComponents } from '../cams/read-cams-template.js';
import { camsTemplateDetail } from '../cams/render-cams-template.js';
import { readNxcloudComponents } from '../nxcloud/read-nxcloud-template.js';
import { nxcloudTemplate } from '../nxcloud/render-nxcloud-template.js';
import { checkTemplateContent } from './check-template-content.js';
import { createStore } from './emulator-store.js';

// What a vendor's read shows, written back through the same vendor's create, is read as the same
// template: the write readers are the inverses of the read renderers, over every kind of
// component and button the generated data holds.
const templates = createStore({ seed: 7, data: { templates: 400 } }).templates.list();

describe('template wire readers', () => {
  it('the generated templates keep Meta’s content rules, so a vendor would take them back', () => {
    const broken = templates
      .map((template) => [template.name, checkTemplateContent(template.category, template.components)])
      .filter(([, violation]) => violation !== undefined);
    expect(broken).toEqual([]);
  });

  it('NXCloud: reading what getTemplate renders gives components that render the same', () => {
    for (const template of templates) {
      const wire = nxcloudTemplate(template).components;
      const read = readNxcloudComponents(wire);
      expect(nxcloudTemplate({ ...template, components: read }).components).toEqual(wire);
    }
  });

  it('CAMS: reading what GetChatappTemplateDetail renders gives components that render the same', () => {
    for (const template of templates) {
      const detail = camsTemplateDetail(template);
      const read = readCamsComponents(
        JSON.stringify(detail.Components),
        detail.Example === undefined ? undefined : JSON.stringify(detail.Example),
        template.category,
      );
      expect(camsTemplateDetail({ ...template, components: read })).toEqual(detail);
    }
  });
});
