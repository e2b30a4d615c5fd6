import { planAdoptionUnits } from './adoption-units';

describe('planAdoptionUnits', () => {
  it('features holding a scored event are the units, by name; the scored events listed', () => {
    const plan = planAdoptionUnits(
      [
        { name: 'Reports', weight: 5, events: ['report_shared', 'report_created'] },
        { name: 'Empty', weight: 5, events: [] },
        { name: 'Exports', weight: 2, events: ['export_done'] },
      ],
      { login: 1 },
    );
    expect(plan).toEqual({
      kind: 'units',
      units: [
        { name: 'Exports', events: ['export_done'] },
        { name: 'Reports', events: ['report_created', 'report_shared'] },
      ],
      scoredEvents: ['export_done', 'login', 'report_created', 'report_shared'],
    });
  });

  it('no features: each directly weighted event is its own unit', () => {
    expect(planAdoptionUnits([], { signup: 3, invite: 2 })).toEqual({
      kind: 'units',
      units: [
        { name: 'invite', events: ['invite'] },
        { name: 'signup', events: ['signup'] },
      ],
      scoredEvents: ['invite', 'signup'],
    });
  });

  it('nothing configured: every event scores, so every event sent is a unit', () => {
    expect(planAdoptionUnits([], {})).toEqual({ kind: 'every_event', scoredEvents: null });
    expect(planAdoptionUnits([{ name: 'Empty', weight: 1, events: [] }], {})).toEqual({ kind: 'every_event', scoredEvents: null });
  });
});
