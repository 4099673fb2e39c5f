/** `kubectl config set-credentials`. Models kubectl pkg/cmd/config/create_authinfo.go. */
import { encodeBase64 } from '../../../lib/base64.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import type { Fields } from '../../kubeconfig/kubeconfig-document.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { goList, loadConfigFiles, readCertificateFile, saveConfig, usageError } from './config-files.ts';

export const configSetCredentialsCommand: KubectlCommand = {
  path: 'config set-credentials',
  discovery: false,
  flags: [
    { name: 'client-certificate', kind: 'string' },
    { name: 'client-key', kind: 'string' },
    { name: 'token', kind: 'string' },
    { name: 'username', kind: 'string' },
    { name: 'password', kind: 'string' },
    { name: 'embed-certs', kind: 'bool' },
    { name: 'auth-provider', kind: 'string' },
    { name: 'auth-provider-arg', kind: 'strings' },
    { name: 'exec-command', kind: 'string' },
    { name: 'exec-api-version', kind: 'string' },
    { name: 'exec-arg', kind: 'strings' },
    { name: 'exec-env', kind: 'strings' },
    { name: 'exec-interactive-mode', kind: 'string' },
    { name: 'exec-provide-cluster-info', kind: 'bool' },
  ],
  async run(inv) {
    if (inv.args.length !== 1) return usageError(inv, 'config set-credentials', `unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    const flag = (n: string) => stringFlag(inv.flags, n);
    const embed = boolFlag(inv.flags, 'embed-certs');
    if (embed) {
      const cert = flag('client-certificate');
      const key = flag('client-key');
      if (!cert && !key) throw new KubectlError('error: you must specify a --client-certificate or --client-key to embed');
      if (cert) readCertificateFile(inv, 'client-certificate', cert, 'stat');
      if (key) readCertificateFile(inv, 'client-key', key, 'stat');
    }
    if (flag('token') && (flag('username') || flag('password'))) {
      throw new KubectlError('error: you cannot specify more than one authentication method at the same time: --token, --username/--password');
    }
    const loaded = loadConfigFiles(inv);
    const next = editableCopy(loaded.merged);
    let entry = next.users.find((u) => u.name === name);
    if (!entry) {
      entry = { name, value: {} };
      next.users.push(entry);
    }
    modifyAuthInfo(inv, entry.value, embed);
    saveConfig(inv, loaded, next);
    inv.out(`User "${name}" set.\n`);
    return 0;
  },
};

function modifyAuthInfo(inv: Invocation, user: Fields, embed: boolean): void {
  const flag = (n: string) => stringFlag(inv.flags, n);
  for (const kind of ['client-certificate', 'client-key']) {
    const path = flag(kind);
    if (path === undefined) continue;
    if (embed && path !== '') {
      user[`${kind}-data`] = encodeBase64(readCertificateFile(inv, kind, path, 'read'));
      delete user[kind];
    } else {
      user[kind] = path;
      if (path !== '') delete user[`${kind}-data`];
    }
  }
  let setToken = false;
  let setBasic = false;
  if (flag('token') !== undefined) {
    user.token = flag('token');
    setToken = flag('token') !== '';
  }
  for (const field of ['username', 'password']) {
    if (flag(field) === undefined) continue;
    user[field] = flag(field);
    setBasic = setBasic || flag(field) !== '';
  }
  const provider = flag('auth-provider');
  if (provider !== undefined) {
    const previous = user['auth-provider'] as Fields | undefined;
    user['auth-provider'] = previous?.name === provider ? previous : { name: provider };
  }
  const providerArgs = stringsFlag(inv.flags, 'auth-provider-arg');
  if (providerArgs.length > 0 && user['auth-provider']) {
    const config = { ...(((user['auth-provider'] as Fields).config as Fields | undefined) ?? {}) };
    for (const arg of providerArgs) {
      if (arg.endsWith('-')) delete config[arg.slice(0, -1)];
      else {
        const eq = arg.indexOf('=');
        config[arg.slice(0, eq)] = arg.slice(eq + 1);
      }
    }
    (user['auth-provider'] as Fields).config = config;
  }
  modifyExec(inv, user);
  // If any auth info was set, other existing auth types are cleared.
  if (setToken || setBasic) {
    if (!setToken) {
      delete user.token;
      delete user.tokenFile;
    }
    if (!setBasic) {
      delete user.username;
      delete user.password;
    }
  }
}

function modifyExec(inv: Invocation, user: Fields): void {
  const command = stringFlag(inv.flags, 'exec-command');
  if (command !== undefined) {
    // A new exec plugin starts from the defaults the API server types give it.
    user.exec = { ...((user.exec as Fields | undefined) ?? { interactiveMode: 'IfAvailable', provideClusterInfo: false }), command };
  }
  const exec = user.exec as Fields | undefined;
  if (!exec) return;
  const apiVersion = stringFlag(inv.flags, 'exec-api-version');
  if (apiVersion !== undefined) exec.apiVersion = apiVersion;
  const args = stringsFlag(inv.flags, 'exec-arg');
  if (args.length > 0) exec.args = args;
  const mode = stringFlag(inv.flags, 'exec-interactive-mode');
  if (mode !== undefined) exec.interactiveMode = mode;
  if (inv.flags.values.has('exec-provide-cluster-info')) exec.provideClusterInfo = boolFlag(inv.flags, 'exec-provide-cluster-info');
  const envs = stringsFlag(inv.flags, 'exec-env');
  if (envs.length > 0) {
    let env = [...((exec.env as { name: string; value: string }[] | undefined) ?? [])];
    for (const e of envs) {
      if (e.endsWith('-')) env = env.filter((v) => v.name !== e.slice(0, -1));
      else {
        const eq = e.indexOf('=');
        const item = { name: e.slice(0, eq), value: e.slice(eq + 1) };
        const at = env.findIndex((v) => v.name === item.name);
        if (at >= 0) env[at] = item;
        else env.push(item);
      }
    }
    exec.env = env;
  }
}
