/** The renderer's one door to the app: the object the preload (or the browser harness) exposes. */
import type { TimelineApi } from '../../shared/contract';

declare global {
  interface Window {
    api: TimelineApi;
  }
}

export function appApi(): TimelineApi {
  return window.api;
}

/** True where shortcuts are spelled with ⌘ (and where the native menu handles accelerators). */
export function isMac(api: TimelineApi): boolean {
  return api.platform === 'darwin';
}
