import type { Traits } from '../../ingest-event';
import { MAX_GROUPS_PER_EVENT, MAX_ID_LENGTH } from '../../ingest/ingest-limits';
import { compileValidator } from '../../ingest/validation/compile-validator';
import { idSchema, traitsSchema } from '../../ingest/validation/common-schemas';
import type { IdInput } from '../build-ingest-event';

export interface GroupTraitsEntryInput {
  groupId: IdInput;
  traits?: Traits;
  group_type?: string;
}

/**
 * What the Accoil event-stream destination adds to a Segment-like event: `groupTraits`, and a
 * userId on every event. The rest is checked as a Segment event.
 */
export interface AccoilAmplitudeExtrasInput {
  userId: IdInput;
  groupTraits?: GroupTraitsEntryInput[];
}

export const validateAccoilAmplitudeExtras = compileValidator<AccoilAmplitudeExtrasInput>({
  type: 'object',
  required: ['userId'],
  properties: {
    userId: idSchema,
    groupTraits: {
      type: 'array',
      maxItems: MAX_GROUPS_PER_EVENT,
      items: {
        type: 'object',
        required: ['groupId'],
        properties: { groupId: idSchema, traits: traitsSchema, group_type: { type: 'string', maxLength: MAX_ID_LENGTH } },
      },
    },
  },
});
