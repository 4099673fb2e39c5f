/** Every generic tool program the shell ships (builtins live in the interpreter). */
import type { Command } from '../command.ts';
import { cat } from './cat.ts';
import { date } from './date.ts';
import { env, printenv } from './env.ts';
import { chmod, cp, hostname, mkdir, mv, rm, touch } from './file-tools.ts';
import { grep } from './grep.ts';
import { head, tail } from './head-tail.ts';
import { ls } from './ls.ts';
import { sleep } from './sleep.ts';
import { basename, dirname, seq, tee, uniq } from './text-tools.ts';
import { base64 } from './base64.ts';
import { cut } from './cut.ts';
import { tr } from './tr.ts';
import { sort } from './sort.ts';
import { wc } from './wc.ts';
import { sed } from './sed.ts';
import { awk } from './awk/awk.ts';
import { expr } from './expr.ts';
import { xargs } from './xargs.ts';
import { yes } from './yes.ts';
import { jq } from './jq.ts';
import { diff } from './diff.ts';
import { hexdump, od, xxd } from './byte-dumps.ts';
import { timeout } from './timeout.ts';
import { openssl } from './openssl.ts';
import { less, more } from './pagers.ts';
import { watch } from './watch.ts';
import { yq } from './yq.ts';
import { tar } from './tar.ts';

export function toolCommands(): Command[] {
  return [
    cat,
    ls,
    grep,
    head,
    tail,
    wc,
    sleep,
    env,
    printenv,
    date,
    sort,
    uniq,
    cut,
    tr,
    base64,
    seq,
    tee,
    basename,
    dirname,
    mkdir,
    rm,
    touch,
    cp,
    mv,
    chmod,
    hostname,
    sed,
    awk,
    expr,
    xargs,
    yes,
    jq,
    diff,
    hexdump,
    xxd,
    od,
    timeout,
    openssl,
    less,
    more,
    watch,
    yq,
    tar,
  ];
}
