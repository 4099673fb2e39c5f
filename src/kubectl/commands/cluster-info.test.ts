import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Expected outputs are the real kubectl v1.35.2's against `cka-lab serve`, with the session's server URL.
describe('kubectl cluster-info and api-versions', () => {
  it('prints the control plane and the cluster services', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl cluster-info')).toEqual({
      stdout: [
        'Kubernetes control plane is running at https://controlplane:6443',
        'CoreDNS is running at https://controlplane:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy',
        '',
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('prints only the hint when the server cannot be reached', async () => {
    const session = await newSession();
    expect(await runLine(session, 'KUBECONFIG=/none kubectl cluster-info')).toEqual({
      stdout: "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      code: 1,
    });
  });

  it('lists the served group versions', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl api-versions')).toEqual({
      stdout: 'apiextensions.k8s.io/v1\napps/v1\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\npolicy/v1\nscheduling.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'KUBECONFIG=/none kubectl api-versions')).toEqual({
      stdout: '',
      stderr: 'error: couldn\'t get available api versions from server: Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused\n',
      code: 1,
    });
  });

  // The simulated cluster serves no ReplicationControllers yet (issue 13): the dump stops there, as
  // the real kubectl's does against the same server, after writing the nodes and the events.
  it('dumps into a folder until a list the server refuses', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl cluster-info dump --output-directory=/root/dump')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      code: 1,
    });
    expect((await runLine(session, 'ls -1 /root/dump; ls -1 /root/dump/kube-system')).stdout).toBe('kube-system\nnodes.json\nevents.json\n');
  });

  // The real kubectl v1.35.2: os.MkdirAll names the part of the path that is a file (fuzz seed 20261380).
  it.each([
    ['the folder is a file', 'kubectl cluster-info dump --output-directory /root/afile'],
    ['a folder under a file', 'kubectl cluster-info dump --output-directory /root/afile/sub'],
    ['after a flag that took the next word', 'kubectl cluster-info dump --namespaces --request-timeout=a=b --output-directory /root/afile'],
  ])('refuses a folder that cannot be made: %s', async (_, line) => {
    const session = await newSession();
    await runLine(session, 'touch /root/afile');
    expect(await runLine(session, line)).toEqual({ stdout: '', stderr: 'error: mkdir /root/afile: not a directory\n', code: 1 });
  });
});
