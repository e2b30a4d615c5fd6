import { featureSeries, FeaturesReader } from './features-reader';
import type { AccountUnitUsage } from './feature-usage.repository';

const RANGE = { from: '2025-09-20', to: '2025-09-21' };
const UNITS = [
  { name: 'Exports', events: ['export_done'] },
  { name: 'Reports', events: ['report_created'] },
];

describe('featureSeries', () => {
  it('every day of the range for every unit, zeros where unused, adoption over the accounts active that day', () => {
    const series = featureSeries(
      UNITS,
      [
        { name: 'Reports', day: '2025-09-21', accounts: 2, users: 3, events: 7 },
        { name: 'Reports', day: null, accounts: 2, users: 3, events: 7 },
        { name: null, day: '2025-09-21', accounts: 3, users: 0, events: 0 },
        { name: null, day: null, accounts: 4, users: 0, events: 0 },
      ],
      RANGE,
    );
    expect(series).toEqual([
      {
        name: 'Exports',
        events: ['export_done'],
        days: [
          { day: '2025-09-20', accounts: 0, users: 0, events: 0, adoption: 0 },
          { day: '2025-09-21', accounts: 0, users: 0, events: 0, adoption: 0 },
        ],
        totals: { accounts: 0, users: 0, events: 0, adoption: 0 },
      },
      {
        name: 'Reports',
        events: ['report_created'],
        days: [
          { day: '2025-09-20', accounts: 0, users: 0, events: 0, adoption: 0 },
          { day: '2025-09-21', accounts: 2, users: 3, events: 7, adoption: 0.67 },
        ],
        totals: { accounts: 2, users: 3, events: 7, adoption: 0.5 },
      },
    ]);
  });
});

describe('FeaturesReader.account', () => {
  it('units the account never used are listed with zeros; used and unused follow the range', async () => {
    const rows: AccountUnitUsage[] = [{ name: 'Reports', events: 4, users: 1, last_used: '2025-09-21' }];
    const reader = new FeaturesReader(
      { resolve: async () => ({ id: '1', name: 'default', windowDays: 30 }) },
      { unitsOf: async () => ({ units: UNITS, scoredEvents: null }) },
      { findIds: async () => [{ id: '5' }] },
      { workspaceUsage: async () => [], accountUsage: async () => rows },
      () => new Date('2025-09-21T10:00:00Z'),
    );

    expect(await reader.account({ workspaceId: '13', lookup: { kind: 'id', id: '5' }, days: 30, profile: null })).toEqual({
      id: '5',
      features: [{ name: 'Exports', events: 0, users: 0, last_used: null }, rows[0]],
      used: ['Reports'],
      unused: ['Exports'],
    });
  });
});
