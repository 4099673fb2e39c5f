import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: pools.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: pools, singular: pool, kind: Pool}
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale: {specReplicasPath: .spec.size, statusReplicasPath: .status.size, labelSelectorPath: .status.selector}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer}}}
          status: {type: object, properties: {size: {type: integer}, selector: {type: string}}}
`;
const POOL = 'apiVersion: example.com/v1\nkind: Pool\nmetadata:\n  name: p1\nspec: {size: 1}\nstatus: {size: 5}\n';

describe('a custom resource with status and scale subresources', () => {
  it('drops status on create and scales through the declared paths', async () => {
    const session = await newSession();
    await runLine(session, `cat > crd.yaml <<'EOF'\n${CRD}EOF`);
    await runLine(session, `cat > pool.yaml <<'EOF'\n${POOL}EOF`);
    await runLine(session, 'kubectl apply -f crd.yaml');
    await runLine(session, 'kubectl apply -f pool.yaml');
    expect(await runLine(session, "kubectl get pool p1 -o jsonpath='{.status}'")).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(await runLine(session, 'kubectl scale pool p1 --replicas=3')).toEqual({ stdout: 'pool.example.com/p1 scaled\n', stderr: '', code: 0 });
    expect(await runLine(session, "kubectl get pool p1 -o jsonpath='{.spec.size} {.metadata.generation}'")).toEqual({ stdout: '3 2', stderr: '', code: 0 });
    expect(await runLine(session, 'kubectl get pools.example.com p1 --subresource=scale -o jsonpath={.spec.replicas}')).toEqual({ stdout: '3', stderr: '', code: 0 });
  });
});
