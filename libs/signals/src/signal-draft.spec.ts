import { completeSignals, draftSignal, subjectKey } from './signal-draft';
import type { SignalSubject } from './signal';

describe('completeSignals', () => {
  it('puts the wire subject in place of the reference, and drops drafts whose subject is gone', () => {
    const at = new Date('2026-11-05T09:30:00.000Z');
    const kept = draftSignal('1', 'activated', { type: 'account', id: '7' }, '2026-11-05', at, {
      checklist: { steps: [], required_users: null },
    });
    const gone = draftSignal('1', 'activated', { type: 'user', id: '8' }, '2026-11-05', at, {
      checklist: { steps: [], required_users: null },
    });
    const subject: SignalSubject = { type: 'account', id: '7', tracking_id: 'acme', name: 'Acme' };
    expect(completeSignals([kept, gone], new Map([[subjectKey(kept.subject), subject]]))).toEqual([{ ...kept, subject }]);
  });
});
