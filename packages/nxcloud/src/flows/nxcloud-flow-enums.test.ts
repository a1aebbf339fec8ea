import { FLOW_CATEGORIES, FLOW_HEALTH_STATES, FLOW_STATUSES, type Flow } from '@whatsapp-bsp/core';
import { expectEnumMapping } from '@whatsapp-bsp/core/testing';
import { describe, it } from 'vitest';
import { mapNxcloudFlow } from '../nxcloud-payloads.js';

/*
 * Every enum of NXCloud's flows against the model's values, both ways (see the template enums'
 * test): each NXCloud value maps to its model value, each model value is reached.
 */

const flow = (fields: Record<string, unknown>): Flow => mapNxcloudFlow({ id: '1', name: 'n', ...fields });

describe('NXCloud flow enums, both ways', () => {
  it('status', () => {
    expectEnumMapping(
      FLOW_STATUSES,
      { rows: [...FLOW_STATUSES.map((status) => [status, status] as const), ['ARCHIVED', 'UNKNOWN']] },
      (status) => flow({ status }).status,
    );
  });

  it('categories, SHOPPING included', () => {
    expectEnumMapping(
      FLOW_CATEGORIES,
      {
        rows: [
          ...FLOW_CATEGORIES.map((category) => [category, category] as const),
          ['survey', 'SURVEY'],
          ['GAMES', 'UNKNOWN'],
        ],
      },
      (category) => flow({ categories: [category] }).categories[0],
    );
  });

  it('health_status.can_send_message, overall and per entity', () => {
    const rows = [
      ...FLOW_HEALTH_STATES.map((state) => [state, state] as const),
      ['PAUSED', 'UNKNOWN'] as const,
    ];
    expectEnumMapping(
      FLOW_HEALTH_STATES,
      { rows },
      (state) => flow({ health_status: { can_send_message: state } }).healthStatus?.canSendMessage,
    );
    expectEnumMapping(
      FLOW_HEALTH_STATES,
      { rows },
      (state) =>
        flow({ health_status: { entities: [{ entity_type: 'FLOW', id: '1', can_send_message: state }] } })
          .healthStatus?.entities[0]?.canSendMessage,
    );
  });
});
