/** Listing the rolling backups and restoring one, as one undoable change. */
import { AppFailure } from '../../shared/result';
import type { BackupKeeper } from '../store/backups';
import type { TimelineRepository } from '../store/timeline-repository';
import { runInSlices } from '../time-slices';
import type { CommandHandlers } from './handlers';
import { checkResult, planImport } from './import-plan';
import type { Recorder } from './undo-redo';

export type BackupHandlers = Pick<CommandHandlers, 'listBackups' | 'restoreBackup'>;

export function createBackupCommands(
  store: TimelineRepository,
  backups: BackupKeeper,
  recorder: Recorder,
): BackupHandlers {
  return {
    listBackups: () => backups.list(),
    restoreBackup: async ({ id }) => {
      // Only a backup's own file name is read: never a path the caller made up.
      const state = await backups.read(id);
      if (state === null) {
        throw new AppFailure({ code: 'invalid', message: `"${id}" is not the name of a backup.` });
      }
      if (state.kind === 'missing') {
        throw new AppFailure({ code: 'not-found', message: 'That backup no longer exists.' });
      }
      if (state.kind === 'damaged') {
        throw new AppFailure({
          code: 'invalid',
          message: `That backup cannot be restored because ${state.reason}.`,
        });
      }
      const plan = await runInSlices(planImport('replace', store.document(), state.document));
      await runInSlices(checkResult(plan.result, 'The backup cannot be restored'));
      return recorder.commit('Restore backup', plan.change);
    },
  };
}
