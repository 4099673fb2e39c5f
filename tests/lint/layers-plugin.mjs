// Local lint rules for the layer map (style.md §2), in the spirit of VS Code's code-layering rule.
// `layers`: every import of a file under src/ goes where its layer may import, Node built-ins only
// in the Node entries, UI packages only in src/ui. `virtual-time`: no wall clock or real
// randomness in the layers that run inside the simulation. `one-door`: only the engine's api/ and
// store/ touch the object store; the rest of the engine reads through requests or informers. Tests (*.test.ts) build real sessions
// across layers on purpose and are exempt, except from the UI packages and `one-door`; `testing/`
// helpers are not.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { LAYERS, ROOT_FILES, STORE_OWNERS, UI_PACKAGES, VIRTUAL_TIME_LAYERS, WALL_CLOCK_GLOBALS } from './layer-map.mjs';

const CLOCK = 'use the cluster clock / seeded rng';
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** Where a file sits: its path under src/ and its layer, or undefined outside src/. */
function locate(context, filename) {
  const path = relative(resolve(context.cwd ?? process.cwd(), 'src'), filename)
    .split(sep)
    .join('/');
  if (path.startsWith('../') || path === '..') return undefined;
  const first = path.split('/')[0];
  const layer = ROOT_FILES[path] ?? (path.includes('/') ? first : undefined);
  return { path, layer, isTest: /\.test\.tsx?$/.test(path) };
}

function allows(rule, target, isTypeOnly) {
  const typeOnly = rule.startsWith('type ');
  const scope = typeOnly ? rule.slice(5) : rule;
  const matches = scope.endsWith('.ts') ? target === scope : target === scope || target.startsWith(`${scope}/`);
  return matches && (isTypeOnly || !typeOnly);
}

function describeMap(layer) {
  const may = LAYERS[layer].may.map((rule) => (rule.startsWith('type ') ? `${rule.slice(5)} (types)` : rule));
  return may.length ? `${layer} may import only ${[layer, ...may].join(', ')}` : `${layer} may import only itself`;
}

function checkImport(context, node, specifier, isTypeOnly) {
  const here = locate(context, context.filename);
  if (!here?.layer || !LAYERS[here.layer] || typeof specifier !== 'string') return;
  const map = LAYERS[here.layer];
  const report = (message) => context.report({ node, message: `${message} (style.md §2)` });

  if (!specifier.startsWith('.')) {
    const isNode = specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);
    if (!map.uiPackages && UI_PACKAGES.some((pattern) => pattern.test(specifier))) return report(`'${specifier}' is for src/ui only`);
    if (here.isTest) return;
    if (isNode && !map.node) return report(`'${specifier}' is a Node built-in: ${here.layer} runs outside Node too; only cli and serve may import Node`);
    if (map.typeOnlyPackages && !isTypeOnly) return report(`${here.layer} is data only: '${specifier}' may be imported only with import type`);
    return;
  }
  if (here.isTest) return;
  const resolved = locate(context, resolve(dirname(context.filename), specifier.replace(/\?.*$/, '')));
  if (!resolved) return report(`'${specifier}' is outside src/: source never imports tests or scripts`);
  const target = resolved.path;
  if (resolved.layer === here.layer) return;
  if (map.may.some((rule) => allows(rule, target, isTypeOnly))) return;
  if (map.may.some((rule) => allows(rule, target, true))) return report(`${here.layer} may import ${target} only with import type`);
  report(`${here.layer} must not import ${target}: ${describeMap(here.layer)}`);
}

const layers = {
  create(context) {
    const here = locate(context, context.filename);
    return {
      Program(node) {
        // A folder missing from the map would also sit in no tsconfig project, unchecked by tsc.
        if (here && !here.isTest && !LAYERS[here.layer])
          context.report({ node, message: `src/${here.path} is in no layer: add its folder to tests/lint/layer-map.mjs and a tsconfig project (style.md §2)` });
      },
      ImportDeclaration: (node) => checkImport(context, node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && checkImport(context, node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => checkImport(context, node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && checkImport(context, node, node.source.value, false),
      TSImportType: (node) => checkImport(context, node, node.argument?.literal?.value ?? node.argument?.value ?? node.source?.value, true),
    };
  },
};

const virtualTime = {
  create(context) {
    const here = locate(context, context.filename);
    if (!here?.layer || here.isTest || !VIRTUAL_TIME_LAYERS.includes(here.layer)) return {};
    const isGlobal = (node, name) => node.type === 'Identifier' && node.name === name && context.sourceCode.isGlobalReference(node);
    const report = (node, what) => context.report({ node, message: `${what} in ${here.layer}: ${CLOCK}` });
    return {
      Identifier(node) {
        if (WALL_CLOCK_GLOBALS.includes(node.name) && context.sourceCode.isGlobalReference(node)) report(node, `'${node.name}'`);
      },
      MemberExpression(node) {
        const property = node.computed ? node.property.value : node.property.name;
        if (isGlobal(node.object, 'Date') && property === 'now') report(node, 'Date.now');
        if (isGlobal(node.object, 'Math') && property === 'random') report(node, 'Math.random');
      },
      NewExpression(node) {
        if (isGlobal(node.callee, 'Date') && node.arguments.length === 0) report(node, 'new Date() (the wall clock)');
      },
      CallExpression(node) {
        if (isGlobal(node.callee, 'Date')) report(node, 'Date() (the wall clock)');
      },
    };
  },
};

const ONE_DOOR = 'read through a request or a shared informer (engine/client/)';

const oneDoor = {
  create(context) {
    const here = locate(context, context.filename);
    if (here?.layer !== 'engine' || STORE_OWNERS.some((owner) => here.path.startsWith(`${owner}/`))) return {};
    const folder = here.path.split('/').slice(0, -1).join('/');
    const checkImport = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = locate(context, resolve(dirname(context.filename), specifier));
      if (target?.path === 'engine/store/object-store.ts') context.report({ node, message: `${folder} must not import the object store: ${ONE_DOOR}` });
    };
    return {
      MemberExpression(node) {
        if (!node.computed && node.property.name === 'store') context.report({ node, message: `${folder} must not read '.store': ${ONE_DOOR}` });
      },
      ImportDeclaration: checkImport,
      ExportNamedDeclaration: checkImport,
      ExportAllDeclaration: checkImport,
    };
  },
};

export default { meta: { name: 'layers' }, rules: { layers, 'virtual-time': virtualTime, 'one-door': oneDoor } };
