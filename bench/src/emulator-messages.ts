import type { RequestArrival, RequestCountsSnapshot } from '@whatsapp-bsp/emulator';
import { z } from 'zod';

/** What the parent asks of the emulator process; each command gets one reply with its `id`. */
export const emulatorCommandSchema = z.object({
  id: z.number(),
  method: z.enum(['requests', 'arrivals', 'resetRequests', 'close']),
});
export type EmulatorCommand = z.infer<typeof emulatorCommandSchema>;

export const nxcloudConfigSchema = z.object({
  accessKey: z.string(),
  accessSecret: z.string(),
  appKey: z.string(),
  businessPhone: z.string(),
  baseUrl: z.string(),
});

const camsConfigSchema = z.object({
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  custSpaceId: z.string(),
  endpoint: z.string(),
  protocol: z.literal('http'),
});

/** What the emulator process sends: once `ready` with its endpoints, then replies. */
export const emulatorMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    nxcloud: nxcloudConfigSchema,
    cams: camsConfigSchema,
    /** A flow that exists on both vendors' servers. */
    flowId: z.string().min(1),
  }),
  z.object({
    type: z.literal('reply'),
    id: z.number(),
    result: z.unknown().optional(),
    error: z.string().optional(),
  }),
]);
export type EmulatorMessage = z.infer<typeof emulatorMessageSchema>;

const countsByOperation = z.record(z.string(), z.number());

export const requestCountsSchema = z.object({
  total: z.number(),
  rejected: z.number(),
  throttled: z.number(),
  byOperation: z.object({ nxcloud: countsByOperation, cams: countsByOperation }),
}) satisfies z.ZodType<RequestCountsSnapshot>;

/** Arrival times (epoch ms on the emulator's clock) of each vendor's operations, as the emulator saw them. */
export const arrivalsSchema = z.array(
  z.object({ at: z.number(), vendor: z.enum(['nxcloud', 'cams']), operation: z.string() }),
) satisfies z.ZodType<RequestArrival[]>;
