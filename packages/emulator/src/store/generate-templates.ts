import type { EmulatorTemplate, TemplateComponent } from '../model.js';
import { numericIdFactory, Random } from './random.js';
import { NXCLOUD_EXAMPLE_FLOW } from './vendor-examples.js';

/*
 * Generated templates come in name groups: one name in one to three languages, as real accounts
 * have them. The group sizes repeat in a fixed pattern, so the group and language of any index
 * are found by arithmetic, without generating the templates before it.
 */
const GROUP_SIZES = [1, 2, 1, 3, 1, 2] as const;
const TEMPLATES_PER_CYCLE = GROUP_SIZES.reduce((sum, size) => sum + size, 0);

const LANGUAGES = [
  'en_US',
  'es',
  'pt_BR',
  'id',
  'en_GB',
  'zh_CN',
  'ar',
  'fr',
  'de',
  'hi',
  'ms',
  'it',
] as const;

/** APPROVED most often; every status appears within any run of seventeen templates. */
const STATUS_CYCLE = [
  'APPROVED',
  'APPROVED',
  'PENDING',
  'APPROVED',
  'REJECTED',
  'APPROVED',
  'PAUSED',
  'APPROVED',
  'DISABLED',
  'APPROVED',
  'IN_APPEAL',
  'APPROVED',
  'PENDING_DELETION',
  'APPROVED',
  'LIMIT_EXCEEDED',
  'APPROVED',
  'DELETED',
] as const;

const REJECTED_REASONS = [
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'INCORRECT_CATEGORY',
  'TAG_CONTENT_MISMATCH',
  'ABUSIVE_CONTENT',
  'SCAM',
] as const;
const APPROVED_QUALITY = ['GREEN', 'GREEN', 'GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

const BASE_TIME_MS = Date.UTC(2024, 0, 1);
const MEDIA_BASE = 'https://scontent.whatsapp.net/v/t61.29466-34';

interface Recipe {
  names: readonly string[];
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  components(random: Random): TemplateComponent[];
}

/** One recipe per template shape; together they cover every header format and button kind. */
const RECIPES: readonly Recipe[] = [
  {
    names: ['weekend_promo', 'new_arrivals', 'loyalty_reward'],
    category: 'MARKETING',
    components: (random) => [
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Hello {{1}}!',
        example: random.pick(['Maria', 'Ahmed', 'Wei']),
      },
      {
        type: 'BODY',
        text: 'Enjoy {{1}} off everything in store until {{2}}. Show this message at checkout.',
        example: [random.pick(['15%', '20%', '30%']), random.pick(['Sunday', '31 May', 'midnight'])],
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Shop now' },
          { type: 'QUICK_REPLY', text: 'Not interested' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
  },
  {
    names: ['store_opening', 'seasonal_catalog', 'vip_invitation'],
    category: 'MARKETING',
    components: (random) => [
      { type: 'HEADER', format: 'IMAGE', mediaUrl: `${MEDIA_BASE}/banner_${random.hex(12)}.jpg` },
      {
        type: 'BODY',
        text: 'Hi {{1}}, our new collection is here. Visit us or call our team to book a private session.',
        example: [random.pick(['Lucas', 'Siti', 'Priya'])],
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'View collection', url: 'https://shop.example.com/collection' },
          { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: `+1555${random.int(1000000, 9999999)}` },
        ],
      },
    ],
  },
  {
    names: ['order_shipped', 'delivery_update', 'parcel_tracking'],
    category: 'UTILITY',
    components: (random) => {
      const order = `${random.int(100000, 999999)}`;
      return [
        { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: order },
        {
          type: 'BODY',
          text: 'Good news {{1}}! Your order {{2}} has shipped and should arrive on {{3}}.',
          example: [random.pick(['Ana', 'John', 'Mei']), order, random.pick(['June 3', 'Friday', '12/07'])],
        },
        { type: 'FOOTER', text: 'Thank you for shopping with us' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'URL', text: 'Track order', url: 'https://shop.example.com/track/{{1}}', example: order },
          ],
        },
      ];
    },
  },
  {
    names: ['login_code', 'verification_code', 'otp_signin'],
    category: 'AUTHENTICATION',
    components: (random) => {
      const minutes = random.pick([5, 10, 15]);
      return [
        {
          type: 'BODY',
          text: '*{{1}}* is your verification code. For your security, do not share this code.',
          example: [`${random.int(100000, 999999)}`],
          addSecurityRecommendation: true,
        },
        { type: 'FOOTER', text: `This code expires in ${minutes} minutes.`, codeExpirationMinutes: minutes },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }] },
      ];
    },
  },
  {
    names: ['coupon_drop', 'flash_sale', 'birthday_offer'],
    category: 'MARKETING',
    components: (random) => {
      const coupon = `${random.pick(['SAVE', 'GIFT', 'VIP'])}${random.int(10, 99)}`;
      return [
        { type: 'HEADER', format: 'VIDEO', mediaUrl: `${MEDIA_BASE}/promo_${random.hex(12)}.mp4` },
        {
          type: 'BODY',
          text: 'Use code {{1}} for an extra discount on your next order.',
          example: [coupon],
        },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'COPY_CODE', text: 'Copy offer code', example: coupon },
            { type: 'URL', text: 'Shop the sale', url: 'https://shop.example.com/sale' },
          ],
        },
      ];
    },
  },
  {
    names: ['invoice_ready', 'payment_receipt', 'statement_available'],
    category: 'UTILITY',
    components: (random) => [
      { type: 'HEADER', format: 'DOCUMENT', mediaUrl: `${MEDIA_BASE}/invoice_${random.hex(12)}.pdf` },
      {
        type: 'BODY',
        text: 'Dear {{1}}, your invoice for {{2}} is attached. The amount due is {{3}}.',
        example: [
          random.pick(['Mr Tan', 'Ms Silva', 'Dr Roy']),
          'May 2024',
          random.pick(['$120.00', '€89.50']),
        ],
      },
      { type: 'FOOTER', text: 'Questions? Call our billing team.' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'PHONE_NUMBER',
            text: 'Call billing',
            phoneNumber: `+4420${random.int(10000000, 99999999)}`,
          },
        ],
      },
    ],
  },
  {
    names: ['book_appointment', 'reschedule_visit', 'feedback_request'],
    category: 'UTILITY',
    components: (random) => [
      {
        type: 'BODY',
        text: 'Hi {{1}}, tap below to choose a time for your next visit.',
        example: [random.pick(['Sam', 'Aisha', 'Kenji'])],
      },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'FLOW',
            text: 'Choose a time',
            flowId: NXCLOUD_EXAMPLE_FLOW.id,
            flowAction: 'navigate',
            navigateScreen: 'BOOKING',
          },
        ],
      },
    ],
  },
  {
    names: ['app_login', 'device_confirmation', 'quick_verify'],
    category: 'AUTHENTICATION',
    components: (random) => [
      {
        type: 'BODY',
        text: '*{{1}}* is your verification code.',
        example: [`${random.int(100000, 999999)}`],
        addSecurityRecommendation: false,
      },
      { type: 'FOOTER', text: 'This code expires in 10 minutes.', codeExpirationMinutes: 10 },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'OTP',
            otpType: 'ONE_TAP',
            text: 'Copy code',
            autofillText: 'Autofill',
            packageName: 'com.example.shop',
            signatureHash: random.pick(['K8a/AINcGX7', 'x7Hq2mPbR1d', 'Zp4T9wLk0Qe']),
          },
        ],
      },
    ],
  },
  {
    names: ['limited_offer', 'last_chance_deal', 'early_access'],
    category: 'MARKETING',
    components: (random) => {
      const coupon = `LTO${random.int(100, 999)}`;
      return [
        { type: 'HEADER', format: 'IMAGE', mediaUrl: `${MEDIA_BASE}/offer_${random.hex(12)}.png` },
        { type: 'LIMITED_TIME_OFFER', text: 'Expiring offer!', hasExpiration: true },
        {
          type: 'BODY',
          text: 'Good news, {{1}}! Use code {{2}} to get 25% off all items.',
          example: ['Pablo', coupon],
        },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'COPY_CODE', text: 'Copy offer code', example: coupon },
            {
              type: 'URL',
              text: 'Book now!',
              url: 'https://shop.example.com/offer?code={{1}}',
              example: coupon,
            },
          ],
        },
      ];
    },
  },
  {
    names: ['service_notice', 'maintenance_window', 'policy_update'],
    category: 'UTILITY',
    components: () => [
      { type: 'BODY', text: 'Our service will be briefly unavailable tonight for scheduled maintenance.' },
      { type: 'FOOTER', text: 'We apologise for any inconvenience' },
    ],
  },
];

