import { describe, expect, it } from 'vitest';
import { readSavedClock, readSavedDrafts, readSavedLab, SAVE_FORMAT } from './saved-lab.ts';

const progress = { labId: 'rolling-updates', passed: ['current-color'], answers: { 'current-color': 'blue' }, captures: {} };
const file = { content: 'apiVersion: v1\n', mode: 0o644 };
const journal = { version: 1, seed: 7, startTimeMs: 1000, base: { files: {} }, entries: [{ kind: 'check', atMs: 1000, seq: 0 }] };
const sound = { format: SAVE_FORMAT, progress, files: { '/root/pod.yaml': file }, clockMs: 5000, journal };
const empty = { labId: 'rolling-updates', passed: [], answers: {}, captures: {} };

describe('readSavedLab', () => {
  it.each([
    ['a sound save', sound, { saved: sound, lost: [] }],
    ['a save from before formats and clocks were kept', { progress, files: {} }, { saved: { format: SAVE_FORMAT, progress, files: {} }, lost: [] }],
    ['a null file entry', { ...sound, files: { '/root/a.yaml': null, '/root/pod.yaml': file } }, { saved: sound, lost: ['the file /root/a.yaml'] }],
    [
      'a file saved as a plain string',
      { ...sound, files: { '/root/pod.yaml': 'apiVersion: v1\n' } },
      { saved: { ...sound, files: { '/root/pod.yaml': { content: 'apiVersion: v1\n', mode: 0o644 } } }, lost: [] },
    ],
    ['a file without content', { ...sound, files: { '/root/pod.yaml': file, '/root/b': { mode: 420 } } }, { saved: sound, lost: ['the file /root/b'] }],
    ['a file outside /root', { ...sound, files: { '/root/pod.yaml': file, '/etc/passwd': file } }, { saved: sound, lost: ['the file /etc/passwd'] }],
    ['a file with a mode that is not one', { ...sound, files: { '/root/pod.yaml': file, '/root/c': { content: '', mode: '644' } } }, { saved: sound, lost: ['the file /root/c'] }],
    [
      'progress without its passed steps',
      { ...sound, progress: { labId: 'rolling-updates', answers: {}, captures: {} } },
      { saved: { ...sound, progress: empty }, lost: ['your lab progress'] },
    ],
    [
      'progress of another lab',
      { ...sound, progress: { ...progress, labId: 'other' } },
      { saved: { ...sound, progress: empty }, lost: ['your lab progress (it belonged to another lab)'] },
    ],
    ['files that are not a map', { ...sound, files: ['x'] }, { saved: { ...sound, files: {} }, lost: ['your files'] }],
    [
      'a journal with unreadable entries',
      { ...sound, journal: { ...journal, entries: 'garbage' } },
      { saved: { ...sound, journal: undefined }, lost: [], journalProblem: 'unreadable entries' },
    ],
    [
      'a journal whose starting files hold a null',
      { ...sound, journal: { ...journal, base: { files: { '/root/a': null } } } },
      { saved: { ...sound, journal: undefined }, lost: [], journalProblem: 'unreadable starting files' },
    ],
    ['a clock that is not a number', { ...sound, clockMs: 'soon' }, { saved: { ...sound, clockMs: undefined }, lost: [] }],
    ['a save from a newer version', { ...sound, format: SAVE_FORMAT + 1 }, { saved: sound, lost: [], newer: true }],
    ['a newer save this version cannot read', { format: SAVE_FORMAT + 1, state: {} }, { lost: ['your lab progress', 'your files'], newer: true }],
    ['null', null, { lost: ['your saved work'] }],
    ['a string', 'progress', { lost: ['your saved work'] }],
    ['an object with none of the fields', {}, { lost: ['your lab progress', 'your files'] }],
  ])('%s', (_name, value, expected) => {
    const read = readSavedLab(value, 'rolling-updates');
    // structuredClone drops the undefined fields the table spells out for readability.
    expect(read).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('reads free play, whose progress names no lab', () => {
    const free = { labId: '', passed: [], answers: {}, captures: {} };
    expect(readSavedLab({ progress: free, files: { '/root/x': file } }, '')).toEqual({ saved: { format: SAVE_FORMAT, progress: free, files: { '/root/x': file } }, lost: [] });
  });
});

describe('readSavedClock', () => {
  it.each([
    [{ clockMs: 12 }, { clockMs: 12 }],
    [
      { clockMs: 12, playing: false, speed: 5 },
      { clockMs: 12, playing: false, speed: 5 },
    ],
    [{ clockMs: 12, playing: 'no', speed: -1 }, { clockMs: 12 }],
    [{ clockMs: null }, undefined],
    [null, undefined],
    [{ clockMs: Number.NaN }, undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(readSavedClock(value)).toEqual(expected);
  });
});

describe('readSavedDrafts', () => {
  it.each([
    ['no drafts saved', undefined, { drafts: {}, lost: [] }],
    ['sound drafts', { '/root/pod.yaml': 'kind: Pod\n' }, { drafts: { '/root/pod.yaml': 'kind: Pod\n' }, lost: [] }],
    [
      'a draft that is not text',
      { '/root/pod.yaml': 'kind: Pod\n', '/root/b.yaml': null },
      { drafts: { '/root/pod.yaml': 'kind: Pod\n' }, lost: ['your unsaved text in /root/b.yaml'] },
    ],
    ['a draft under a relative path', { 'pod.yaml': 'x' }, { drafts: {}, lost: ['your unsaved text in pod.yaml'] }],
    ['drafts that are not a map', ['x'], { drafts: {}, lost: ['your unsaved editor text'] }],
  ])('%s', (_name, value, expected) => {
    expect(readSavedDrafts(value)).toEqual(expected);
  });
});
