import { Option, type Command } from 'commander';
import { parseWorkspaceId } from '@coil/domain';
import { DESTINATION_TYPES, type DestinationAdmin, type DestinationInput, type DestinationView, type TestReport } from '@coil/delivery';
import type { CliContext } from '../cli-context';
import { printResult, type JsonOption } from '../output';
import { cliArgument } from './profile.command';

interface WorkspaceOption extends JsonOption {
  workspace: string;
}

interface DestinationOption extends WorkspaceOption {
  id: string;
}

function describeDestination(destination: DestinationView): string {
  const state = destination.enabled ? 'enabled' : `disabled (${destination.disabled_reason ?? 'no reason'})`;
  const kinds = destination.kinds?.join(',') ?? 'all kinds';
  const segments = destination.segments === null ? '' : `\tsegments ${destination.segments.join(',')}`;
  const secret = destination.secret_hint === null ? '' : `\tsecret ${destination.secret_hint}`;
  return `${destination.id}\t${destination.type}\t${destination.url}\t${kinds}${segments}\t${state}${secret}`;
}

function describeCreated(created: DestinationView & { secret?: string }): string {
  const line = `Created destination ${created.id}: ${describeDestination(created)}`;
  return created.secret === undefined ? line : `${line}\nSigning secret (shown once, keep it): ${created.secret}`;
}

function describeTest(report: TestReport): string {
  const answer = report.status_code === null ? `no answer (${report.error ?? 'unknown'})` : `HTTP ${report.status_code}`;
  return `Destination ${report.destination_id}: ${answer} in ${report.latency_ms} ms, ${report.outcome}`;
}

/** One subcommand taking --workspace and --id and printing the destination it changed. */
function destinationAction(
  parent: Command,
  name: string,
  description: string,
  work: (admin: DestinationAdmin, options: DestinationOption) => Promise<DestinationView>,
  admin: () => DestinationAdmin,
): void {
  parent
    .command(name)
    .description(description)
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--id <id>', 'destination id')
    .option('--json', 'print JSON')
    .action(async (options: DestinationOption) => printResult(options, await work(admin(), options), describeDestination));
}

export function registerDestinationCommands(program: Command, context: CliContext): void {
  const destination = program
    .command('destination')
    .description('where signals go: webhooks, Slack, and reverse syncs to Segment and HubSpot');
  const admin = (): DestinationAdmin => context.delivery().admin;

  destination
    .command('create')
    .description('add a destination; a webhook prints its signing secret, once')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .addOption(new Option('--type <type>', 'destination type').choices(DESTINATION_TYPES).makeOptionMandatory())
    .requiredOption('--url <url>', 'webhook or Slack incoming-webhook URL; Segment or HubSpot API base')
    .option('--kinds <a,b>', 'signal kinds to send (default: all)')
    .option('--segments <A,B>', 'only signals of accounts in these segments (default: any)')
    .option('--digest <interval>', 'Slack: one message per interval, e.g. 15m')
    .option('--token <token>', 'Segment write key or HubSpot access token')
    .option('--prefix <prefix>', 'Segment and HubSpot: computed trait prefix (default coil)')
    .addOption(
      new Option('--match <field>', 'HubSpot: how companies are matched (default coil_tracking_id)').choices([
        'domain',
        'coil_tracking_id',
      ]),
    )
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption & DestinationInput) => {
      const { workspace, json: _json, ...input } = options;
      printResult(options, await admin().create(workspace, input), describeCreated);
    });

  destination
    .command('list')
    .description('the destinations of a workspace, with their state; secrets show only their last characters')
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .option('--json', 'print JSON')
    .action(async (options: WorkspaceOption) => {
      const destinations = await admin().list(options.workspace);
      printResult(options, destinations, (list) => (list.length === 0 ? 'No destinations.' : list.map(describeDestination).join('\n')));
    });

  destinationAction(destination, 'delete', 'delete a destination with its deliveries', (a, o) => a.delete(o.workspace, o.id), admin);
  destinationAction(
    destination,
    'enable',
    'enable a destination again and send what waited for it',
    (a, o) => a.enable(o.workspace, o.id),
    admin,
  );
  destinationAction(
    destination,
    'disable',
    'stop sending to a destination; its signals wait',
    (a, o) => a.disable(o.workspace, o.id),
    admin,
  );

  destination
    .command('test')
    .description("send a sample signal (Segment, HubSpot: run a sync) and report the receiver's answer")
    .requiredOption('--workspace <id>', 'workspace id', cliArgument(parseWorkspaceId))
    .requiredOption('--id <id>', 'destination id')
    .option('--json', 'print JSON')
    .action(async (options: DestinationOption) => printResult(options, await admin().test(options.workspace, options.id), describeTest));
}
