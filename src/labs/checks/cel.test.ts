import { describe, expect, it } from 'vitest';
import { celEvaluator, renderMessage } from './cel.ts';

describe('renderMessage', () => {
  const pod = { metadata: { name: 'webapp-color', labels: { run: 'webapp-color' } }, spec: { containers: [{ env: [{ name: 'APP_COLOR', value: 'pink' }] }] } };
  it.each([
    ['a plain sentence', 'pod is missing', 'pod is missing'],
    ['a string value', 'APP_COLOR is "{{ object.spec.containers[0].env[0].value }}"', 'APP_COLOR is "pink"'],
    ['a list', 'variables: {{ object.spec.containers[0].env.map(e, e.name) }}', 'variables: APP_COLOR'],
    ['a map', 'labels {{ object.metadata.labels }}', 'labels run=webapp-color'],
    ['a field that is not there', 'args {{ object.spec.containers[0].args }}', 'args (nothing)'],
  ])('%s', async (_, message, expected) => {
    expect(renderMessage(message, { object: pod }, await celEvaluator())).toBe(expected);
  });
});
