import { FLOW_CATEGORIES, FLOW_STATUSES, type Flow } from '@whatsapp-bsp/core';
import { expectEnumMapping } from '@whatsapp-bsp/core/testing';
import { describe, it } from 'vitest';
import { camsGetFlowAnswerSchema } from './cams-flow-wire.js';
import { mapCamsFlow } from './map-cams-flow.js';

/*
 * Every enum of CAMS's flows against the model's values, both ways (see the template enums'
 * test). CAMS documents three statuses and eight categories; Meta's other values pass as named.
 */

/** GetFlow's `Data`, decoded and mapped as flows.doGet does. */
function flow(fields: Record<string, unknown>): Flow {
  const data = { FlowId: 'f-1', FlowName: 'n', ...fields };
  return mapCamsFlow(camsGetFlowAnswerSchema.lenient.parse({ Code: 'OK', Data: data }).Data, data);
}

describe('CAMS flow enums, both ways', () => {
  it('Status: the three documented, and Meta’s health statuses CAMS does not document', () => {
    expectEnumMapping(
      FLOW_STATUSES,
      {
        rows: [
          ['DRAFT', 'DRAFT'],
          ['PUBLISHED', 'PUBLISHED'],
          ['DEPRECATED', 'DEPRECATED'],
          ['BLOCKED', 'BLOCKED'],
          ['THROTTLED', 'THROTTLED'],
          ['ARCHIVED_BY_META', 'UNKNOWN'],
        ],
      },
      (status) => flow({ Status: status }).status,
    );
  });

  it('Categories: the eight documented, and SHOPPING', () => {
    expectEnumMapping(
      FLOW_CATEGORIES,
      {
        rows: [...FLOW_CATEGORIES.map((category) => [category, category] as const), ['GAMES', 'UNKNOWN']],
      },
      (category) => flow({ Categories: [category] }).categories[0],
    );
  });
});
