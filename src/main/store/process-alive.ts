/**
 * Whether a process on this machine still runs: the data folder's lock and the store's temp
 * files carry their writer's pid, and what a dead writer left behind may be taken over.
 */

/** True while `pid` runs here (also when it belongs to another user, who may not be signalled). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    // Signal 0 only asks whether the process exists.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
