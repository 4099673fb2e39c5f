/**
 * A session with a lab loaded: the starting state is in place, the clock has run the lab's settle
 * time (so pods are Running with an AGE), and the grader has taken its captures.
 */
import { lookupImage } from '../engine/images/image-catalogue.ts';
import type { ImageDefaults } from '../labs/checks/effective-argv.ts';
import { Grader, formatScoreLine, formatVerdictLine } from '../labs/grader.ts';
import type { Lab, LoadedLab } from '../labs/schema.ts';
import type { TopologyOptions } from '../engine/cluster-topology.ts';
import { setupLab } from '../labs/setup-lab.ts';
import type { ScriptGrader } from './headless-player.ts';
import type { Session } from './session.ts';
import { ADMIN_KUBECONFIG_PATH, adminKubeconfig } from './admin-kubeconfig.ts';

export interface LabSession {
  grader: Grader;
  /** Adapter for the headless player: `@answer` and `@check` lines. */
  scriptGrader: ScriptGrader;
}

export async function startLab(session: Session, lab: LoadedLab): Promise<LabSession> {
  if (lab.setup.contexts || lab.setup.currentContext) session.fs.writeFile(ADMIN_KUBECONFIG_PATH, adminKubeconfig(lab.setup.contexts, lab.setup.currentContext), { mode: 0o600 });
  const errors = await setupLab(lab, { api: session.api, fs: session.fs });
  if (errors.length > 0) throw new Error(`lab ${lab.id} could not be set up:\n${errors.join('\n')}`);
  await session.cluster.pump.advance((lab.setup.settleSeconds ?? 0) * 1000);
  const grader = new Grader(lab, { api: session.api, fs: session.fs, images: (image) => imageDefaults(image, session) });
  await grader.start();
  return {
    grader,
    scriptGrader: {
      answer: async (stepId, text) => {
        grader.answer(stepId, text);
        // As the lab panel does: an answer is followed by a check of its step.
        await grader.check(stepId);
      },
      checkLines: async (stepId) => (await grader.check(stepId)).map(formatVerdictLine),
    },
  };
}

/** What the grader may know of the simulated images: their ENTRYPOINT and CMD, nothing to run. */
function imageDefaults(image: string, session: Session): ImageDefaults | undefined {
  const found = lookupImage(image, session.cluster.localImages);
  return found.ok ? { entrypoint: found.image.entrypoint, cmd: found.image.cmd } : undefined;
}

export async function gradeLines(grader: Grader): Promise<string[]> {
  const lines = (await grader.check()).map(formatVerdictLine);
  lines.push(formatScoreLine(grader.score()));
  return lines;
}

/** The cluster a lab asks for, as Session.create takes it (nothing: controlplane and node01). */
export function labTopology(lab: Pick<Lab, 'cluster'> | undefined): TopologyOptions {
  const cluster = lab?.cluster;
  if (!cluster) return {};
  const size = (s: { cpu?: string; memory?: string; pods?: number } | undefined) =>
    s ? { ...(s.cpu !== undefined ? { cpu: s.cpu } : {}), ...(s.memory !== undefined ? { memory: s.memory } : {}), ...(s.pods !== undefined ? { pods: s.pods } : {}) } : undefined;
  const workerSize = size(cluster.workerSize);
  const controlPlaneSize = size(cluster.controlPlaneSize);
  return {
    ...(cluster.workerNodes !== undefined ? { workerNodes: cluster.workerNodes } : {}),
    ...(workerSize ? { workerSize } : {}),
    ...(controlPlaneSize ? { controlPlaneSize } : {}),
  };
}
