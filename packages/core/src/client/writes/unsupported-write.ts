import { UnsupportedOperationError } from '../../errors/error-classes.js';
import { type Operation, operationDefinition } from '../../provider/operations.js';
import type { ProviderV1 } from '../../provider/provider-v1.js';

/**
 * The refusal of a write the provider has no method for: the vendor cannot do it, and nothing is
 * sent. Names the provider, the operation and the method its adapter would need.
 */
export function unsupportedWrite(provider: ProviderV1, operation: Operation): UnsupportedOperationError {
  const { resource, method } = operationDefinition(operation);
  return new UnsupportedOperationError(
    `${provider.id} does not offer ${operation}: its adapter has no ${resource}.${method}`,
    { provider: provider.id },
  );
}
