/**
 * CLI entry: `npm run tickler -- <command>`. Only file I/O and printing live here; the
 * commands are in shared/cli/commands.ts. Whatever happens, the user gets a message and
 * an exit code, never a stack trace.
 */
import { runCli } from '../shared/cli/commands';
import { nodeCliIo } from './cli-io';

function main(): number {
  try {
    const result = runCli(process.argv.slice(2), nodeCliIo());
    const out = result.exitCode === 2 ? process.stderr : process.stdout;
    if (result.lines.length) out.write(`${result.lines.join('\n')}\n`);
    return result.exitCode;
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main();
