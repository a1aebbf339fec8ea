import { z } from 'zod';

/*
 * The field schemas the model uses over and over, built once: zod schemas are immutable, so one
 * instance serves every field, and building each anew cost the package's import several
 * milliseconds (see docs/performance.md).
 */

export const text = z.string();
export const optionalText = text.optional();
export const optionalInteger = z.int().optional();
export const optionalBoolean = z.boolean().optional();
export const optionalDate = z.date().optional();
export const textList = z.array(text);
