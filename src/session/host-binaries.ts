/**
 * The controlplane's programs as files: Ubuntu 22.04 keeps them in /usr/bin, and its merged /usr
 * makes /bin the same directory, so `ls /bin`, `ls -l /usr/bin/kubectl` and `/usr/bin/ls -l` see
 * and run what `which` names. Only programs the session runs are listed: kubeadm, kubelet or crictl
 * would be files that answer nothing, so they stay `command not found` (issue 13 §5).
 * Deviation: /bin is a directory of its own here, not the symlink to usr/bin (no symlinks yet).
 */
import type { FileSystem } from '../lib/file-system.ts';
import type { CommandRegistry } from '../shell/command.ts';

const BIN_DIRECTORIES = ['/usr/bin', '/bin'];

/** Writes an executable file for each program in `registry` into the bin directories. */
export function installHostBinaries(fs: FileSystem, registry: CommandRegistry): void {
  for (const dir of BIN_DIRECTORIES) {
    fs.mkdir(dir, { recursive: true });
    for (const name of registry.names()) if (!fs.exists(`${dir}/${name}`)) fs.writeFile(`${dir}/${name}`, '', { mode: 0o755 });
  }
}

/** `registry`, where a path into a bin directory runs the program of that name while its file is there. */
export function hostBinaryRegistry(fs: FileSystem, registry: CommandRegistry): CommandRegistry {
  return {
    get: (name) => {
      const slash = name.lastIndexOf('/');
      if (slash < 0) return registry.get(name);
      if (!BIN_DIRECTORIES.includes(name.slice(0, slash)) || !fs.exists(name)) return undefined;
      return registry.get(name.slice(slash + 1));
    },
    names: () => registry.names(),
  };
}
