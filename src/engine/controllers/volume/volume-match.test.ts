/** Ported from pkg/controller/volume/persistentvolume/index_test.go (same volumes, claims and expectations). */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { findMatchingVolume } from './volume-match.ts';

function volume(name: string, size: string, accessModes: string[], extra: Partial<NonNullable<PersistentVolume['spec']>> = {}, phase = 'Available'): PersistentVolume {
  return { metadata: { name }, spec: { capacity: { storage: size }, accessModes, volumeMode: 'Filesystem', ...extra }, status: { phase } };
}

function claim(size: string, accessModes: string[]): PersistentVolumeClaim {
  return { metadata: { name: 'claim01', namespace: 'myns', uid: 'claim-uid' }, spec: { accessModes, resources: { requests: { storage: size } }, volumeMode: 'Filesystem' } };
}

describe('findMatchingVolume', () => {
  it('TestMatchingWithBoundVolumes: skips the bound one of two similar volumes', () => {
    const pv1 = volume('gce001', '1G', ['ReadWriteOnce', 'ReadOnlyMany'], { claimRef: { uid: 'abc123' } }, 'Bound');
    const pv2 = volume('gce002', '1G', ['ReadWriteOnce', 'ReadOnlyMany']);
    expect(findMatchingVolume(claim('1G', ['ReadOnlyMany', 'ReadWriteOnce']), [pv1, pv2])?.metadata?.name).toBe('gce002');
  });

  describe('TestFindingVolumeWithDifferentAccessModes', () => {
    const gce = () => volume('gce', '10G', ['ReadWriteOnce', 'ReadOnlyMany']);
    const ebs = () => volume('ebs', '10G', ['ReadWriteOnce']);
    const nfs = () => volume('nfs', '10G', ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany']);
    const cases: { name: string; modes: string[]; volumes: PersistentVolume[]; want: string }[] = [
      { name: 'exact modes', modes: ['ReadWriteOnce'], volumes: [gce(), ebs(), nfs()], want: 'ebs' },
      { name: 'two modes', modes: ['ReadWriteOnce', 'ReadOnlyMany'], volumes: [gce(), ebs(), nfs()], want: 'gce' },
      { name: 'order of the requested modes should not matter', modes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'], volumes: [gce(), ebs(), nfs()], want: 'nfs' },
      { name: 'fewer modes requested should still match', modes: ['ReadWriteMany'], volumes: [gce(), ebs(), nfs()], want: 'nfs' },
      {
        name: 'pretend the exact match is bound',
        modes: ['ReadWriteOnce'],
        volumes: [gce(), volume('ebs', '10G', ['ReadWriteOnce'], { claimRef: {} }), nfs()],
        want: 'gce',
      },
      {
        name: 'continue up the levels of modes',
        modes: ['ReadWriteOnce'],
        volumes: [volume('gce', '10G', ['ReadWriteOnce', 'ReadOnlyMany'], { claimRef: {} }), volume('ebs', '10G', ['ReadWriteOnce'], { claimRef: {} }), nfs()],
        want: 'nfs',
      },
      { name: 'partial mode request', modes: ['ReadOnlyMany'], volumes: [gce(), volume('ebs', '10G', ['ReadWriteOnce'], { claimRef: {} }), nfs()], want: 'gce' },
    ];
    it.each(cases)('$name', ({ modes, volumes, want }) => {
      expect(findMatchingVolume(claim('1G', modes), volumes)?.metadata?.name).toBe(want);
    });
  });

  it('prefers a volume pre-bound to the claim by name', () => {
    const small = volume('small', '1G', ['ReadWriteOnce']);
    const prebound = volume('prebound', '5G', ['ReadWriteOnce', 'ReadOnlyMany'], { claimRef: { name: 'claim01', namespace: 'myns' } });
    expect(findMatchingVolume(claim('1G', ['ReadWriteOnce']), [small, prebound])?.metadata?.name).toBe('prebound');
  });

  it('finds nothing for a claim larger than every volume', () => {
    expect(findMatchingVolume(claim('999G', ['ReadWriteOnce']), [volume('gce', '10G', ['ReadWriteOnce'])])).toBeUndefined();
  });
});
