/**
 * hostPath volumes: the node's own filesystem, shared by every pod on the node. The type check
 * follows pkg/volume/hostpath (checkTypeInternal): `DirectoryOrCreate` and `FileOrCreate` create
 * what is missing, the other types fail SetUp with `hostPath type check failed: … is not a …`.
 */
import { FsError, type FileSystem } from '../../../lib/file-system.ts';

/** Special files every node has; the simulated filesystem cannot hold sockets or devices. */
const SOCKETS = new Set(['/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock']);
const CHAR_DEVICES = new Set(['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/kmsg', '/dev/fuse']);
const BLOCK_DEVICES = new Set(['/dev/sda', '/dev/sda1', '/dev/vda', '/dev/vda1']);

const isDir = (fs: FileSystem, path: string) => fs.exists(path) && fs.stat(path).kind === 'directory';
const isFile = (fs: FileSystem, path: string) => fs.exists(path) && fs.stat(path).kind === 'file';

/** Sets the path up on the node; returns the SetUp error, if any. */
export function setUpHostPath(fs: FileSystem, path: string, type: string | undefined): string | undefined {
  if (path.split('/').includes('..')) return `invalid HostPath \`${path}\`: must not contain '..'`;
  switch (type ?? '') {
    case '':
      // No check; the runtime creates a missing source directory when it bind-mounts it.
      if (!fs.exists(path)) fs.mkdir(path, { recursive: true });
      return undefined;
    case 'DirectoryOrCreate':
      if (!fs.exists(path)) fs.mkdir(path, { recursive: true });
      return isDir(fs, path) ? undefined : `hostPath type check failed: ${path} is not a directory`;
    case 'Directory':
      return isDir(fs, path) ? undefined : `hostPath type check failed: ${path} is not a directory`;
    case 'FileOrCreate':
      if (!fs.exists(path)) {
        try {
          fs.writeFile(path, '');
        } catch (error) {
          if (error instanceof FsError) return `open ${path}: ${error.code === 'ENOENT' ? 'no such file or directory' : 'not a directory'}`;
          throw error;
        }
      }
      return isFile(fs, path) ? undefined : `hostPath type check failed: ${path} is not a file`;
    case 'File':
      return isFile(fs, path) ? undefined : `hostPath type check failed: ${path} is not a file`;
    case 'Socket':
      return SOCKETS.has(path) ? undefined : `hostPath type check failed: ${path} is not a socket file`;
    case 'CharDevice':
      return CHAR_DEVICES.has(path) ? undefined : `hostPath type check failed: ${path} is not a character device`;
    case 'BlockDevice':
      return BLOCK_DEVICES.has(path) ? undefined : `hostPath type check failed: ${path} is not a block device`;
    default:
      return `${type} is an invalid volume type`;
  }
}

/** What a fresh node's root holds before any pod runs. */
export function seedNodeFileSystem(fs: FileSystem, nodeName: string): void {
  for (const dir of [
    '/etc/kubernetes/manifests',
    '/etc/cni/net.d',
    '/opt/cni/bin',
    '/root',
    '/tmp',
    '/var/lib/kubelet',
    '/var/log/containers',
    '/var/log/pods',
    '/usr/bin',
    '/run/containerd',
    '/var/run',
    '/dev',
  ]) {
    fs.mkdir(dir, { recursive: true });
  }
  fs.writeFile('/etc/hostname', `${nodeName}\n`);
  fs.writeFile('/etc/os-release', 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nID=ubuntu\n');
}
