#!/usr/bin/env node
import { CloudError } from '../cloud/cloudError';
import { NotASwanlogError } from '../swanlog/discover';
import { UsageError } from './args';
import { CLOUD_EXPORT_USAGE } from './cloudExportCommand';
import { EXPORT_USAGE, exportCommand } from './exportCommand';
import { SERVE_USAGE, serveCommand } from './serveCommand';
import { START_USAGE, startCommand } from './startCommand';

// More threads for file reads than libuv's default 4 (set before the first one): a folder of big
// runs is opened with many small reads (record tails, strided previews), which a cold disk
// answers faster when more of them are in flight.
process.env.UV_THREADPOOL_SIZE ??= '16';

const USAGE = `usage:
  ${START_USAGE}
  ${SERVE_USAGE}
  ${EXPORT_USAGE}
  ${CLOUD_EXPORT_USAGE}
`;

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'serve':
      await serveCommand(rest);
      return;
    case 'export': return exportCommand(rest);
    case 'start': return startCommand(rest);
    case undefined: return startCommand([]);
    case '--help': case '-h': case 'help':
      process.stdout.write(USAGE);
      return;
    default:
      // `swanview ./swanlog` opens a folder, like the desktop app's command line
      if (!cmd.startsWith('-')) return startCommand(argv);
      throw new UsageError(`unknown command ${cmd}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof UsageError) process.stderr.write(`swanview: ${e.message}\n${USAGE}`);
  else if (e instanceof NotASwanlogError || e instanceof CloudError) process.stderr.write(`swanview: ${e.message}\n`);
  else process.stderr.write(`swanview: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = e instanceof UsageError ? 2 : 1;
});
