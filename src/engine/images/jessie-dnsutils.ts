/**
 * The Kubernetes DNS-debugging image (test/images/jessie-dnsutils: Debian jessie plus `dnsutils`),
 * the one the "Debugging DNS Resolution" task runs as `dnsutils`. Its nslookup and dig are bind9
 * 9.9.5's (Debian 9.9.5-9+deb8u19, the version its dig prints).
 */
import type { ImageSpec } from './image.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

export const jessieDnsutils: ImageSpec = {
  repository: 'registry.k8s.io/e2e-test-images/jessie-dnsutils',
  tags: ['1.3'],
  entrypoint: [],
  // Debian's CMD, inherited.
  cmd: ['bash'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  workingDir: '/',
  binaries: [...COREUTILS_TOOLS, 'nslookup', 'dig'],
  userland: 'gnu',
  // Deviation (issue 13 §5): not measured from the registry; the order of a Debian image with dnsutils.
  sizeBytes: 112_813_425,
  stopsOnSigterm: false,
};
