import { describe, expect, it } from 'vitest';
import type { Status } from '../../engine/api/client.ts';
import { VisitErrors } from './visit-errors.ts';

const exists: Status = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'pods "web" already exists',
  reason: 'AlreadyExists',
  details: { name: 'web', kind: 'pods' },
  code: 409,
};
const invalid: Status = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Pod "noimage" is invalid: spec.containers[0].image: Required value',
  reason: 'Invalid',
  details: { name: 'noimage', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] },
  code: 422,
};
const parse = 'error parsing broken.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key';
const crd = 'error validating "unknown-kind.yaml": error validating data: failed to check CRD';

const gizmo = (version: string) => `unable to recognize no matches for kind "Gizmo" in version "${version}"`;
const noApiVersion = `unable to get type info from the object "*unstructured.Unstructured": Object 'apiVersion' is missing in 'object has no apiVersion field'`;
const noKind = `unable to get type info from the object "*unstructured.Unstructured": Object 'Kind' is missing in 'object has no kind field '`;

// What kubectl v1.35.2 prints for `create -f .` and `apply -f a -f b` with failures.
const cases: { name: string; order: 'builder-first' | 'builder-last'; fill(e: VisitErrors): void; want: string }[] = [
  { name: 'nothing failed', order: 'builder-last', fill: () => {}, want: '' },
  { name: 'one parse error keeps its error: prefix', order: 'builder-last', fill: (e) => e.builder(parse), want: `error: ${parse}\n` },
  { name: 'several builder errors alone are one per line without prefix', order: 'builder-last', fill: (e) => (e.builder(parse), e.builder(crd)), want: `${parse}\n${crd}\n` },
  {
    name: 'one Invalid server error is rebuilt from its causes',
    order: 'builder-last',
    fill: (e) => e.server(invalid, 'creating', 'no-image.yaml'),
    want: 'The Pod "noimage" is invalid: spec.containers[0].image: Required value\n',
  },
  {
    name: 'server errors then the builder errors in brackets',
    order: 'builder-last',
    fill: (e) => (e.builder(parse), e.server(invalid, 'creating', 'no-image.yaml'), e.server(exists, 'creating', 'pod.yaml'), e.builder(crd)),
    want: `Error from server (Invalid): error when creating "no-image.yaml": ${invalid.message}\nError from server (AlreadyExists): error when creating "pod.yaml": ${exists.message}\n[${parse}, ${crd}]\n`,
  },
  {
    name: 'apply puts the builder error first',
    order: 'builder-first',
    fill: (e) => (e.server(exists, 'applying patch', 'pod.yaml'), e.builder(parse)),
    want: `${parse}\nError from server (AlreadyExists): error when applying patch "pod.yaml": ${exists.message}\n`,
  },
  {
    name: 'a plain error alone gets error:',
    order: 'builder-first',
    fill: (e) => e.plain('Server-side apply not available on the server: (x)'),
    want: 'error: Server-side apply not available on the server: (x)\n',
  },
  {
    name: 'repeated builder messages are printed once in brackets',
    order: 'builder-last',
    fill: (e) => (e.plain('boom'), e.builder(parse), e.builder(parse)),
    want: `boom\n${parse}\n`,
  },
  {
    name: 'one List item that cannot be typed prints alone without prefix',
    order: 'builder-last',
    fill: (e) => e.builder(noApiVersion, 1),
    want: `${noApiVersion}\n`,
  },
  {
    name: "a List's unmapped items print one per line",
    order: 'builder-last',
    fill: (e) => (e.builder(gizmo('v1'), 1), e.builder(gizmo('example.com/v1'), 1)),
    want: `${gizmo('v1')}\n${gizmo('example.com/v1')}\n`,
  },
  {
    name: "two Lists' items: one line each, several in brackets",
    order: 'builder-last',
    fill: (e) => (e.builder(gizmo('v1'), 1), e.builder(gizmo('example.com/v1'), 1), e.builder(noKind, 2)),
    want: `[${gizmo('v1')}, ${gizmo('example.com/v1')}]\n${noKind}\n`,
  },
  {
    name: "a server error, then a List's items in brackets",
    order: 'builder-last',
    fill: (e) => (e.server(exists, 'creating', 'gizmo.yaml'), e.builder(gizmo('v1'), 1), e.builder(gizmo('example.com/v1'), 1)),
    want: `Error from server (AlreadyExists): error when creating "gizmo.yaml": ${exists.message}\n[${gizmo('v1')}, ${gizmo('example.com/v1')}]\n`,
  },
];

describe('VisitErrors', () => {
  it.each(cases)('$name', ({ order, fill, want }) => {
    const errors = new VisitErrors(order);
    fill(errors);
    expect(errors.print()).toBe(want);
  });
});
