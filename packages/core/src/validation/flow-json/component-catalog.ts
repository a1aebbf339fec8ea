/*
 * Meta's Flow JSON components, one row each: the version that introduced it, the properties it
 * cannot do without, and the documented limits. The rules in components.ts read this table, so a
 * component Meta adds is one row here.
 */

/** A required property, from `since` on when it became required later than the component came. */
export type RequiredProperty = string | { readonly name: string; readonly since: string };

export interface ComponentSpec {
  /** The first Flow JSON version with this component. */
  readonly since: string;
  readonly required: readonly RequiredProperty[];
  /** Collects a value from the user; below Flow JSON 4.0 such a component must sit inside a Form. */
  readonly input?: true;
  /** Meta's documented maximum of this component on one screen. */
  readonly perScreen?: number;
}

export const COMPONENT_CATALOG: Readonly<Record<string, ComponentSpec>> = {
  Form: { since: '2.1', required: ['name', 'children'] },
  TextHeading: { since: '2.1', required: ['text'] },
  TextSubheading: { since: '2.1', required: ['text'] },
  TextBody: { since: '2.1', required: ['text'] },
  TextCaption: { since: '2.1', required: ['text'] },
  RichText: { since: '5.1', required: ['text'] },
  TextInput: { since: '2.1', required: ['name', 'label'], input: true },
  TextArea: { since: '2.1', required: ['name', 'label'], input: true },
  // Meta's own 3.1 survey has radio groups without a label; the label is required from 4.0 on.
  CheckboxGroup: {
    since: '2.1',
    required: ['name', 'data-source', { name: 'label', since: '4.0' }],
    input: true,
  },
  RadioButtonsGroup: {
    since: '2.1',
    required: ['name', 'data-source', { name: 'label', since: '4.0' }],
    input: true,
  },
  Dropdown: { since: '2.1', required: ['name', 'label', 'data-source'], input: true },
  DatePicker: { since: '2.1', required: ['name', 'label'], input: true },
  OptIn: { since: '2.1', required: ['name', 'label'], input: true, perScreen: 5 },
  Footer: { since: '2.1', required: ['label', 'on-click-action'], perScreen: 1 },
  EmbeddedLink: { since: '2.1', required: ['text', 'on-click-action'], perScreen: 2 },
  Image: { since: '2.1', required: ['src'], perScreen: 3 },
  PhotoPicker: { since: '4.0', required: ['name', 'label'], input: true, perScreen: 1 },
  DocumentPicker: { since: '4.0', required: ['name', 'label'], input: true, perScreen: 1 },
  If: { since: '4.0', required: ['condition', 'then'] },
  Switch: { since: '4.0', required: ['value', 'cases'] },
  CalendarPicker: { since: '6.1', required: ['name', 'label'], input: true },
  NavigationList: { since: '6.2', required: ['name', 'list-items'], perScreen: 2 },
  ChipsSelector: { since: '6.3', required: ['name', 'label', 'data-source'], input: true },
  ImageCarousel: { since: '7.1', required: ['images'], perScreen: 2 },
};

/** Meta's limit on components per screen. */
export const MAX_COMPONENTS_PER_SCREEN = 50;

/** The properties that hold child components rather than data, by component type. */
export const CHILD_LISTS: Readonly<Record<string, readonly string[]>> = {
  Form: ['children'],
  If: ['then', 'else'],
};

/** Switch holds its children in `cases`, an object whose every value is a list of components. */
export const SWITCH_CASES = 'cases';
