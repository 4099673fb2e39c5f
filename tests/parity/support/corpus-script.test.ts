import { describe, expect, it } from 'vitest';
import { parseParityScript, splitWords } from './corpus-script.ts';

describe('parseParityScript', () => {
  it('reads a lab script into kubectl lines, file preparations and clock moves', () => {
    const script = parseParityScript(
      [
        '@lab init-containers',
        '# a comment',
        'kubectl get pods',
        '@answer init-image busybox',
        "cat > red.yaml <<'YAML'",
        'kind: Pod',
        'YAML',
        'sleep 20',
        "kubectl describe pod blue | grep -A16 'Init Containers'",
        'kubectl get pod orange -o yaml > orange.yaml',
        "sed -i 's/a/b/' orange.yaml",
        'cat orange.yaml',
        './curl-test.sh | head -4',
        '@check',
      ].join('\n'),
    );
    expect(script).toEqual({
      lab: 'init-containers',
      steps: [
        { kind: 'kubectl', line: 'kubectl get pods', args: ['get', 'pods'] },
        { kind: 'shell', text: "cat > red.yaml <<'YAML'\nkind: Pod\nYAML" },
        { kind: 'advance', seconds: 20 },
        { kind: 'kubectl', line: 'kubectl describe pod blue', args: ['describe', 'pod', 'blue'] },
        { kind: 'kubectl', line: 'kubectl get pod orange -o yaml > orange.yaml', args: ['get', 'pod', 'orange', '-o', 'yaml'], redirect: 'orange.yaml' },
        { kind: 'shell', text: "sed -i 's/a/b/' orange.yaml" },
      ],
    });
  });
});

describe('splitWords', () => {
  const cases = [
    {
      name: 'single quotes keep everything',
      line: `kubectl get pods -o jsonpath='{.items[*].metadata.name}'`,
      words: ['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
    },
    { name: 'double quotes inside single quotes', line: `kubectl get pods -o jsonpath='{"\\t"}'`, words: ['kubectl', 'get', 'pods', '-o', 'jsonpath={"\\t"}'] },
    { name: 'escaped quote in double quotes', line: `echo "a \\"b\\" c"`, words: ['echo', 'a "b" c'] },
    { name: 'a quoted word joined to a bare one', line: `--type=json -p='[1]'`, words: ['--type=json', '-p=[1]'] },
  ];
  it.each(cases)('$name', ({ line, words }) => {
    expect(splitWords(line)).toEqual(words);
  });
});
