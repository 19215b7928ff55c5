/**
 * The app's own scheme in Electron: registered as privileged before the app is ready (standard,
 * secure, fetch), and answered by app-files.ts, which serves the renderer build and nothing else.
 */
import { protocol } from 'electron';

import { APP_SCHEME, serveAppFile } from '../app-files';

/** Must run before the app's ready event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Answers app:// requests from `rendererDir` (out/renderer). Runs after ready. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppFile(request.url, request.method, rendererDir);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
