import { once } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';

/*
 * Values that every NXCloud endpoint shares. Schemas are built on first use (`once`), not at
 * import, to keep importing the adapter cheap.
 */

/** The body field `messaging_product`, which every WhatsApp endpoint takes: always `whatsapp`. */
export const MESSAGING_PRODUCT = 'whatsapp';

/**
 * An integer that may arrive as a number, a float such as Meta's `139001.0`, or a numeric
 * string (the vendor docs type numbers loosely).
 */
export const lenientIntegerSchema = once(() =>
  z
    .union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/)])
    .transform((value) => Math.trunc(Number(value)))
    .pipe(z.int()),
);

/** An optional text field; vendors write `null` as often as they leave a field out. */
export const optionalTextSchema = once(() => z.string().nullish());
