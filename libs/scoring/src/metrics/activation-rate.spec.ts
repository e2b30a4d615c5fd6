import { eventWeighting, unconfiguredWeighting } from '../weights/event-weighting';
import { scoredEventCount } from './activation-rate';

const weighting = eventWeighting(
  new Map([
    ['report_created', 5],
    ['login', 1],
    ['invite_sent', 8],
  ]),
);

describe('scoredEventCount', () => {
  it("uses the workspace's events when every event is scored", () => {
    expect(scoredEventCount(unconfiguredWeighting(), ['a', 'b', 'a'])).toBe(2);
    expect(scoredEventCount(weighting, ['a'])).toBe(3);
  });
});
