// npm run preview -- --port P --data-dir D: the app in a browser, with its store in D.
import { parseArgs } from 'node:util';

import { DataFolderInUseError } from '../../src/main/store/folder-lock';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    'data-dir': { type: 'string', default: '.tmp/preview-data' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${JSON.stringify(values.port)}`);
  process.exit(2);
}
const harness = await startHarness({ port, dataDir: values['data-dir'] }).catch(
  (error: unknown) => {
    // Another copy has the folder: say so plainly, without a stack trace, and change nothing.
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  },
);
console.log(`Timeline Desk (browser harness) at ${harness.url}`);
console.log(
  'It answers only loopback names (127.0.0.1, localhost) and commands from its own page.',
);
console.log(`Store: ${harness.services.storePath}; exports go to ${harness.exportsDir}`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
