import type { Command } from 'commander';
import { parseWorkspaceId } from '@coil/domain';
import type { DeliveryRecord } from '@coil/delivery';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface ListOptions extends JsonOption {
  workspace: string;
  destination?: string;
  failed?: boolean;
}

function describeDelivery(delivery: DeliveryRecord): string {
  const when = new Date(delivery.created_at).toISOString();
  const error = delivery.last_error === null ? '' : `: ${delivery.last_error}`;
  return `${when}\tdestination ${delivery.destination_id}\t${delivery.signal_id}\t${delivery.kind}\t${delivery.status} after ${delivery.attempts} attempt(s)${error}`;
}

export function registerDeliveriesCommands(program: Command, context: CliContext): void {
  const deliveries = program.command('deliveries').description('signals sent (or waiting) per destination, with every attempt');

  deliveries
    .command('list')
    .description('the latest deliveries, newest first, with their attempts')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--destination <id>', 'one destination only')
    .option('--failed', 'failed deliveries only')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      const list = await context.delivery().admin.deliveries(options.workspace, options.destination, options.failed === true);
      printResult(options, list, (rows) => (rows.length === 0 ? 'No deliveries.' : rows.map(describeDelivery).join('\n')));
    });

  deliveries
    .command('retry')
    .description("send a destination's failed deliveries again, from a fresh retry schedule")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--destination <id>', 'destination id')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions & { destination: string }) => {
      const result = await context.delivery().admin.retry(options.workspace, options.destination);
      printResult(
        options,
        result,
        (retried) => `${retried.retried} failed deliver(ies) of destination ${retried.destination_id} queued again`,
      );
    });
}
