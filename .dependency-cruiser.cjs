// The layer rules of DESIGN.md §2 and docs/architecture.md, checked on every `npm run lint` (and so in
// CI): no import cycle anywhere, and no import across a layer boundary. test/core/dependency-rules.test.ts
// proves each rule bites.
//
//   shared/          plain TypeScript: no Node, no DOM, no electron, no other layer; zod only in the contract files
//   electron/core/   plain Node: never electron, the glue (electron/main, electron/preload) or the renderer
//   electron/main/, electron/preload/   the Electron glue: never the renderer
//   renderer/        sandboxed browser code: no Node, no electron/, no native module, no zod; from the
//                    contract files (the ones that build zod schemas) types only

/** The shared files that build zod schemas: the renderer may take only types from them. */
const CONTRACT_FILES = '^shared/(api|contract|gradingSchema)[.]ts$|^shared/[^/]+/api[.]ts$';
/** Packages that need a DOM (React and the chart) or Electron. */
const DOM_OR_ELECTRON = '(^|/)node_modules/(electron|react|react-dom|react-i18next|i18next|@blueprintjs|cytoscape|cytoscape-fcose|react-cytoscapejs|zustand|@tanstack|graphology-layout-forceatlas2)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: give the shared part its own module below both (docs/architecture.md, "Layers").',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file: the rules below could not judge it.',
      from: { path: '^(shared|electron|renderer)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-test-in-product',
      severity: 'error',
      comment: 'Product code never imports tests or their helpers.',
      from: { path: '^(shared|electron|renderer)/' },
      to: { path: '^test/' },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      comment: 'shared/ is plain TypeScript: no Node built-in.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-other-layer',
      severity: 'error',
      comment: 'shared/ imports no other layer.',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|test|scripts)/' },
    },
    {
      name: 'shared-only-zod',
      severity: 'error',
      comment: 'shared/ runs in the core and in the renderer: its one package is zod (no Node, no DOM, no electron).',
      from: { path: '^shared/' },
      to: { path: 'node_modules/', pathNot: '(^|/)node_modules/zod/' },
    },
    {
      name: 'shared-zod-only-in-contract-files',
      severity: 'error',
      comment:
        'Only the contract files (shared/api.ts, shared/contract.ts, shared/gradingSchema.ts, shared/<feature>/api.ts) build zod schemas, so every other shared file is safe for the renderer to import.',
      from: { path: '^shared/', pathNot: CONTRACT_FILES },
      to: { path: '(^|/)node_modules/zod/' },
    },
    {
      name: 'shared-no-values-from-contract-files',
      severity: 'error',
      comment: 'A shared file without zod takes only types from the contract files (else it would carry zod into the renderer).',
      from: { path: '^shared/', pathNot: CONTRACT_FILES },
      to: { path: CONTRACT_FILES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-electron',
      severity: 'error',
      comment: 'electron/core/ is plain Node (it runs in a worker thread, in the CLI and in tests): never electron, nor a DOM package.',
      from: { path: '^electron/core/' },
      to: { path: DOM_OR_ELECTRON },
    },
    {
      name: 'core-no-glue-or-renderer',
      severity: 'error',
      comment: 'electron/core/ never imports the Electron glue (electron/main, electron/preload) or the renderer.',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/main|electron/preload|renderer)/' },
    },
    {
      name: 'store-no-feature',
      severity: 'error',
      comment: 'electron/core/store/ is below every feature: what two features share moves into it (as store/handling.ts did), never the other way.',
      from: { path: '^electron/core/store/' },
      to: { path: '^electron/core/(analysis|attachments|case|casefile|charts|cli|comms|cooperation|demo|entities|exchange|interchange|map|pdf|timeline|vocabulary)/' },
    },
    {
      name: 'core-no-assembly',
      severity: 'error',
      comment:
        'The assemblies (handlers.ts, runtime.ts, worker.ts, cli.ts, cli/commands.ts) import the features; a feature imports the leaves (session.ts, jobs.ts, cli/command.ts…), never an assembly.',
      from: { path: '^electron/core/[^/]+/' },
      to: { path: '^electron/core/(handlers|runtime|worker|cli)[.]ts$|^electron/core/cli/commands[.]ts$' },
    },
    {
      name: 'glue-no-renderer',
      severity: 'error',
      comment: 'The Electron glue never imports the renderer.',
      from: { path: '^electron/(main|preload)/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: 'renderer/ is sandboxed browser code: no Node built-in.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron-or-core',
      severity: 'error',
      comment: 'renderer/ talks to the core through window.cordon only: no electron, no electron/ folder, no native module.',
      from: { path: '^renderer/' },
      to: { path: '^electron/|(^|/)node_modules/(electron|better-sqlite3-multiple-ciphers)/' },
    },
    {
      name: 'renderer-no-zod',
      severity: 'error',
      comment: "zod's JIT probes `new Function`, which the renderer's CSP refuses; the core parses every input.",
      from: { path: '^renderer/' },
      to: { path: '(^|/)node_modules/zod/' },
    },
    {
      name: 'renderer-types-only-from-contract',
      severity: 'error',
      comment: 'The renderer takes only types from the contract files (their values pull in zod).',
      from: { path: '^renderer/' },
      to: { path: CONTRACT_FILES, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // Type-only imports are dependencies too (a cycle of types is still a cycle), and are told apart
    // from value imports for the renderer's rules.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
