import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

// The real kubectl v1.35.2 against a served cluster, for a Node a manifest made (no kubelet, no
// status): sections with nothing in them are left out, missing System Info fields are empty.
const DESCRIBED = `Name:               fz-node
Roles:              <none>
Labels:             a=b
Annotations:        <none>
CreationTimestamp:  TIME
Taints:             <none>
Unschedulable:      false
Lease:              Failed to get lease: leases.coordination.k8s.io "fz-node" not found
Addresses:
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             
  OS Image:                   
  Operating System:           
  Architecture:               
  Container Runtime Version:  
  Kubelet Version:            
  Kube-Proxy Version:         
Non-terminated Pods:          (0 in total)
  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----    ------------  ----------  ---------------  -------------  ---
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests  Limits
  --------           --------  ------
  cpu                0 (0%)    0 (0%)
  memory             0 (0%)    0 (0%)
  ephemeral-storage  0 (0%)    0 (0%)
Events:              <none>
`;

describe('kubectl describe node', () => {
  beforeAll(() => newSession(), 60_000);

  it('describes a Node without status as kubectl does (fuzz seed 20261405)', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/node.yaml`, 'apiVersion: v1\nkind: Node\nmetadata:\n  name: fz-node\n  labels:\n    a: b\n');
    await runLine(session, 'kubectl apply -f node.yaml');
    const { stdout, stderr, code } = await runLine(session, 'kubectl describe node fz-node');
    expect({ stdout: stdout.replace(/(CreationTimestamp: {2}).*/, '$1TIME'), stderr, code }).toEqual({ stdout: DESCRIBED, stderr: '', code: 0 });
  });
});
