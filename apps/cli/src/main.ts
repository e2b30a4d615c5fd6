// `npm run coil -- <command>`: the admin CLI. Usage errors exit through commander (code 1);
// failures of a command print one error line (JSON with --json) and exit 1.
import { CliContext } from './cli-context';
import { printFailure } from './output';
import { createProgram } from './program';

async function main(argv: string[]): Promise<void> {
  const context = new CliContext();
  try {
    await createProgram(context).parseAsync(argv);
  } catch (error) {
    printFailure(error, argv.includes('--json'));
    process.exitCode = 1;
  } finally {
    await context.close();
  }
}

void main(process.argv);
