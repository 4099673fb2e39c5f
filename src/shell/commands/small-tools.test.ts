import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';
import { newSession, runLine } from '../../../tests/support/session.ts';

const files = { '/root/d1': 'a\nb\n', '/root/d3': 'x\n' };
const TIMEOUT_TRY = "Try 'timeout --help' for more information.\n";

// Expected outputs recorded from GNU coreutils 9 timeout, OpenSSL 3.0, less 590 and util-linux 2.38 more.
describe('openssl rand, less and more', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'openssl rand -hex', line: 'openssl rand -hex 4 | wc -c', out: '9\n' },
    { name: 'openssl rand -base64 12', line: 'openssl rand -base64 12 | wc -c', out: '17\n' },
    { name: 'openssl rand -base64 wraps at 64', line: 'openssl rand -base64 60 | wc -l', out: '2\n' },
    { name: 'openssl rand with a bad number', line: 'openssl rand -base64 x', out: 'rand: Can\'t parse "x" as a number\nrand: Use -help for summary.\n', code: 1 },
    { name: 'openssl with an unknown command', line: 'openssl nope', out: 'Invalid command \'nope\'; type "help" for a list.\n', code: 1 },
    { name: 'less copies to a pipe', line: 'less d1 | cat', out: 'a\nb\n' },
    { name: 'less with a long option', line: 'less --chop-long-lines d1 | cat', out: 'a\nb\n' },
    { name: 'less with an unknown long option', line: 'less --foo d1 | cat', out: 'There is no foo option ("less --help" for help)\na\nb\n' },
    { name: 'more banners several files', line: 'more d1 d3 | cat', out: '::::::::::::::\nd1\n::::::::::::::\na\nb\n::::::::::::::\nd3\n::::::::::::::\nx\n' },
    { name: 'less, a missing file', line: 'less nofile', out: 'nofile: No such file or directory\n' },
    { name: 'more, a missing file', line: 'more nofile', out: 'more: cannot open nofile: No such file or directory\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code });
  });
});

// timeout needs a clock that moves: a whole session's.
describe('timeout', async () => {
  const session = await newSession();
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'timeout stops a long command', line: 'timeout 1 sleep 5', out: '', code: 124 },
    { name: 'timeout keeps the status of a quick one', line: "timeout 2 sh -c 'exit 3'", out: '', code: 3 },
    { name: 'timeout passes the output through', line: 'timeout 5 echo hi', out: 'hi\n' },
    { name: 'timeout without a command', line: 'timeout 1', out: TIMEOUT_TRY, code: 125 },
    { name: 'timeout with a bad interval', line: 'timeout x sleep 1', out: `timeout: invalid time interval 'x'\n${TIMEOUT_TRY}`, code: 125 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const { stdout, stderr, code: status } = await runLine(session, line);
    expect({ out: stdout + stderr, code: status }).toEqual({ out, code });
  });
});
