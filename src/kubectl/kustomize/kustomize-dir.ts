/** What kubectl does with a kustomization directory argument (`kubectl kustomize DIR`, `-k DIR`). */
import type { KubeObject } from '../../engine/api/client.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import type { CommandContext } from '../../shell/command.ts';
import { KubectlError } from '../errors.ts';
import { buildKustomization, cleanPath } from './build.ts';
import { KustomizeError } from './kustomize-error.ts';

/** The built objects and kustomize's warnings; a build failure as kubectl prints it. */
export function kustomizeDirectory(ctx: CommandContext, dir: string): { objects: KubeObject[]; warnings: string[] } {
  try {
    return buildKustomization(ctx.fs, cleanPath(resolvePath(ctx.cwd, dir)), dir);
  } catch (error) {
    if (error instanceof KustomizeError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
}
