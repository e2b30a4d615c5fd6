import type { Command } from 'commander';
import { loadConfig } from '@coil/platform';
import { countDeadLetters, listDeadLetters, openDeadLetterQueue, type DeadLetter } from '@coil/rollup';
import { printResult, type JsonOption } from '../output';

interface ListOptions extends JsonOption {
  offset: string;
  limit: string;
}

async function withDeadLetters<T>(use: (queue: ReturnType<typeof openDeadLetterQueue>['queue']) => Promise<T>): Promise<T> {
  const opened = openDeadLetterQueue(loadConfig());
  try {
    return await use(opened.queue);
  } finally {
    await opened.close();
  }
}

function describeLetters(letters: DeadLetter[]): string {
  if (letters.length === 0) return 'No dead letters.';
  return letters
    .map((letter) => `${letter.failedAt} workspace ${letter.workspaceId} batch ${letter.batchId}#${letter.index}: ${letter.reason}`)
    .join('\n');
}

export function registerDeadLetterCommands(program: Command): void {
  const deadLetters = program.command('dead-letters').description('events the worker could not apply');

  deadLetters
    .command('count')
    .description('how many events wait in the dead-letter queue')
    .option('--json', 'print JSON')
    .action(async (options: JsonOption) => {
      const count = await withDeadLetters(countDeadLetters);
      printResult(options, { count }, (result) => `${result.count} dead letter(s)`);
    });

  deadLetters
    .command('list')
    .description('the dead letters with their reasons, oldest first')
    .option('--offset <n>', 'skip this many', '0')
    .option('--limit <n>', 'show at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      const letters = await withDeadLetters((queue) => listDeadLetters(queue, Number(options.offset), Number(options.limit)));
      printResult(options, letters, describeLetters);
    });
}
