import { describe, expect, it } from 'vitest';
import { decodeKubeconfig, kubeconfigYaml } from './kubeconfig-document.ts';

// Expected sentences are the real kubectl v1.35.2's (`kubectl --kubeconfig f config view`), after `error loading config file "f": `.
describe('decodeKubeconfig', () => {
  it.each([
    {
      name: 'a scalar document',
      text: 'hello\n',
      error:
        'couldn\'t get version/kind; json parse error: json: cannot unmarshal string into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    },
    { name: 'clusters not a list', text: 'clusters: 5\n', error: 'json: cannot unmarshal number into Go struct field Config.clusters of type []v1.NamedCluster' },
    { name: 'users as a map', text: 'users: {}\n', error: 'json: cannot unmarshal object into Go struct field Config.users of type []v1.NamedAuthInfo' },
    {
      name: 'a number as server',
      text: 'clusters:\n- name: a\n  cluster:\n    server: 5\n',
      error: 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.server of type string',
    },
    {
      name: 'a number as cluster',
      text: 'clusters:\n- name: a\n  cluster: 5\n',
      error: 'json: cannot unmarshal number into Go struct field NamedCluster.clusters.cluster of type v1.Cluster',
    },
    {
      name: 'a list as namespace',
      text: 'contexts:\n- name: a\n  context:\n    namespace: [1]\n',
      error: 'json: cannot unmarshal array into Go struct field Context.contexts.context.namespace of type string',
    },
    { name: 'a number as current context', text: 'current-context: 5\n', error: 'json: cannot unmarshal number into Go struct field Config.current-context of type string' },
    { name: 'another kind', text: 'kind: Pod\n', error: 'no kind "Pod" is registered for version "v1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"' },
    {
      name: 'another version',
      text: 'apiVersion: v2\n',
      error: 'no kind "Config" is registered for version "v2" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"',
    },
    {
      name: 'certificate data not base64',
      text: 'clusters:\n- name: a\n  cluster:\n    certificate-authority-data: "!!notbase64"\n',
      error: 'illegal base64 data at input byte 0',
    },
    { name: 'an unclosed flow sequence', text: 'apiVersion: v1\nclusters:\n- cluster:\n  server: [\n', error: 'yaml: line 4: did not find expected node content' },
    { name: 'a nested mapping in a compact one', text: 'a: b\n  c: d\n', error: 'yaml: line 2: mapping values are not allowed in this context' },
    { name: 'an unclosed quote', text: 'a: "x\n', error: 'yaml: line 2: found unexpected end of stream' },
    { name: 'a tab as indentation', text: '\tfoo: 1\n', error: 'yaml: found character that cannot start any token' },
  ])('refuses $name', ({ text, error }) => {
    expect(() => decodeKubeconfig(text)).toThrow(error);
  });

  it('reads an empty file as an empty configuration', () => {
    expect(kubeconfigYaml(decodeKubeconfig(''))).toBe('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\nusers: null\n');
  });
});

describe('kubeconfigYaml', () => {
  const text = [
    'apiVersion: v1',
    'clusters:',
    '- cluster: {}',
    '  name: e',
    'contexts:',
    '- context: {}',
    '  name: c',
    'users:',
    '- name: bob',
    '  user:',
    '    token: abc',
    '    password: p',
    '    client-key-data: YWJj',
    'preferences: {}',
    '',
  ].join('\n');

  it('redacts secrets and keeps the fields Go writes without omitempty', () => {
    expect(kubeconfigYaml(decodeKubeconfig(text), { redact: true })).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    server: ""',
        '  name: e',
        'contexts:',
        '- context:',
        '    cluster: ""',
        '    user: ""',
        '  name: c',
        'current-context: ""',
        'kind: Config',
        'users:',
        '- name: bob',
        '  user:',
        '    client-key-data: DATA+OMITTED',
        '    password: REDACTED',
        '    token: REDACTED',
        '',
      ].join('\n'),
    );
  });
});
