import type { EmulatorFlow, FlowValidationError } from '../model.js';
import { numericIdFactory, Random, uuidFromHex } from './random.js';

const FLOW_TOPICS: ReadonlyArray<{ base: string; categories: readonly string[]; screen: string }> = [
  { base: 'appointment_booking', categories: ['APPOINTMENT_BOOKING'], screen: 'BOOKING' },
  { base: 'lead_capture', categories: ['LEAD_GENERATION'], screen: 'DETAILS' },
  { base: 'customer_signup', categories: ['SIGN_UP'], screen: 'SIGN_UP' },
  { base: 'account_login', categories: ['SIGN_IN'], screen: 'LOGIN' },
  { base: 'contact_form', categories: ['CONTACT_US'], screen: 'CONTACT' },
  { base: 'support_ticket', categories: ['CUSTOMER_SUPPORT', 'CONTACT_US'], screen: 'TICKET' },
  { base: 'satisfaction_survey', categories: ['SURVEY'], screen: 'QUESTION_ONE' },
  { base: 'delivery_preferences', categories: ['OTHER'], screen: 'PREFERENCES' },
  { base: 'event_registration', categories: ['SIGN_UP', 'APPOINTMENT_BOOKING'], screen: 'REGISTER' },
  { base: 'product_feedback', categories: ['SURVEY', 'CUSTOMER_SUPPORT'], screen: 'FEEDBACK' },
];

/** PUBLISHED most often; every status appears within any run of ten flows. */
const STATUS_CYCLE = [
  'PUBLISHED',
  'DRAFT',
  'PUBLISHED',
  'DEPRECATED',
  'PUBLISHED',
  'BLOCKED',
  'DRAFT',
  'PUBLISHED',
  'THROTTLED',
  'PUBLISHED',
] as const;

const JSON_VERSIONS = ['3.0', '3.1', '4.0', '5.0', '5.1', '6.0', '6.3', '7.0', '7.1'] as const;

/** Where generated timestamps start: 2024-06-01T00:00:00Z. */
const BASE_TIME_MS = Date.UTC(2024, 5, 1);

/** Returns the deterministic generator of the `index`-th generated flow for `seed`. */
export function createFlowGenerator(seed: number): (index: number) => EmulatorFlow {
  const flowId = numericIdFactory(seed, 1);
  const statusOffset = new Random(seed, 2).int(0, STATUS_CYCLE.length - 1);
  const wabaId = numericIdFactory(seed, 3)(0);

  return (index) => {
    const random = new Random(seed, 10, index);
    const topic = random.pick(FLOW_TOPICS);
    const id = flowId(index);
    const status = STATUS_CYCLE[(index + statusOffset) % STATUS_CYCLE.length] as string;
    const withEndpoint = random.chance(0.5);
    const flow: EmulatorFlow = {
      id,
      name: `${topic.base}_${index + 1}`,
      status,
      categories: [...topic.categories],
      validationErrors:
        status === 'DRAFT' && random.chance(0.5) ? [validationError(random, topic.screen)] : [],
      jsonVersion: random.pick(JSON_VERSIONS),
      preview: {
        url: `https://business.facebook.com/wa/manage/flows/${id}/preview/?token=${uuidLike(random)}`,
        expiresAt: BASE_TIME_MS + random.int(0, 365 * 24 * 3600) * 1000,
      },
      whatsappBusinessAccountId: wabaId,
      application: {
        id: '1407008009801816',
        name: 'NXLink',
        link: 'https://testnxlink.nxcloud.com/admin/#/login',
      },
    };
    if (withEndpoint) {
      flow.dataApiVersion = '3.0';
      flow.endpointUri = `https://flows.example.com/${topic.base.replaceAll('_', '-')}/endpoint`;
    }
    return flow;
  };
}

function validationError(random: Random, screen: string): FlowValidationError {
  const line = random.int(3, 120);
  return {
    error: 'INVALID_PROPERTY_VALUE',
    errorType: 'FLOW_JSON_ERROR',
    message: `Invalid value found for property 'type' on screen '${screen}'.`,
    lineStart: line,
    lineEnd: line,
    columnStart: 21,
    columnEnd: 34,
    pointers: [
      {
        path: 'screens[0].layout.children[0].type',
        lineStart: line,
        lineEnd: line,
        columnStart: 21,
        columnEnd: 34,
      },
    ],
  };
}

/** A random UUID-shaped string (8-4-4-4-12 hex). */
export function uuidLike(random: Random): string {
  return uuidFromHex(random.hex(32));
}
