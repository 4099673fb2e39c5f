/**
 * Help, as the oracle (kubectl v1.35.2) prints it: `--help` for every command path we hold a
 * text for, `-h`, `kubectl help [topic]`, bare `kubectl`, and groups run without a subcommand.
 */
import { HELP_TEXTS } from '../../src/kubectl/help/texts/index.ts';
import { describeParity, type ParityCase } from '../support/kubectl-parity.ts';

const words = (path: string) => (path === '' ? [] : path.split(' '));

describeParity(
  'kubectl <command> --help matches kubectl v1.35.2',
  Object.keys(HELP_TEXTS).map((path): ParityCase => ({ name: `${path || '(root)'} --help`, args: [...words(path), '--help'] })),
);

describeParity('kubectl help, -h and bare groups match kubectl v1.35.2', [
  { name: 'no arguments', args: [] },
  { name: '-h', args: ['-h'] },
  { name: 'get -h', args: ['get', '-h'] },
  { name: 'get pods --help', args: ['get', 'pods', '--help'] },
  { name: 'rollout status -h', args: ['rollout', 'status', '-h'] },
  { name: 'create deploy --help (alias)', args: ['create', 'deploy', '--help'] },
  { name: 'set image -h', args: ['set', 'image', '-h'] },
  { name: 'rollout bogus --help', args: ['rollout', 'bogus', '--help'] },
  { name: 'bogus --help', args: ['bogus', '--help'] },
  { name: 'help', args: ['help'] },
  { name: 'help get', args: ['help', 'get'] },
  { name: 'help rollout status', args: ['help', 'rollout', 'status'] },
  { name: 'help bogus', args: ['help', 'bogus'] },
  { name: 'rollout', args: ['rollout'] },
  { name: 'set', args: ['set'] },
  { name: 'create secret', args: ['create', 'secret'] },
  { name: 'create service', args: ['create', 'service'] },
  { name: 'create', args: ['create'] },
  { name: 'create deployment --help --bogus', args: ['create', 'deployment', '--help', '--bogus'] },
]);
