import type { WebhookCall, WebhookSignatureCheck } from '@whatsapp-bsp/core';
import { constantTimeEqual } from '@whatsapp-bsp/core/adapter';
import { type NxcloudSignAlgorithm, signNxcloud } from '../transport/nxcloud-sign.js';

/**
 * The headers read by default, named as on NXCloud's requests (NXCloud's request-header page): NXCloud says its
 * callbacks are signed "per the signature algorithm" but does not name the headers that carry the
 * signature, so these are an assumption, each renamable through `headerNames`.
 */
export const NXCLOUD_CALLBACK_SIGNATURE_HEADERS = {
  accessKey: 'accessKey',
  action: 'action',
  bizType: 'bizType',
  ts: 'ts',
  sign: 'sign',
  algorithm: 'algorithm',
} as const;

type SignatureHeader = keyof typeof NXCLOUD_CALLBACK_SIGNATURE_HEADERS;

/**
 * Whether a callback carries NXCloud's signature (NXCloud's signature page) of its exact body: the signed
 * headers as received, then the body, then the secret, hashed with MD5, or SHA-256 when the
 * algorithm header says so. A signed header that is absent counts as empty; an unknown algorithm
 * or a missing signature fails.
 */
export function verifyNxcloudCallbackSignature(
  call: WebhookCall,
  check: WebhookSignatureCheck,
  accessSecret: string,
): boolean {
  const header = (name: SignatureHeader) => {
    const renamed = check.headerNames?.[name] ?? NXCLOUD_CALLBACK_SIGNATURE_HEADERS[name];
    return call.headers[renamed.toLowerCase()];
  };
  const sign = header('sign');
  const algorithm = algorithmOf(header('algorithm'));
  if (sign === undefined || algorithm === undefined) return false;
  const expected = signNxcloud({
    accessKey: header('accessKey') ?? '',
    action: header('action') ?? '',
    bizType: header('bizType') ?? '',
    ts: header('ts') ?? '',
    body: call.body,
    accessSecret: check.secret ?? accessSecret,
    algorithm,
  });
  return constantTimeEqual(sign.trim().toLowerCase(), expected);
}

function algorithmOf(value: string | undefined): NxcloudSignAlgorithm | undefined {
  if (value === undefined) return 'md5';
  const name = value.trim().toLowerCase();
  return name === 'md5' || name === 'sha256' ? name : undefined;
}
