/** What the services need from the shell they run in (Electron, or the browser harness). */
export interface Host {
  /** Asks where to save an export; null when the user cancels. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
}
