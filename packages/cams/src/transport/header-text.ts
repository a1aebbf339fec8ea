import { validateHeaderValue } from 'node:http';

/**
 * Whether Node.js will send `value` in a request header: no line break, no other control
 * character but tab, nothing beyond Latin-1. Node's own check, so that what is accepted here is
 * exactly what the transport can send.
 */
export function isSendableInHeader(value: string): boolean {
  try {
    validateHeaderValue('x-check', value);
    return true;
  } catch {
    return false;
  }
}
