// The import graph's rules (docs/design.md, "Layers"), checked by `npm run lint`.
// Layers, lowest first; an arrow may only point down:
//   core  <-  db, export  <-  app  <-  seeds/demo  <-  worker  <-  electron
//   renderer -> core only. tests/ and scripts/ may import anything.
// seeds/ also holds shipped data (reference-data.ts, instruments/): it imports only core/ and
// db/ syncs it into the database, so it sits beside core/, below db/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: a cycle hides which module is the lower one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ is the bottom layer: schemas and pure rules, importing no other layer.',
      from: { path: '^core/' },
      to: { path: '^(db|app|worker|export|electron|renderer|seeds|tests)/' },
    },
    {
      name: 'shipped-data-is-a-leaf',
      severity: 'error',
      comment: 'Reference data and built-in instruments are data: they may import core/ types only.',
      from: { path: '^seeds/(reference-data\\.ts|instruments/)' },
      to: { path: '^(db|app|worker|export|electron|renderer|seeds/demo|tests)/' },
    },
    {
      name: 'db-not-up',
      severity: 'error',
      comment: 'db/ (connection, keys, migrations, repositories, audit chain, backup) never imports a layer above it, nor the demo.',
      from: { path: '^db/' },
      to: { path: '^(app|worker|export|electron|renderer|seeds/demo|tests)/' },
    },
    {
      name: 'export-not-up',
      severity: 'error',
      comment: 'export/ makes files from core/ documents: it imports nothing from db/ or above.',
      from: { path: '^export/' },
      to: { path: '^(db|app|worker|electron|renderer|seeds|tests)/' },
    },
    {
      name: 'app-not-up',
      severity: 'error',
      comment: 'app/ (workflow, audit and masking policy) sees the worker only through app/state.ts, and never the demo generator.',
      from: { path: '^app/' },
      to: { path: '^(worker|electron|renderer|seeds/demo|tests)/' },
    },
    {
      name: 'demo-not-up',
      severity: 'error',
      comment: 'The demo generator runs the application layer; the worker hands it the state to run it on.',
      from: { path: '^seeds/demo/' },
      to: { path: '^(worker|electron|renderer|tests)/' },
    },
    {
      name: 'demo-only-at-the-composition-root',
      severity: 'error',
      comment: "Only the worker's entry (worker/worker.ts) hands the demo generator in.",
      from: { path: '^(?!worker/worker\\.ts$)(core|db|app|export|worker|electron|renderer)/' },
      to: { path: '^seeds/demo/' },
    },
    {
      name: 'worker-not-up',
      severity: 'error',
      comment: 'The worker runtime never imports the hosts or the renderer.',
      from: { path: '^worker/' },
      to: { path: '^(electron|renderer|tests)/' },
    },
    {
      name: 'electron-only-through-the-worker-client',
      severity: 'error',
      comment: "The hosts reach the database only through the worker client and the worker's public types, never db/ or app/.",
      from: { path: '^electron/' },
      to: { path: '^(db|app|export|seeds|renderer|tests)/|^worker/(?!(worker-client|operations)\\.ts$)' },
    },
    {
      name: 'renderer-only-core',
      severity: 'error',
      comment: 'The renderer imports only core/ and UI packages.',
      from: { path: '^renderer/' },
      to: { path: '^(db|app|worker|export|electron|seeds|tests)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests (tests/ and the *.test.ts beside pure rules) and build configs may import anything.
    exclude: { path: '(^|/)(dist|release|node_modules)/|\\.test\\.tsx?$|(^|/)vite\\.config\\.ts$' },
    // Keep type-only imports in the graph: a cycle through types is still a cycle of meaning.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
