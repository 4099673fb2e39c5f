import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const files = { '/root/d/a': 'a\n', '/root/d/sub/b': 'b\n', '/root/d3': 'x\n' };

// Expected outputs recorded from GNU tar 1.34; busybox's from busybox 1.36 archival/tar.c.
describe('tar', () => {
  const cases: { name: string; line: string; out: string; code?: number; userland?: 'gnu' | 'busybox' }[] = [
    { name: 'lists what it archived, directories first', line: 'tar cf - d | tar tf - | sort', out: 'd/\nd/a\nd/sub/\nd/sub/b\n' },
    { name: 'strips the leading slash with a notice', line: 'tar cf - /root/d3 | tar tf -', out: "tar: Removing leading `/' from member names\nroot/d3\n" },
    { name: 'busybox words the notice its own way', line: 'tar cf - /root/d3 | tar tf -', out: "tar: removing leading '/' from member names\nroot/d3\n", userland: 'busybox' },
    { name: 'extracts into -C with -v listing', line: 'tar cf - d3 | tar xvf - -C d && cat d/d3', out: 'd3\nx\n' },
    { name: 'extracts as kubectl cp asks', line: 'tar cf - d | tar -xmf - -C d && cat d/d/sub/b', out: 'b\n' },
    { name: 'no-same-permissions and no-same-owner are accepted', line: 'tar cf - d3 | tar --no-same-permissions --no-same-owner -xmf - -C d && cat d/d3', out: 'x\n' },
    {
      name: 'a missing -C directory',
      line: 'tar cf - d3 | tar xf - -C nodir',
      out: 'tar: nodir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n',
      code: 2,
    },
    {
      name: 'busybox, a missing -C directory',
      line: 'tar cf - d3 | tar xf - -C nodir',
      out: "tar: can't change directory to 'nodir': No such file or directory\n",
      code: 1,
      userland: 'busybox',
    },
    {
      name: 'a missing member still archives the rest',
      line: 'tar cf - d3 nofile | tar tf -',
      out: 'tar: nofile: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\nd3\n',
    },
    {
      name: 'busybox, a missing member',
      line: 'tar cf - nofile > /dev/null',
      out: 'tar: nofile: No such file or directory\ntar: error exit delayed from previous errors\n',
      code: 1,
      userland: 'busybox',
    },
    {
      name: 'an empty archive is refused',
      line: 'tar cf -',
      out: "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n",
      code: 2,
    },
    { name: 'archives to a file and lists one member', line: 'tar cf a.tar d && tar tf a.tar d/a', out: 'd/a\n' },
    {
      name: 'a member not in the archive',
      line: 'tar cf a.tar d3 && tar tf a.tar zz',
      out: 'tar: zz: Not found in archive\ntar: Exiting with failure status due to previous errors\n',
      code: 2,
    },
    {
      name: 'a missing archive file',
      line: 'tar tf nofile.tar',
      out: 'tar: nofile.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n',
      code: 2,
    },
    { name: 'an unknown option', line: 'tar xq', out: "tar: invalid option -- 'q'\nTry 'tar --help' or 'tar --usage' for more information.\n", code: 64 },
    {
      name: 'input that is not an archive',
      line: 'echo junk | tar xf -',
      out: 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n',
      code: 2,
    },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0, userland = 'gnu' }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files, userland })).toEqual({ out, code });
  });
});
