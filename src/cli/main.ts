/**
 * The command-line runner: `npm run cli -- <command> [flags]`.
 * Bad input gets one line on stderr naming what is wrong, and exit code 2.
 */
import { ConfigError, shown } from '../core/errors.ts';
import { CsvError } from '../data/csv.ts';
import { IdxError } from '../data/idx.ts';
import { checkKnownFlags, parseArgs, UsageError } from './args.ts';
import { runExport, runGradcheck, runTrace } from './model-commands.ts';
import { DivergedError, runTrain, TRAIN_FLAGS } from './train.ts';

const USAGE = `usage: npm run cli -- <command> [flags]
  train     --preset NAME | --config FILE [--iters N] [--epochs N] [--seed S]
  trace     --model MODEL.json --batch BATCH.json [--apply --lr X] [--bug NAME[,NAME]]
  gradcheck --model MODEL.json --batch BATCH.json [--max-entries N] [--bug NAME[,NAME]]
  export    --preset NAME | --config FILE --out MODEL.json [--seed S]`;

const COMMANDS: Record<string, { flags: readonly string[]; run: typeof runTrain }> = {
  train: { flags: TRAIN_FLAGS, run: runTrain },
  trace: { flags: ['model', 'batch', 'apply', 'lr', 'bug'], run: runTrace },
  gradcheck: { flags: ['model', 'batch', 'max-entries', 'bug'], run: runGradcheck },
  export: { flags: ['preset', 'config', 'out', 'seed'], run: runExport },
};

/** Runs the CLI; returns the exit code. */
export function main(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  try {
    const args = parseArgs(argv, ['apply', 'help']);
    if (args.command === undefined || args.command === 'help' || args.flags.has('help')) {
      out(USAGE);
      return args.command === undefined ? 2 : 0;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command ${shown(args.command)}\n${USAGE}`);
    checkKnownFlags(args, command.flags);
    command.run(args, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof CsvError || e instanceof IdxError) {
      err(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof DivergedError) {
      err(`error: ${e.message}`);
      return 3;
    }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
}
