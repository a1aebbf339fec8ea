// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flow JSON's own ${data.x} references, not template slips
// biome-ignore-all lint/suspicious/noThenProperty: the If component's 'then' branch, not a thenable
/*
 * Meta's own published example flows, written out here in the shape its documentation shows.
 * Long texts, option lists and repeated inputs or screens are shortened where they add nothing
 * to what is checked. Each must pass `validateFlowJson` with no error. The comment on each names
 * the example it is built from.
 */

const footerComplete = (label: string, payload: Record<string, unknown> = {}) => ({
  type: 'Footer',
  label,
  'on-click-action': { name: 'complete', payload },
});

const options = (...titles: string[]) => titles.map((title, index) => ({ id: String(index), title }));

export interface MetaExampleFlow {
  readonly name: string;
  readonly flow: Record<string, unknown>;
}

export const META_EXAMPLE_FLOWS: readonly MetaExampleFlow[] = [
  {
    // Meta's Flow examples, "Customer satisfaction survey" (Flow JSON 2.1): two screens, the
    // first passing its answers to the second through navigate's payload and screen data.
    name: 'customer satisfaction survey (2.1)',
    flow: {
      version: '2.1',
      screens: [
        {
          id: 'RECOMMEND',
          title: 'Feedback 1 of 2',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'form',
                children: [
                  { type: 'TextSubheading', text: 'Would you recommend us to a friend?' },
                  {
                    type: 'RadioButtonsGroup',
                    label: 'Choose one',
                    name: 'recommend_radio',
                    'data-source': options('Yes', 'No'),
                    required: true,
                  },
                  { type: 'TextSubheading', text: 'How could we do better?' },
                  { type: 'TextArea', label: 'Leave a comment', required: false, name: 'comment_text' },
                  {
                    type: 'Footer',
                    label: 'Continue',
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'RATE' },
                      payload: {
                        recommend_radio: '${form.recommend_radio}',
                        comment_text: '${form.comment_text}',
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'RATE',
          title: 'Feedback 2 of 2',
          data: {
            recommend_radio: { type: 'string', __example__: 'Example' },
            comment_text: { type: 'string', __example__: 'Example' },
          },
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'form',
                children: [
                  { type: 'TextSubheading', text: 'Rate the following: ' },
                  {
                    type: 'Dropdown',
                    label: 'Purchase experience',
                    required: true,
                    name: 'purchase_rating',
                    'data-source': options(
                      '★★★★★ • Excellent (5/5)',
                      '★★★★☆ • Good (4/5)',
                      '★☆☆☆☆ • Very Poor (1/5)',
                    ),
                  },
                  {
                    type: 'Dropdown',
                    label: 'Delivery and setup',
                    required: true,
                    name: 'delivery_rating',
                    'data-source': options(
                      '★★★★★ • Excellent (5/5)',
                      '★★★★☆ • Good (4/5)',
                      '★☆☆☆☆ • Very Poor (1/5)',
                    ),
                  },
                  footerComplete('Done', {
                    purchase_rating: '${form.purchase_rating}',
                    delivery_rating: '${form.delivery_rating}',
                    recommend_radio: '${data.recommend_radio}',
                    comment_text: '${data.comment_text}',
                  }),
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow examples, "Sign in" (Flow JSON 2.1 with an endpoint): a routing model,
    // data_channel_uri (allowed below 3.0), embedded links and an opt-in that navigate, and
    // data_exchange footers.
    name: 'sign in with an endpoint (2.1)',
    flow: {
      version: '2.1',
      data_api_version: '3.0',
      data_channel_uri: 'https://example.com',
      routing_model: {
        SIGN_IN: ['SIGN_UP', 'FORGOT_PASSWORD'],
        SIGN_UP: ['TERMS_AND_CONDITIONS'],
        FORGOT_PASSWORD: [],
        TERMS_AND_CONDITIONS: [],
      },
      screens: [
        {
          id: 'SIGN_IN',
          title: 'Sign in',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'sign_in_form',
                children: [
                  {
                    type: 'TextInput',
                    required: true,
                    label: 'Email address',
                    name: 'email',
                    'input-type': 'email',
                  },
                  {
                    type: 'TextInput',
                    required: true,
                    label: 'Password',
                    name: 'password',
                    'input-type': 'password',
                  },
                  {
                    type: 'EmbeddedLink',
                    text: "Don't have an account? Sign up",
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'SIGN_UP' },
                      payload: {},
                    },
                  },
                  {
                    type: 'EmbeddedLink',
                    text: 'Forgot password',
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'FORGOT_PASSWORD' },
                      payload: { body: 'Example' },
                    },
                  },
                  {
                    type: 'Footer',
                    label: 'Sign in',
                    'on-click-action': {
                      name: 'data_exchange',
                      payload: { email: '${form.email}', password: '${form.password}' },
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'SIGN_UP',
          title: 'Sign up',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'sign_up_form',
                children: [
                  {
                    type: 'TextInput',
                    required: true,
                    label: 'First Name',
                    name: 'first_name',
                    'input-type': 'text',
                  },
                  {
                    type: 'TextInput',
                    required: true,
                    label: 'Email address',
                    name: 'email',
                    'input-type': 'email',
                  },
                  {
                    type: 'OptIn',
                    name: 'terms_agreement',
                    label: 'I agree with the terms.',
                    required: true,
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'TERMS_AND_CONDITIONS' },
                      payload: {},
                    },
                  },
                  {
                    type: 'OptIn',
                    name: 'offers_acceptance',
                    label: 'I would like to receive news and offers.',
                  },
                  {
                    type: 'Footer',
                    label: 'Continue',
                    'on-click-action': {
                      name: 'data_exchange',
                      payload: {
                        first_name: '${form.first_name}',
                        email: '${form.email}',
                        terms_agreement: '${form.terms_agreement}',
                        offers_acceptance: '${form.offers_acceptance}',
                      },
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'FORGOT_PASSWORD',
          title: 'Forgot password',
          terminal: true,
          data: {
            body: { type: 'string', __example__: "Enter your email address and we'll send a reset link." },
          },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'forgot_password_form',
                children: [
                  { type: 'TextBody', text: '${data.body}' },
                  {
                    type: 'TextInput',
                    required: true,
                    label: 'Email address',
                    name: 'email',
                    'input-type': 'email',
                  },
                  {
                    type: 'Footer',
                    label: 'Sign in',
                    'on-click-action': { name: 'data_exchange', payload: { email: '${form.email}' } },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'TERMS_AND_CONDITIONS',
          title: 'Terms and conditions',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextHeading', text: 'Our Terms' },
              { type: 'TextSubheading', text: 'Data usage' },
              { type: 'TextBody', text: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow examples, "Book a table" (Flow JSON 2.1 with an endpoint): dropdowns and a date
    // picker fed from screen data, each selection sent to the endpoint with data_exchange.
    name: 'book a table (2.1)',
    flow: {
      version: '2.1',
      data_api_version: '3.0',
      data_channel_uri: 'https://example.com',
      routing_model: {
        BOOK_TABLE: ['BOOKING_CONFIRMATION'],
        BOOKING_CONFIRMATION: [],
      },
      screens: [
        {
          id: 'BOOK_TABLE',
          title: 'Book a table',
          data: {
            min_date: { type: 'string', __example__: '1696892400000' },
            max_date: { type: 'string', __example__: '1760050800000' },
            unavailable_dates: { type: 'array', items: { type: 'string' }, __example__: ['1760310000000'] },
            location: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
              __example__: [{ id: '1', title: 'Shorty Heights, Light City, 59923' }],
            },
          },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'book_table_form',
                children: [
                  {
                    type: 'Dropdown',
                    label: 'Location',
                    name: 'location',
                    'data-source': '${data.location}',
                    required: true,
                    'on-select-action': { name: 'data_exchange', payload: { location: '${form.location}' } },
                  },
                  {
                    type: 'DatePicker',
                    name: 'date',
                    label: 'Date',
                    'min-date': '${data.min_date}',
                    'max-date': '${data.max_date}',
                    'unavailable-dates': '${data.unavailable_dates}',
                    required: true,
                    'on-select-action': { name: 'data_exchange', payload: { date: '${form.date}' } },
                  },
                  {
                    type: 'Footer',
                    label: 'Continue',
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'BOOKING_CONFIRMATION' },
                      payload: {},
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'BOOKING_CONFIRMATION',
          title: 'Booking confirmation',
          terminal: true,
          data: {
            date: { type: 'string', __example__: 'Date: Saturday, June 7 2023' },
            location: { type: 'string', __example__: 'Location: Shorty Heights, Light City, 59923' },
          },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'confirmation_form',
                children: [
                  { type: 'TextBody', text: '${data.date}' },
                  { type: 'TextBody', text: '${data.location}' },
                  {
                    type: 'Footer',
                    label: 'Confirm booking',
                    'on-click-action': { name: 'data_exchange', payload: {} },
                  },
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's WhatsApp-Flows-Tools repository, articles/creating-surveys/survey.json (Flow JSON
    // 3.1): a one-screen survey whose radio groups have no label, which 3.1 allows.
    name: 'tour company survey (3.1)',
    flow: {
      version: '3.1',
      screens: [
        {
          id: 'SURVEY_SCREEN',
          title: 'Survey',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'form',
                children: [
                  { type: 'TextHeading', text: 'Tour Company Feedback Survey' },
                  {
                    type: 'TextCaption',
                    text: 'Enhancing Your Tour Experience. Your Valuable Feedback Matters.\n\n',
                  },
                  { type: 'TextSubheading', text: 'How did you hear about our tour company?' },
                  {
                    type: 'RadioButtonsGroup',
                    required: true,
                    name: 'source',
                    'data-source': options('Online search', 'Social media', 'Referral from a friend/family'),
                  },
                  {
                    type: 'TextSubheading',
                    text: 'Would you recommend our tour company to a friend or family member?',
                  },
                  {
                    type: 'RadioButtonsGroup',
                    required: true,
                    name: 'recommend',
                    'data-source': options(
                      'Yes, definitely',
                      'Yes, but with reservations',
                      'No, I would not',
                    ),
                  },
                  footerComplete('Submit', { source: '${form.source}', recommend: '${form.recommend}' }),
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's WhatsApp-Flows-Tools repository, articles/llama-chatbot-flows/agent-connect.json
    // (Flow JSON 3.1): text inputs, a checkbox group and a text area in one Form.
    name: 'talk to an agent (3.1)',
    flow: {
      version: '3.1',
      screens: [
        {
          id: 'TALK_TO_AN_AGENT',
          title: 'Talk to an Agent',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'form',
                children: [
                  { type: 'TextInput', required: true, label: 'First Name', name: 'first_name' },
                  { type: 'TextInput', required: true, label: 'Last Name/Surname', name: 'second_name' },
                  {
                    type: 'CheckboxGroup',
                    name: 'services_interested',
                    label: 'Service(s) interested in',
                    required: true,
                    'data-source': [
                      { id: 'accomodation_services', title: 'Accommodation Services' },
                      { id: 'spa_services', title: 'Spa Services' },
                      { id: 'any_other_services', title: 'Other Services' },
                    ],
                  },
                  { type: 'TextArea', required: false, label: 'More information', name: 'additional_info' },
                  {
                    type: 'TextBody',
                    text: 'We will try to reach out to you as soon as possible! Please allow 2 business days to receive a response.',
                  },
                  footerComplete('Submit', {
                    firstname: '${form.first_name}',
                    secondname: '${form.second_name}',
                    services_interested: '${form.services_interested}',
                    additional_info: '${form.additional_info}',
                    flow_key: 'agentconnect',
                  }),
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "If" (Flow JSON 4.0): a condition over screen data
    // and an input that sits outside any Form, which 4.0 allows.
    name: 'If component (4.0)',
    flow: {
      version: '4.0',
      screens: [
        {
          id: 'SCREEN',
          title: 'Welcome',
          terminal: true,
          success: true,
          data: { value: { type: 'boolean', __example__: true } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', label: 'Animal', name: 'animal', 'helper-text': 'Type: cat' },
              {
                type: 'If',
                condition: "(${data.value} && (${form.animal} == 'cat'))",
                then: [{ type: 'TextHeading', text: 'It is a cat' }],
                else: [{ type: 'TextHeading', text: 'It is not a cat' }],
              },
              footerComplete('Complete'),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "Switch" (Flow JSON 4.0): cases chosen by an input.
    name: 'Switch component (4.0)',
    flow: {
      version: '4.0',
      screens: [
        {
          id: 'SCREEN',
          title: 'Welcome',
          terminal: true,
          success: true,
          data: { value: { type: 'string', __example__: 'cat' } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'TextInput',
                label: 'Animal',
                name: 'animal',
                'helper-text': 'Type: cat, dog or anything else',
              },
              {
                type: 'Switch',
                value: '${form.animal}',
                cases: {
                  cat: [{ type: 'TextHeading', text: 'It is a cat' }],
                  dog: [{ type: 'TextHeading', text: 'It is a dog' }],
                  default: [{ type: 'TextHeading', text: 'It is neither a cat nor a dog' }],
                },
              },
              footerComplete('Complete'),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON reference, "Global dynamic referencing" (Flow JSON 4.0): the second
    // screen reads the first screen's input and data with ${screen.<id>.form|data.<name>}.
    name: 'global references (4.0)',
    flow: {
      version: '4.0',
      screens: [
        {
          id: 'SCREEN_ONE',
          title: 'Screen 1',
          data: { field2: { type: 'string', __example__: 'data' } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextInput', name: 'field1', label: 'Enter your name' },
              {
                type: 'Footer',
                label: 'CTA',
                'on-click-action': {
                  name: 'navigate',
                  next: { type: 'screen', name: 'SCREEN_TWO' },
                  payload: {},
                },
              },
            ],
          },
        },
        {
          id: 'SCREEN_TWO',
          title: 'Screen 2',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              footerComplete('Complete', {
                field1: '${screen.SCREEN_ONE.form.field1}',
                field2: '${screen.SCREEN_ONE.data.field2}',
              }),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON reference, "Forward references" (Flow JSON 4.0): the terminal screen
    // reads an input of a screen the user reaches from it, and the routing model says so.
    name: 'forward references (4.0)',
    flow: {
      version: '4.0',
      routing_model: { SELECT_SERVICES: ['SELECT_INSURANCE'] },
      screens: [
        {
          id: 'SELECT_INSURANCE',
          title: 'Select insurance',
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'RadioButtonsGroup',
                name: 'insurance',
                label: 'Please select your coverage',
                'data-source': [
                  { id: 'basic', title: 'Basic' },
                  { id: 'full', title: 'Premium' },
                ],
              },
            ],
          },
        },
        {
          id: 'SELECT_SERVICES',
          title: 'Select services',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextSubheading', text: 'Select insurance type' },
              {
                type: 'If',
                condition: "(${screen.SELECT_INSURANCE.form.insurance} != '')",
                then: [
                  {
                    type: 'Switch',
                    value: '${screen.SELECT_INSURANCE.form.insurance}',
                    cases: {
                      basic: [{ type: 'TextBody', text: "You've selected a basic insurance" }],
                      full: [{ type: 'TextBody', text: "You've selected a comprehensive insurance" }],
                    },
                  },
                ],
                else: [{ type: 'TextBody', text: "You haven't selected any insurance type" }],
              },
              {
                type: 'EmbeddedLink',
                text: 'Choose insurance type',
                'on-click-action': {
                  name: 'navigate',
                  next: { type: 'screen', name: 'SELECT_INSURANCE' },
                  payload: {},
                },
              },
              footerComplete('Complete', {
                selected_insurance_type: '${screen.SELECT_INSURANCE.form.insurance}',
              }),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's media upload reference, "PhotoPicker" example (Flow JSON 7.3 with an endpoint).
    name: 'photo picker (7.3)',
    flow: {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { FIRST: [] },
      screens: [
        {
          id: 'FIRST',
          title: 'Photo Picker Example',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'flow_path',
                children: [
                  {
                    type: 'PhotoPicker',
                    name: 'photo_picker',
                    label: 'Upload photos',
                    description: 'Please attach images about the received items',
                    'photo-source': 'camera_gallery',
                    'min-uploaded-photos': 1,
                    'max-uploaded-photos': 10,
                    'max-file-size-kb': 10240,
                  },
                  {
                    type: 'Footer',
                    label: 'Submit',
                    'on-click-action': { name: 'data_exchange', payload: { images: '${form.photo_picker}' } },
                  },
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's media upload reference, "DocumentPicker" example (Flow JSON 7.3).
    name: 'document picker (7.3)',
    flow: {
      version: '7.3',
      data_api_version: '3.0',
      routing_model: { SECOND: [] },
      screens: [
        {
          id: 'SECOND',
          title: 'Document Picker Example',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'flow_path',
                children: [
                  {
                    type: 'DocumentPicker',
                    name: 'document_picker',
                    label: 'Contract',
                    description: 'Attach the signed copy of the contract',
                    'min-uploaded-documents': 1,
                    'max-uploaded-documents': 1,
                    'max-file-size-kb': 1024,
                    'allowed-mime-types': ['image/jpeg', 'application/pdf'],
                  },
                  footerComplete('Submit', { documents: '${form.document_picker}' }),
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "RichText" (Flow JSON 5.1): markdown text
    // components, and an opt-in that opens a terms screen.
    name: 'rich text (5.1)',
    flow: {
      version: '5.1',
      screens: [
        {
          id: 'FIRST_SCREEN',
          title: 'Welcome',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'TextCaption',
                markdown: true,
                text: [
                  'This is a markdown example inside **TextCaption**.',
                  'You can also add [links](https://example.com).',
                ],
              },
              {
                type: 'OptIn',
                name: 'toc',
                required: true,
                label: 'RichText can be used to render large static or dynamic texts.',
                'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'TOC' }, payload: {} },
              },
              footerComplete('Proceed'),
            ],
          },
        },
        {
          id: 'TOC',
          title: 'Terms of Service',
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'RichText',
                text: [
                  '# Terms of Service',
                  '## 1. Acceptance of Terms',
                  'By using our services, you *agree* to these **Terms**.',
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON reference, "Update data action" (Flow JSON 6.0): radio groups whose
    // options and visibility change with update_data when the user selects a country.
    name: 'update_data action (6.0)',
    flow: {
      version: '6.0',
      screens: [
        {
          id: 'ADDRESS_SELECTION',
          title: 'Address selection',
          terminal: true,
          success: true,
          data: {
            countries: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
              __example__: [
                {
                  id: '1',
                  title: 'USA',
                  'on-select-action': {
                    name: 'update_data',
                    payload: { states: [{ id: 'new_york', title: 'New York' }], state_visibility: true },
                  },
                  'on-unselect-action': { name: 'update_data', payload: { state_visibility: false } },
                },
              ],
            },
            states: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } } },
              __example__: [{ id: '1', title: 'USA' }],
            },
            state_visibility: { type: 'boolean', __example__: false },
          },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'RadioButtonsGroup',
                name: 'select_country',
                label: 'Select country:',
                'data-source': '${data.countries}',
              },
              {
                type: 'RadioButtonsGroup',
                name: 'select_states',
                label: 'Select state:',
                visible: '${data.state_visibility}',
                'data-source': '${data.states}',
              },
              footerComplete('Complete'),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON reference, "Open URL action" (Flow JSON 6.0).
    name: 'open_url action (6.0)',
    flow: {
      version: '6.0',
      screens: [
        {
          id: 'DEMO_SCREEN',
          title: 'Demo screen',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'EmbeddedLink',
                text: 'This is an external link.',
                'on-click-action': { name: 'open_url', url: 'https://example.com/' },
              },
              {
                type: 'OptIn',
                label: 'I agree to the terms.',
                name: 'T&Cs',
                'on-click-action': { name: 'open_url', url: 'https://example.com/terms' },
              },
              footerComplete('Footer'),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "CalendarPicker" in range mode (Flow JSON 6.1),
    // whose label, helper text and required take one value per end of the range.
    name: 'calendar picker, range mode (6.1)',
    flow: {
      version: '6.1',
      data_api_version: '3.0',
      routing_model: {},
      screens: [
        {
          id: 'DEMO_SCREEN',
          title: 'Demo screen',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'CalendarPicker',
                name: 'calendar_range',
                title: 'Range calendar',
                description: 'Use this to select a date range',
                label: { 'start-date': 'Start date', 'end-date': 'End date' },
                'helper-text': { 'start-date': 'Select from date', 'end-date': 'Select to date' },
                required: { 'start-date': true, 'end-date': false },
                mode: 'range',
                'min-date': '2024-10-21',
                'max-date': '2025-12-12',
                'unavailable-dates': ['2024-11-28', '2024-11-01'],
                'include-days': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
                'min-days': 3,
                'max-days': 10,
                'on-select-action': {
                  name: 'data_exchange',
                  payload: { calendar_range: '${form.calendar_range}' },
                },
              },
              {
                type: 'Footer',
                label: 'Continue',
                'on-click-action': { name: 'data_exchange', payload: {} },
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "NavigationList" (Flow JSON 6.2): list items that
    // navigate, routed by the routing model. Meta's example also has an item leading to a
    // FOURTH_SCREEN that it never defines (NAVIGATE_TARGET_NOT_FOUND); that item is left out.
    name: 'navigation list (6.2)',
    flow: {
      version: '6.2',
      routing_model: {
        FIRST_SCREEN: ['SECOND_SCREEN', 'FIFTH_SCREEN'],
        SECOND_SCREEN: ['CONTACT'],
        FIFTH_SCREEN: ['CONTACT'],
        CONTACT: [],
      },
      screens: [
        {
          id: 'FIRST_SCREEN',
          title: 'Our offers',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'NavigationList',
                name: 'insurances',
                'list-items': [
                  {
                    id: 'home',
                    'main-content': {
                      title: 'Home Insurance',
                      metadata: 'Safeguard your home against natural disasters',
                    },
                    end: { title: '$100', description: '/ month' },
                    'on-click-action': {
                      name: 'navigate',
                      next: { name: 'SECOND_SCREEN', type: 'screen' },
                      payload: {},
                    },
                  },
                  {
                    id: 'timetravel',
                    'main-content': {
                      title: 'Time Travel Insurance',
                      metadata: 'Ready for paradox-related damages',
                    },
                    end: { title: '$980', description: '/ month' },
                    'on-click-action': {
                      name: 'navigate',
                      next: { name: 'FIFTH_SCREEN', type: 'screen' },
                      payload: { first_name: 'Bob' },
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'SECOND_SCREEN',
          title: 'Home Insurance',
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              { type: 'TextSubheading', text: 'Tell us about your property' },
              {
                type: 'Form',
                name: 'property_details_form',
                children: [
                  {
                    type: 'Dropdown',
                    name: 'property_type',
                    required: true,
                    label: 'Property Type',
                    'data-source': [
                      { id: 'House', title: 'House' },
                      { id: 'Apartment', title: 'Apartment' },
                    ],
                  },
                  {
                    type: 'TextInput',
                    name: 'surface',
                    label: 'Total surface (sqm)',
                    'input-type': 'number',
                    required: true,
                  },
                  {
                    type: 'Footer',
                    label: 'Continue',
                    'on-click-action': {
                      name: 'navigate',
                      next: { name: 'CONTACT', type: 'screen' },
                      payload: {},
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'FIFTH_SCREEN',
          title: 'Time Travel Insurance',
          data: { first_name: { type: 'string', __example__: 'Bob' } },
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'TextBody',
                text: "`${data.first_name} ', we are excited you are joining our community!'`",
              },
              {
                type: 'Form',
                name: 'time_travel_form',
                children: [
                  { type: 'TextInput', label: 'Count', required: true, name: 'number_of_people' },
                  {
                    type: 'Footer',
                    label: 'Next',
                    'on-click-action': {
                      name: 'navigate',
                      next: { type: 'screen', name: 'CONTACT' },
                      payload: {},
                    },
                  },
                ],
              },
            ],
          },
        },
        {
          id: 'CONTACT',
          title: 'Contact details',
          terminal: true,
          data: {},
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'Form',
                name: 'contact_form',
                children: [
                  { type: 'TextInput', name: 'name', label: 'Name', required: true },
                  { type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email', required: true },
                  footerComplete('Done', { name: '${form.name}', email: '${form.email}' }),
                ],
              },
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "ChipsSelector" (Flow JSON 6.3).
    name: 'chips selector (6.3)',
    flow: {
      version: '6.3',
      screens: [
        {
          id: 'DEMO_SCREEN',
          title: 'Demo screen',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'ChipsSelector',
                name: 'chips',
                label: 'Personalize your experience',
                description: 'Choose your interests to get personalized design ideas and solution',
                'max-selected-items': 2,
                'data-source': [
                  { id: 'room_layout', title: '🏡 Room layouts' },
                  { id: 'lighting', title: '💡 Lighting' },
                  { id: 'renovation', title: '🛠️ Renovation' },
                ],
              },
              footerComplete('Continue'),
            ],
          },
        },
      ],
    },
  },
  {
    // Meta's Flow JSON components reference, "ImageCarousel" (Flow JSON 7.1); the images are
    // tiny base64 placeholders.
    name: 'image carousel (7.1)',
    flow: {
      version: '7.1',
      screens: [
        {
          id: 'DEMO_SCREEN',
          title: 'Demo screen',
          terminal: true,
          layout: {
            type: 'SingleColumnLayout',
            children: [
              {
                type: 'ImageCarousel',
                'scale-type': 'cover',
                images: [
                  { 'alt-text': 'Landscape image', src: 'iVBORw0KGgoAAAANSUhEUgAAAB4AAAAKCAIAAAAsFXl4' },
                  { 'alt-text': 'Square image', src: 'iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjq' },
                ],
              },
              footerComplete('Continue'),
            ],
          },
        },
      ],
    },
  },
];
