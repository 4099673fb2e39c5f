/**
 * How a tool words its failures depends on the userland it belongs to: GNU coreutils, grep and sed
 * on the controlplane host and in Debian-, Ubuntu- or CentOS-based images; busybox applets in
 * busybox- and Alpine-based images, which share libbb's few forms (`can't open '%s'`, `%s: %m`).
 * Wordings were read off GNU coreutils 9 / grep 3 / sed 4 and busybox 1.35/1.36 runs.
 */
import { FsError } from '../../lib/file-system.ts';
import type { Userland } from '../command.ts';
import { fsMessage } from '../interpreter/fs-message.ts';

/** What a read of FILE that failed prints, and whether the tool counts it as a failure. */
export interface ReadFailure {
  /** The whole stderr line, or undefined when the tool says nothing (busybox grep on a directory). */
  message?: string;
  failed: boolean;
}

/** busybox applets that open their inputs with open_or_warn (`can't open 'x'`) rather than fopen_or_warn (`x: …`). */
const BUSYBOX_CANT_OPEN = new Set(['cat', 'tail', 'uniq']);
/** busybox applets that read a directory as an empty input, silently. */
const BUSYBOX_SILENT_ON_DIRECTORY = new Set(['grep', 'sort', 'cut', 'sed', 'awk']);

export function readFailure(userland: Userland, program: string, file: string, error: unknown): ReadFailure {
  const reason = fsMessage(error);
  const isDirectory = error instanceof FsError && error.code === 'EISDIR';
  if (userland === 'busybox') {
    if (isDirectory) {
      if (BUSYBOX_SILENT_ON_DIRECTORY.has(program)) return { failed: false };
      if (program === 'cat' || program === 'tail' || program === 'base64') return { message: `${program}: read error: ${reason}`, failed: true };
      if (program === 'head') return { message: `head: ${file}: Input/output error`, failed: true };
      if (program === 'uniq') return { message: `uniq: ${file}: I/O error`, failed: true };
      return { message: `${program}: ${file}: ${reason}`, failed: true };
    }
    if (BUSYBOX_CANT_OPEN.has(program)) return { message: `${program}: can't open '${file}': ${reason}`, failed: true };
    return { message: `${program}: ${file}: ${reason}`, failed: true };
  }
  if (isDirectory) {
    if (program === 'head' || program === 'tail') return { message: `${program}: error reading '${file}': ${reason}`, failed: true };
    if (program === 'sort') return { message: `sort: read failed: ${file}: ${reason}`, failed: true };
    if (program === 'sed') return { message: `sed: read error on ${file}: ${reason}`, failed: true };
    if (program === 'base64') return { message: `base64: read error: ${reason}`, failed: true };
    if (program === 'uniq') return { message: `uniq: error reading '${file}'`, failed: true };
    return { message: `${program}: ${file}: ${reason}`, failed: true };
  }
  if (program === 'head' || program === 'tail') return { message: `${program}: cannot open '${file}' for reading: ${reason}`, failed: true };
  if (program === 'sort') return { message: `sort: cannot read: ${file}: ${reason}`, failed: true };
  if (program === 'sed') return { message: `sed: can't read ${file}: ${reason}`, failed: true };
  return { message: `${program}: ${file}: ${reason}`, failed: true };
}

/** `ls FILE` for a FILE that is not there, and ls's exit status then. */
export function lsMissing(userland: Userland, file: string): { message: string; status: number } {
  return userland === 'busybox'
    ? { message: `ls: ${file}: No such file or directory`, status: 1 }
    : { message: `ls: cannot access '${file}': No such file or directory`, status: 2 };
}

/** The file tools (rm, mkdir, touch, cp, mv, chmod) when FILE cannot be acted on. */
export function fileToolFailure(userland: Userland, tool: 'rm' | 'rm-directory' | 'mkdir' | 'touch' | 'cp' | 'mv' | 'chmod', file: string, reason: string): string {
  const gnu = userland === 'gnu';
  switch (tool) {
    case 'rm':
      return gnu ? `rm: cannot remove '${file}': ${reason}` : `rm: can't remove '${file}': ${reason}`;
    case 'rm-directory':
      return gnu ? `rm: cannot remove '${file}': Is a directory` : `rm: '${file}' is a directory`;
    case 'mkdir':
      return gnu ? `mkdir: cannot create directory '${file}': ${reason}` : `mkdir: can't create directory '${file}': ${reason}`;
    case 'touch':
      return gnu ? `touch: cannot touch '${file}': ${reason}` : `touch: ${file}: ${reason}`;
    case 'cp':
      return gnu ? `cp: cannot stat '${file}': ${reason}` : `cp: can't stat '${file}': ${reason}`;
    case 'mv':
      return gnu ? `mv: cannot stat '${file}': ${reason}` : `mv: can't rename '${file}': ${reason}`;
    case 'chmod':
      return gnu ? `chmod: cannot access '${file}': ${reason}` : `chmod: ${file}: ${reason}`;
  }
}

/** A number argument a tool could not parse (`sleep abc`, `head -n z`). */
export function invalidNumber(userland: Userland, tool: 'sleep' | 'head' | 'tail', value: string): string {
  if (userland === 'busybox') return `${tool}: invalid number '${value}'`;
  return tool === 'sleep' ? `sleep: invalid time interval '${value}'\nTry 'sleep --help' for more information.` : `${tool}: invalid number of lines: '${value}'`;
}
