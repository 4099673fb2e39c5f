/**
 * Reads a lab folder (relative path -> text): parses lab.yaml, checks it against the schema, and
 * resolves the files its setup names. Errors read `<path>: <message>` so an author can fix them.
 */
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
// Compiled ahead of time (scripts/gen-lab-validator.mjs): compiling at run time needs `new Function`,
// which the app's Content-Security-Policy forbids.
import { validate as generatedValidate } from './lab-schema-validator.ts';
import type { Lab, LoadedLab } from './schema.ts';

const validate = generatedValidate as ValidateFunction<Lab>;

export function validateLab(raw: unknown): { ok: true; lab: Lab } | { ok: false; errors: string[] } {
  if (validate(raw)) return { ok: true, lab: raw };
  const errors = (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
  return { ok: false, errors: [...new Set(errors)] };
}

export function loadLab(files: Record<string, string>): { ok: true; lab: LoadedLab } | { ok: false; errors: string[] } {
  const source = files['lab.yaml'];
  if (source === undefined) return { ok: false, errors: ['lab.yaml: not found'] };
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    return { ok: false, errors: [`lab.yaml: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const checked = validateLab(raw);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => `lab.yaml${e.startsWith('/') ? '' : ' '}${e}`) };
  const lab = checked.lab;
  const errors: string[] = [];
  const readManifests = (names: string[], where: string) =>
    names.map((name) => {
      const text = files[name];
      if (text === undefined) errors.push(`${name}: listed in ${where} but not in the lab folder`);
      return { name, text: text ?? '' };
    });
  const manifestTexts = readManifests(lab.setup.manifests ?? [], 'setup.manifests');
  const stepManifestTexts = Object.fromEntries(lab.steps.filter((s) => s.setup).map((s) => [s.id, readManifests(s.setup!.manifests, `steps/${s.id}/setup.manifests`)]));
  const fileContents = Object.entries(lab.setup.files ?? {}).map(([path, file]) => {
    let content = file.content;
    if (content === undefined && file.source !== undefined) {
      content = files[file.source];
      if (content === undefined) errors.push(`${file.source}: named by setup.files["${path}"] but not in the lab folder`);
    }
    return { path, content: content ?? '', mode: parseInt(file.mode ?? '0644', 8) };
  });
  const stepIds = new Set<string>();
  for (const step of lab.steps) {
    if (stepIds.has(step.id)) errors.push(`lab.yaml/steps: duplicate step id "${step.id}"`);
    stepIds.add(step.id);
    if (step.kind === 'question' && !step.freeText && step.choices && step.answers?.some((a) => !step.choices!.some((c) => c.text === a))) {
      errors.push(`lab.yaml/steps/${step.id}: an answer is not one of the choices`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, lab: { ...lab, manifestTexts, stepManifestTexts, fileContents } };
}
