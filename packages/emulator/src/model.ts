/**
 * The emulator's own vendor-neutral record of flows and templates. Both vendor servers render
 * these records in their own wire format. Enum-like fields are plain strings so that a test can
 * store a value a vendor might send but the documentation does not list (it is passed through
 * unchanged).
 */

export type Vendor = 'nxcloud' | 'cams';
export const VENDORS: readonly Vendor[] = ['nxcloud', 'cams'];

/** `DRAFT`, `PUBLISHED`, `DEPRECATED`, `BLOCKED` or `THROTTLED`. */
export type FlowStatus = string;

export interface FlowValidationError {
  message: string;
  error?: string;
  errorType?: string;
  lineStart?: number;
  lineEnd?: number;
  columnStart?: number;
  columnEnd?: number;
  pointers?: Array<{
    path?: string;
    lineStart?: number;
    lineEnd?: number;
    columnStart?: number;
    columnEnd?: number;
  }>;
}

export interface EmulatorFlow {
  /** One id on both vendors: NXCloud passes Meta's flow id through, CAMS calls it `FlowId`. */
  id: string;
  name: string;
  status: FlowStatus;
  /** `SIGN_UP`, `SIGN_IN`, `APPOINTMENT_BOOKING`, `LEAD_GENERATION`, `CONTACT_US`, `CUSTOMER_SUPPORT`, `SURVEY`, `OTHER`. */
  categories: string[];
  /** Rendered by NXCloud only; CAMS surfaces no validation errors. */
  validationErrors: FlowValidationError[];
  jsonVersion?: string;
  dataApiVersion?: string;
  endpointUri?: string;
  /** `expiresAt` in epoch milliseconds. */
  preview?: { url: string; expiresAt: number };
  whatsappBusinessAccountId?: string;
  application?: { id: string; name?: string; link?: string; category?: string };
}

/** What `store.flows.add` accepts: the id and validation errors may be left out. */
export type FlowInput = Omit<EmulatorFlow, 'id' | 'validationErrors'> & {
  id?: string;
  validationErrors?: FlowValidationError[];
};

export interface EmulatorTemplate {
  /** Meta's template id, as NXCloud returns it. Unique per template. */
  id: string;
  /**
   * CAMS's `TemplateCode` (32 hex digits). CAMS addresses a template by code and language, and
   * all languages of one name may share a code, so it is unique per (code, language).
   */
  code: string;
  name: string;
  language: string;
  /** `MARKETING`, `UTILITY`, `AUTHENTICATION`, or a legacy value such as `OTP`. */
  category: string;
  /**
   * Meta's upper-case status (`APPROVED`, `PENDING`, `REJECTED`, `PAUSED`, `DISABLED`, `IN_APPEAL`,
   * `PENDING_DELETION`, `DELETED`, `LIMIT_EXCEEDED`). CAMS renders the ones it knows in its own
   * lower-case words and passes the others through.
   */
  status: string;
  /** Meta's reason (`INVALID_FORMAT`, `NONE`, ...); CAMS renders it as `Reason`. */
  rejectedReason?: string;
  /** `GREEN`, `YELLOW`, `RED` or `UNKNOWN`. */
  qualityScore?: string;
  messageSendTtlSeconds?: number;
  /** Epoch milliseconds; rendered by CAMS only (`LastUpdateTime`). */
  updatedAt?: number;
  components: TemplateComponent[];
}

/** What `store.templates.add` accepts: the ids may be left out and are then generated. */
export type TemplateInput = Omit<EmulatorTemplate, 'id' | 'code'> & { id?: string; code?: string };

export type TemplateComponent =
  | HeaderComponent
  | BodyComponent
  | FooterComponent
  | ButtonsComponent
  | LimitedTimeOfferComponent;

export interface HeaderComponent {
  type: 'HEADER';
  /** `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT` or `LOCATION`. */
  format: string;
  text?: string;
  /** The sample value of a text header's variable. */
  example?: string;
  /** Link to the sample media of a media header. */
  mediaUrl?: string;
}

export interface BodyComponent {
  type: 'BODY';
  text?: string;
  /** Sample values of the body's variables, in order. */
  example?: string[];
  addSecurityRecommendation?: boolean;
}

export interface FooterComponent {
  type: 'FOOTER';
  text?: string;
  codeExpirationMinutes?: number;
}

export interface ButtonsComponent {
  type: 'BUTTONS';
  buttons: TemplateButton[];
}

export interface LimitedTimeOfferComponent {
  type: 'LIMITED_TIME_OFFER';
  text: string;
  hasExpiration: boolean;
}

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
  /** A coupon-code button (outside AUTHENTICATION templates); `example` is the code. */
  | { type: 'COPY_CODE'; text?: string; example: string }
  /** The one-time-password button of an AUTHENTICATION template. */
  | {
      type: 'OTP';
      otpType: 'COPY_CODE' | 'ONE_TAP';
      text: string;
      autofillText?: string;
      packageName?: string;
      signatureHash?: string;
    }
  | {
      type: 'FLOW';
      text: string;
      flowId: string;
      flowAction: 'navigate' | 'data_exchange';
      navigateScreen?: string;
    };
