import type { SchemaObject } from '@nestjs/swagger';
import type { AccountExplanationBody } from '@coil/accounts';
import { NORMALIZATION_FORMULAS, SHARE_DECIMALS, type ScoreExplanation } from '@coil/scoring';

const day: SchemaObject = { type: 'string', format: 'date' };
const feature: SchemaObject = { type: 'string', nullable: true, description: 'The feature the event belongs to; null when none' };

/** The explanation block (expand=explanation) and the body of /v1/accounts/explain, less its id. */
export const EXPLANATION_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'What the score is made of and what moved it, computed from the daily counts of the frame of the latest scoring run: ' +
    'contributions add up to raw_score exactly, engagement_score is the formula applied to raw_score and p90.',
  properties: {
    profile: { type: 'string' },
    time_frame: {
      type: 'object',
      description: "The profile's frame ending with its latest scored UTC day (today before any run)",
      properties: { start: day, end: day, days: { type: 'integer' } },
    },
    raw_score: {
      type: 'number',
      description: "Sum of the contributions' points (equals metrics.raw_score unless events arrived since the run)",
    },
    benchmark: {
      type: 'object',
      properties: {
        p90: { type: 'number', description: "The 90th percentile of the frame's raw scores above 0 (the largest with fewer than two)" },
        accounts_in_benchmark: { type: 'integer', description: 'Accounts (users, for a user) with a raw score above 0 in the frame' },
        formula: { type: 'string', enum: Object.values(NORMALIZATION_FORMULAS) },
      },
    },
    engagement_score: {
      type: 'number',
      nullable: true,
      description: "The formula's result; null when the profile's filter leaves the subject out",
    },
    contributions: {
      type: 'array',
      description: 'One per scored event with events in the frame, most points first',
      items: {
        type: 'object',
        properties: {
          feature,
          event: { type: 'string' },
          count: { type: 'integer', description: 'Events in the frame' },
          weight: { type: 'integer' },
          points: { type: 'integer', description: 'count * weight' },
          share: { type: 'number', description: `points / raw_score, ${SHARE_DECIMALS} decimals; the shares add up to 1` },
        },
      },
    },
    change: {
      type: 'object',
      nullable: true,
      description: 'engagement_score_change from the stored history; null without a stored score one time frame earlier',
      properties: {
        from: { type: 'number', description: 'The stored score one time frame earlier' },
        to: { type: 'number', description: 'The stored score of this frame (metrics.engagement_score)' },
        delta: { type: 'number' },
        since: { ...day, description: 'The UTC day of the earlier score: its frame is the one compared with' },
        drivers: {
          type: 'array',
          description: "Events whose points moved, largest move first, at today's weights; they add up to the raw score's change",
          items: { type: 'object', properties: { feature, event: { type: 'string' }, delta_points: { type: 'integer' } } },
        },
      },
    },
    filters_applied: {
      type: 'array',
      description: "The profile's trait filter and what it did here; empty without one",
      items: {
        type: 'object',
        properties: {
          rule: { type: 'string' },
          in_scope: { type: 'boolean', description: 'False: the filter leaves the subject out of the profile, nothing counts' },
          excluded_members: { type: 'integer', description: "The account's users whose events the rule leaves out (0 for a user)" },
        },
      },
    },
  },
};

export const ACCOUNT_EXPLANATION_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { id: { type: 'string', description: 'The account explained' }, ...EXPLANATION_SCHEMA.properties },
};

/** The anchor's worked example (counts 3, 5, 10, 20, 15 at weights 9, 7, 5, 3, 1: raw 187) against its benchmark 208.2. */
export const EXPLANATION_EXAMPLE: ScoreExplanation = {
  profile: 'default',
  time_frame: { start: '2025-09-15', end: '2025-09-21', days: 7 },
  raw_score: 187,
  benchmark: { p90: 208.2, accounts_in_benchmark: 13, formula: NORMALIZATION_FORMULAS.exponential },
  engagement_score: 87.5,
  contributions: [
    { feature: null, event: 'comment_added', count: 20, weight: 3, points: 60, share: 0.3208 },
    { feature: 'Dashboards', event: 'dashboard_viewed', count: 10, weight: 5, points: 50, share: 0.2674 },
    { feature: null, event: 'invite_sent', count: 5, weight: 7, points: 35, share: 0.1872 },
    { feature: 'Reports', event: 'report_created', count: 3, weight: 9, points: 27, share: 0.1444 },
    { feature: null, event: 'page_viewed', count: 15, weight: 1, points: 15, share: 0.0802 },
  ],
  change: {
    from: 90.2,
    to: 87.5,
    delta: -2.7,
    since: '2025-09-14',
    drivers: [
      { feature: 'Dashboards', event: 'dashboard_viewed', delta_points: 40 },
      { feature: null, event: 'comment_added', delta_points: -30 },
      { feature: 'Reports', event: 'report_created', delta_points: -18 },
    ],
  },
  filters_applied: [],
};

export const ACCOUNT_EXPLANATION_EXAMPLE: AccountExplanationBody = { id: '456', ...EXPLANATION_EXAMPLE };
