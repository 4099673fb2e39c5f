import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../../tests/support/session.ts';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer, default: 1}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
`;
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec: {}\n';

describe('the CustomResourceDefinition controller', () => {
  it('serves an Established CRD and stops serving it once deleted', async () => {
    const session = await newSession();
    await runLine(session, `cat > crd.yaml <<'EOF'\n${CRD}EOF`);
    await runLine(session, `cat > w.yaml <<'EOF'\n${WIDGET}EOF`);
    expect(await runLine(session, 'kubectl apply -f crd.yaml')).toEqual({
      stdout: 'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, "kubectl get crd widgets.example.com -o jsonpath='{.status.conditions[*].reason}'")).toEqual({
      stdout: 'NoConflicts InitialNamesAccepted',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl apply -f w.yaml')).toEqual({ stdout: 'widget.example.com/w1 created\n', stderr: '', code: 0 });
    expect(await runLine(session, 'kubectl get wd')).toEqual({ stdout: 'NAME   SIZE\nw1     1\n', stderr: '', code: 0 });
    expect(await runLine(session, 'kubectl delete crd widgets.example.com')).toEqual({
      stdout: 'customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted\n',
      stderr: '',
      code: 0,
    });
    expect(await runLine(session, 'kubectl get widgets')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\n', code: 1 });
  });
});
