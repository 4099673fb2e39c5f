/** The shell tools common base images ship. */
export const BUSYBOX_TOOLS = [
  'sh', 'ash', 'sleep', 'echo', 'cat', 'env', 'printenv', 'wget', 'nslookup', 'ls', 'grep', 'head', 'tail', 'date',
  'hostname', 'true', 'false', 'test', '[', 'pwd', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'wc', 'sort', 'uniq', 'cut', 'tr',
  'sed', 'awk', 'seq', 'tee', 'xargs', 'yes', 'basename', 'dirname', 'chmod', 'ps', 'kill', 'id', 'whoami', 'uname', 'base64',
  'printf', 'expr', 'find', 'du', 'df', 'vi', 'nc', 'ping', 'timeout',
] as const;

export const COREUTILS_TOOLS = [
  'bash', 'sh', 'sleep', 'echo', 'cat', 'env', 'printenv', 'ls', 'grep', 'head', 'tail', 'date', 'hostname', 'true',
  'false', 'test', '[', 'pwd', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'wc', 'sort', 'uniq', 'cut', 'tr', 'sed', 'awk', 'seq',
  'tee', 'xargs', 'yes', 'basename', 'dirname', 'chmod', 'ps', 'kill', 'id', 'whoami', 'uname', 'base64', 'printf', 'expr',
  'find', 'du', 'df', 'timeout',
] as const;

/** python:alpine images: busybox applets next to the interpreter. */
export const PYTHON_ALPINE_TOOLS = [
  'sh', 'ash', 'sleep', 'echo', 'cat', 'env', 'printenv', 'ls', 'grep', 'head', 'tail', 'date', 'hostname', 'wget', 'nslookup',
  'true', 'false', 'ps', 'pwd', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'wc', 'sort', 'uniq', 'cut', 'tr', 'sed', 'awk', 'tee', 'test', '[',
  'id', 'whoami', 'uname', 'find', 'du', 'df', 'kill', 'base64', 'printf', 'expr', 'vi',
] as const;
