import { definedOnly } from '../../adapter/defined-only.js';
import type { Template, TemplateCategory } from '../template.js';
import type { TemplateButton } from '../template-button.js';
import type { HeaderComponent, TemplateComponent } from '../template-component.js';
import type {
  TemplateDraft,
  TemplateDraftButton,
  TemplateDraftComponent,
  TemplateDraftHeader,
} from './template-draft.js';

/**
 * The draft of a template read from any vendor, ready to be created again, on that vendor or on
 * another: `templates.get` on NXCloud, then `toTemplateDraft`, then create on CAMS.
 *
 * Dropped: what the vendor assigned (`id`, `status`, `rejectedReason`, `qualityScore`,
 * `qualityScoreDate`, `updatedAt`, `previousCategory`, `correctCategory`, `provider`, `raw`,
 * `$metadata`); the body and footer texts of an AUTHENTICATION template, which WhatsApp
 * generates (a create sends only `addSecurityRecommendation` and `codeExpirationMinutes`); upload
 * handles, which only the vendor that issued them accepts. A media header's link (`mediaUrl`, or
 * a handle that is a link, as Meta reports one) becomes its `example.headerUrl`. An OTP button's
 * single-app fields are left out when they only repeat the first of its `supportedApps`.
 *
 * Never throws; a draft of a template the model only partly understands (`UNKNOWN` values) is
 * returned as it is, for `validateTemplateDraft` to report.
 *
 * @returns A new object; the template is not modified.
 */
export function toTemplateDraft(template: Template): TemplateDraft {
  return definedOnly({
    name: template.name,
    language: template.language,
    category: template.category,
    components: template.components.map((component) => draftComponent(component, template.category)),
    parameterFormat: template.parameterFormat,
    messageSendTtlSeconds: template.messageSendTtlSeconds,
    subCategory: template.subCategory,
    libraryTemplateName: template.libraryTemplateName,
    ctaUrlLinkTrackingOptedOut: template.ctaUrlLinkTrackingOptedOut,
  });
}

function draftComponent(component: TemplateComponent, category: TemplateCategory): TemplateDraftComponent {
  const generated = category === 'AUTHENTICATION';
  switch (component.type) {
    case 'HEADER':
      return draftHeader(component);
    case 'BODY':
      return generated
        ? definedOnly({ type: 'BODY', addSecurityRecommendation: component.addSecurityRecommendation })
        : structuredClone(component);
    case 'FOOTER':
      return generated
        ? definedOnly({ type: 'FOOTER', codeExpirationMinutes: component.codeExpirationMinutes })
        : structuredClone(component);
    case 'BUTTONS':
      return { type: 'BUTTONS', buttons: component.buttons.map(draftButton) };
    case 'CAROUSEL':
      return {
        type: 'CAROUSEL',
        cards: component.cards.map((card) => ({
          components: card.components.map((part) => draftComponent(part, category)),
        })),
      };
    default:
      return structuredClone(component);
  }
}

function draftHeader({ mediaUrl, example, ...header }: HeaderComponent): TemplateDraftHeader {
  const handleLink = example?.headerHandle?.find((handle) => /^https?:\/\//i.test(handle));
  const draftExample = definedOnly({
    headerText: example?.headerText && [...example.headerText],
    headerTextNamedParams: example?.headerTextNamedParams && structuredClone(example.headerTextNamedParams),
    headerUrl: mediaUrl ?? handleLink,
  });
  return definedOnly({
    ...header,
    example: Object.keys(draftExample).length > 0 ? draftExample : undefined,
  });
}

function draftButton(button: TemplateButton): TemplateDraftButton {
  if (button.type !== 'OTP' || button.supportedApps === undefined) return structuredClone(button);
  const { packageName, signatureHash, ...rest } = structuredClone(button);
  const first = button.supportedApps[0];
  const echoesFirstApp = packageName === first?.packageName && signatureHash === first?.signatureHash;
  return echoesFirstApp ? rest : { ...rest, ...definedOnly({ packageName, signatureHash }) };
}
