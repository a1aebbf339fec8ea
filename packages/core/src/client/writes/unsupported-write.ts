import { UnsupportedOperationError } from '../../errors/error-classes.js';
import { type Operation, operationDefinition } from '../../provider/operations.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';

type Resource = 'flows' | 'templates';

/**
 * The refusal of a write the provider cannot do: the vendor cannot do it, and nothing is sent.
 * Names the provider, the operation and the method its adapter would need.
 */
export function unsupportedWrite(provider: ProviderV1, operation: Operation): UnsupportedOperationError {
  const { resource, method } = operationDefinition(operation);
  return new UnsupportedOperationError(
    `${provider.id} cannot do ${operation}: its adapter has no ${resource}.${method}; nothing was sent`,
    { provider: provider.id },
  );
}

/**
 * The provider's method for an operation, bound to its sub-provider. A missing method means the
 * vendor cannot do the operation (the write methods of `ProviderV1` are optional).
 *
 * @throws UnsupportedOperationError naming the vendor and the operation, before anything is sent.
 */
export function requireProviderMethod<R extends Resource, K extends keyof ProviderV1[R] & string>(
  provider: ProviderV1,
  resource: R,
  method: K,
  operation: Operation,
): NonNullable<ProviderV1[R][K]> {
  const methods = provider[resource] as unknown as Record<string, unknown>;
  const found = methods[method];
  if (typeof found !== 'function') throw unsupportedWrite(provider, operation);
  return found.bind(methods) as NonNullable<ProviderV1[R][K]>;
}
