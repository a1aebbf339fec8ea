import type { EmulatorFlow, EmulatorTemplate } from '../model.js';

/**
 * A change of state the vendors report by callback. Each vendor renders it in its own shape, or not
 * at all when it has no callback for it (CAMS has none for flows).
 */
export interface TemplateStatusEvent {
  type: 'template.status';
  /** The template as it is now. */
  template: EmulatorTemplate;
  previousStatus: string;
  /** When it changed, in epoch milliseconds on the emulator's clock. */
  at: number;
}

export interface FlowStatusEvent {
  type: 'flow.status';
  /** The flow as it is now. */
  flow: EmulatorFlow;
  /** Absent when the flow was just created (as a DRAFT). */
  previousStatus?: string;
  /** When it changed, in epoch milliseconds on the emulator's clock. */
  at: number;
}

export type EmulatorEvent = TemplateStatusEvent | FlowStatusEvent;

/** One callback as a vendor posts it: the body, and its headers at the time of each attempt. */
export interface CallbackRequest {
  body: string;
  headers(nowMs: number): Record<string, string>;
}
