/** The `kubectl rollout` subcommands, one file each. */
import type { KubectlCommand } from '../../kubectl-command.ts';
import { rolloutHistory } from './history.ts';
import { rolloutPause, rolloutResume } from './pause-resume.ts';
import { rolloutRestart } from './restart.ts';
import { rolloutStatus } from './status.ts';
import { rolloutUndo } from './undo.ts';

export const rolloutCommands: KubectlCommand[] = [rolloutStatus, rolloutHistory, rolloutUndo, rolloutPause, rolloutResume, rolloutRestart];
