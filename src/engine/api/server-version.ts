/** What the simulated kube-apiserver answers on GET /version. */
import { KUBERNETES_VERSION } from '../cluster-topology.ts';
import type { VersionInfo } from './client.ts';

/**
 * The build facts are those of the upstream release the simulation follows (the kubectl v1.35.2
 * release binaries carry the same commit and Go toolchain); emulation and compatibility are what a
 * kube-apiserver reports when it emulates its own version.
 */
export function serverVersionInfo(): VersionInfo {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.') as [string, string];
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: KUBERNETES_VERSION,
    gitCommit: 'fdc9d74cbf2da6754ebf81d56f80ae2948cd6425',
    gitTreeState: 'clean',
    buildDate: '2026-02-26T20:05:34Z',
    goVersion: 'go1.25.7',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
