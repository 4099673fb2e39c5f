/**
 * `kubectl create -f FILE --edit`: the file's objects in the editor first, then each one created
 * as it was saved. Models pkg/cmd/util/editor/editoptions.go in EditBeforeCreateMode (visitToCreate)
 * and preservedFile: a failed create leaves the edited file and says where.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import type { Invocation } from '../kubectl-command.ts';
import { printChanged } from '../local-objects.ts';
import { toJson, toYaml } from '../printers/yaml-printer.ts';
import { editorKeys, HEADER, manualStrip, stripComments, tempFileName } from './edit.ts';
import { fileArgManifests, namespaceOf, resourceOf, writeQuery } from './manifest-targets.ts';

/** The formats editPrinterOptions takes from -o: the editor shows the object in it. */
const EDITOR_FORMATS = ['json', 'kyaml', 'yaml'];

export async function createWithEdit(inv: Invocation): Promise<number> {
  const output = stringFlag(inv.flags, 'output') ?? '';
  if (output !== '' && !EDITOR_FORMATS.includes(output))
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${EDITOR_FORMATS.join(',')}`);
  // The builder's DefaultNamespace: a namespaced object shows the namespace it will be created in.
  const manifests = (await fileArgManifests(inv)).map((m) => {
    const resource = resourceOf(inv, m);
    const namespace = namespaceOf(inv, m, resource);
    return namespace === undefined ? m : { ...m, obj: { ...m.obj, metadata: { ...m.obj.metadata, namespace } } };
  });
  if (manifests.length === 0) return 0;
  const editFile = inv.ctx.terminal.editFile;
  if (!editFile) throw new KubectlError('error: there was a problem with the editor "vi"');
  // Several objects are edited as one List, as the builder's infos are.
  const shown: KubeObject = manifests.length === 1 ? manifests[0]!.obj : { apiVersion: 'v1', kind: 'List', metadata: {}, items: manifests.map((m) => m.obj) };
  // crlf.NewCRLFWriter: the file is written with CRLF line ends, and compared as written.
  const written = (text: string) => (boolFlag(inv.flags, 'windows-line-endings') ? text.replace(/\r?\n/g, '\r\n') : text);
  // editPrinterOptions.Complete: JSON goes without the commented header, in a .json file.
  const asJson = output === 'json';
  const firstHeader = asJson ? '' : HEADER;
  const original = written(firstHeader + (asJson ? toJson(shown) : toYaml(shown)));
  let header = firstHeader;
  let body = asJson ? toJson(shown) : toYaml(shown);
  let lastEdited: string | undefined;
  let previousFile: string | undefined;
  let objects: KubeObject[] | undefined;
  let path = '';
  while (!objects) {
    path = tempFileName(inv.ctx.time.now()).replace(/\.yaml$/, asJson ? '.json' : '.yaml');
    inv.ctx.fs.mkdir('/tmp', { recursive: true });
    inv.ctx.fs.writeFile(path, written(header + body));
    await editFile(path, editorKeys(inv.ctx.env));
    const edited = inv.ctx.fs.exists(path) ? inv.ctx.fs.readFile(path) : '';
    // An unchanged file after a syntax error gives up and leaves the file.
    if (lastEdited !== undefined && stripComments(edited) === stripComments(lastEdited)) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      throw new KubectlError('error: Edit cancelled, no valid changes were saved.');
    }
    if (previousFile && inv.ctx.fs.exists(previousFile)) inv.ctx.fs.remove(previousFile);
    previousFile = path;
    if (stripComments(edited) === stripComments(original)) {
      inv.ctx.fs.remove(path);
      inv.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    const content = manualStrip(edited);
    if (content.trim() === '') {
      inv.ctx.fs.remove(path);
      inv.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    const documents = parseAllDocuments(content);
    const broken = documents.find((doc) => doc.errors.length > 0);
    if (broken) {
      const line = /line (\d+)/.exec(broken.errors[0]!.message)?.[1] ?? '1';
      header = `${firstHeader}# The edited file had a syntax error: error converting YAML to JSON: yaml: line ${line}: did not find expected node content\n#\n`;
      body = content;
      lastEdited = edited;
      continue;
    }
    objects = documents
      .map((doc) => doc.toJS() as KubeObject | null)
      .filter((obj): obj is KubeObject => obj !== null)
      .flatMap((obj) => (obj.kind === 'List' && Array.isArray(obj.items) ? (obj.items as KubeObject[]) : [obj]));
  }
  for (const obj of objects) {
    const m = { file: path, obj };
    const resource = resourceOf(inv, m);
    const namespace = namespaceOf(inv, m, resource);
    const res = await inv.api.request({
      verb: 'create',
      group: resource.group,
      version: resource.version,
      resource: resource.name,
      ...(namespace ? { namespace } : {}),
      body: obj,
      query: { ...writeQuery(inv), fieldManager: 'kubectl-create' },
    });
    if (!res.ok) {
      inv.err(`A copy of your changes has been stored to "${path}"\n`);
      throw new KubectlError(formatStatus(res.body));
    }
    printChanged(inv, { resource, obj: res.body }, 'created');
  }
  inv.ctx.fs.remove(path);
  return 0;
}
