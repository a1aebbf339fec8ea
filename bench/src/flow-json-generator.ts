/*
 * A large, valid Flow JSON for the validateFlowJson benchmark: a chain of screens, each a Form
 * with a heading, a long body text, text inputs, a dropdown and a radio group, passing its answers
 * to the next screen through navigate's payload and screen data. The last screen is terminal.
 * Deterministic, so the timing and the memory process measure the same text.
 */

const INPUTS_PER_SCREEN = 6;
const OPTIONS_PER_LIST = 55;
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';

function screenId(index: number): string {
  // Screen ids are letters and underscores only.
  let id = '';
  for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
    id = String.fromCharCode(65 + (rest % 26)) + id;
    if (rest < 26) break;
  }
  return `SCREEN_${id}`;
}

function options(prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}_${index}`,
    title: `${prefix} option ${index}`,
  }));
}

function screen(index: number, count: number, bodyLength: number): Record<string, unknown> {
  const id = screenId(index);
  const last = index === count - 1;
  const inputs = Array.from({ length: INPUTS_PER_SCREEN }, (_, input) => ({
    type: 'TextInput',
    name: `answer_${input}`,
    label: `Question ${input + 1}`,
    required: input % 2 === 0,
    'helper-text': 'Tell us in a few words',
  }));
  const payload: Record<string, string> = {};
  for (let input = 0; input < INPUTS_PER_SCREEN; input++)
    payload[`previous_${input}`] = `\${form.answer_${input}}`;
  const data: Record<string, unknown> = {};
  if (index > 0) {
    for (let input = 0; input < INPUTS_PER_SCREEN; input++) {
      data[`previous_${input}`] = { type: 'string', __example__: 'An earlier answer' };
    }
  }
  return {
    id,
    title: `Step ${index + 1} of ${count}`,
    ...(last ? { terminal: true } : {}),
    data,
    layout: {
      type: 'SingleColumnLayout',
      children: [
        {
          type: 'Form',
          name: 'form',
          children: [
            { type: 'TextHeading', text: `Step ${index + 1}` },
            {
              type: 'TextBody',
              text: LOREM.repeat(Math.ceil(bodyLength / LOREM.length)).slice(0, bodyLength),
            },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a Flow JSON reference, not a template
            ...(index > 0 ? [{ type: 'TextCaption', text: 'You said: ${data.previous_0}' }] : []),
            ...inputs,
            {
              type: 'Dropdown',
              name: 'choice',
              label: 'Choose one',
              'data-source': options('choice', OPTIONS_PER_LIST),
            },
            {
              type: 'RadioButtonsGroup',
              name: 'rating',
              label: 'Rate this step',
              'data-source': options('rating', OPTIONS_PER_LIST),
            },
            {
              type: 'Footer',
              label: last ? 'Done' : 'Continue',
              'on-click-action': last
                ? { name: 'complete', payload }
                : { name: 'navigate', next: { type: 'screen', name: screenId(index + 1) }, payload },
            },
          ],
        },
      ],
    },
  };
}

/**
 * A valid Flow JSON of `screens` screens whose text (as `JSON.stringify` writes it, indented by
 * two spaces) is within a few hundred bytes of `bytes`.
 */
export function generateFlowJson(options: { screens: number; bytes: number }): string {
  const build = (bodyLength: number) =>
    JSON.stringify(
      {
        version: '7.3',
        screens: Array.from({ length: options.screens }, (_, index) =>
          screen(index, options.screens, bodyLength),
        ),
      },
      null,
      2,
    );
  const withoutBody = build(0).length;
  const bodyLength = Math.max(0, Math.floor((options.bytes - withoutBody) / options.screens));
  return build(bodyLength);
}