/** Returns the deterministic generator of the `index`-th generated template for `seed`. */
export function createTemplateGenerator(seed: number): (index: number) => EmulatorTemplate {
  const templateId = numericIdFactory(seed, 4);
  const setup = new Random(seed, 5);
  const recipeOffset = setup.int(0, RECIPES.length - 1);
  const statusOffset = setup.int(0, STATUS_CYCLE.length - 1);

  return (index) => {
    const { group, languageIndex } = locate(index);
    const groupRandom = new Random(seed, 20, group);
    const recipe = RECIPES[(group + recipeOffset) % RECIPES.length] as Recipe;
    const name = `${groupRandom.pick(recipe.names)}_${group + 1}`;
    const languages = groupRandom.sample(LANGUAGES, GROUP_SIZES[group % GROUP_SIZES.length] as number);
    const code = groupRandom.hex(32);
    // Same content in every language of a name: draw components from the group's generator.
    const components = recipe.components(new Random(seed, 21, group));

    const random = new Random(seed, 22, index);
    const status = STATUS_CYCLE[(index + statusOffset) % STATUS_CYCLE.length] as string;
    const template: EmulatorTemplate = {
      id: templateId(index),
      code,
      name,
      language: languages[languageIndex] as string,
      category: recipe.category,
      status,
      rejectedReason: status === 'REJECTED' ? random.pick(REJECTED_REASONS) : 'NONE',
      qualityScore: status === 'APPROVED' ? random.pick(APPROVED_QUALITY) : 'UNKNOWN',
      updatedAt: BASE_TIME_MS + random.int(0, 300 * 24 * 3600) * 1000,
      components,
    };
    if (recipe.category === 'AUTHENTICATION' && random.chance(0.5)) template.messageSendTtlSeconds = 600;
    return template;
  };
}

/** Which name group, and which language within it, the `index`-th generated template is. */
function locate(index: number): { group: number; languageIndex: number } {
  const cycle = Math.floor(index / TEMPLATES_PER_CYCLE);
  let offset = index % TEMPLATES_PER_CYCLE;
  let group = cycle * GROUP_SIZES.length;
  for (const size of GROUP_SIZES) {
    if (offset < size) return { group, languageIndex: offset };
    offset -= size;
    group++;
  }
  throw new Error('unreachable: offset is below the cycle length');
}
