import type { CallOptions, WhatsAppClient, WithMetadata } from '@whatsapp-bsp/core';
import type { Emulator, Vendor } from '@whatsapp-bsp/emulator';

/**
 * What the vendor holds once a write is over: `applied` (what the write asked for, once),
 * `unchanged` (what it held before), or a description of anything else.
 */
export type EndState = 'applied' | 'unchanged' | (string & {});

/** One write, ready to be called, on something of its own in the emulator's store. */
export interface WriteSubject {
  /** The write as a user calls it. */
  call(client: WhatsAppClient, options: CallOptions): Promise<WithMetadata<object>>;
  /** What the vendor holds now; undefined where it keeps nothing a test can look at. */
  state(): Promise<EndState | undefined>;
}

/** What a subject needs: the emulator, and a client without faults or retries to look with. */
export interface SubjectContext {
  readonly vendor: Vendor;
  readonly emulator: Emulator<Vendor>;
  readonly observer: WhatsAppClient;
}

export interface SubjectOptions {
  /** For a create: the name (and language) already belong to another template or flow. */
  nameTaken?: boolean;
}
