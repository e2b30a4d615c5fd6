import { bisect, type BisectHandlers } from './bisect';

class Poison extends Error {}

function handlersFor(items: string[], rejected: number[], applied: string[][]): BisectHandlers<number> {
  return {
    apply: async ({ start, end }) => {
      const part = items.slice(start, end);
      if (part.includes('bad')) throw new Poison('bad item');
      applied.push(part);
      return part.length;
    },
    isPoison: (error) => error instanceof Poison,
    reject: async (index) => {
      rejected.push(index);
    },
    combine: (results) => results.reduce((a, b) => a + b, 0),
    empty: 0,
  };
}

describe('bisect', () => {
  it('applies every good item and rejects only the bad ones', async () => {
    const items = ['a', 'bad', 'c', 'd', 'e', 'bad', 'g'];
    const rejected: number[] = [];
    const applied: string[][] = [];
    const count = await bisect(handlersFor(items, rejected, applied), { start: 0, end: items.length });
    expect(count).toBe(5);
    expect(rejected).toEqual([1, 5]);
    expect(applied.flat().sort()).toEqual(['a', 'c', 'd', 'e', 'g']);
  });

  it('lets a transient error fail the whole attempt', async () => {
    const handlers = handlersFor(['a'], [], []);
    handlers.apply = async () => {
      throw new Error('connection lost');
    };
    await expect(bisect(handlers, { start: 0, end: 1 })).rejects.toThrow('connection lost');
  });
});
