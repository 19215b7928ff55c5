// `node --import ./e2e/built-app/register.mjs out/main/index.js`: the built main process runs in
// Node, and its `import … from "electron"` gets the stand-in (electron-entry.mjs) instead.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
