/**
 * kezek's layers, checked by `npm test` (tests/architecture.test.ts): the pure
 * core never reaches an edge, a layer never imports a later one, no cycles.
 * Lowest first; a layer may import itself and the layers before it.
 */
const PURE = ['domain', 'codec', 'allocation', 'rules', 'lifecycle', 'intake', 'audit'];
const EDGES = ['pool', 'db', 'io'];
const FLOWS = ['nightly', 'importing', 'online', 'demo'];
/** Texts and documents for people: pure code that renders the services' answers (it may name their types, nothing more). */
const PRESENTATION = ['i18n', 'charts', 'documents', 'pages'];
const TOP = ['server', 'cli'];
const LAYERS = [...PURE, ...EDGES, ...FLOWS, ...PRESENTATION, ...TOP];

const dirs = (names) => `^src/(${names.join('|')})/`;
/** The shared files at src/: errors.ts is pure; paths, log and config are the edges' own. */
const EDGE_FILES = '^src/(config|log|paths|context)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-no-edge',
      comment: 'The pure core (types, rules, allocation, lifecycle, byte formats, line checks, texts) takes data and returns data: no I/O folder.',
      severity: 'error',
      from: { path: dirs(PURE) },
      to: { path: [dirs([...EDGES, ...FLOWS, ...TOP]), EDGE_FILES] },
    },
    {
      name: 'presentation-only-types',
      comment: 'Texts and documents render what the services answer: they may name the answers\' types, never call an edge.',
      severity: 'error',
      from: { path: dirs(PRESENTATION) },
      to: { path: [dirs([...EDGES, ...FLOWS]), EDGE_FILES], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-no-io-builtins',
      comment: 'No file, network, process or thread access in the pure core or in presentation.',
      severity: 'error',
      from: { path: dirs([...PURE, ...PRESENTATION]) },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|net|http|https|child_process|worker_threads|os|cluster|dgram|dns|tls|readline|stream)(/|$)' },
    },
    {
      name: 'pure-no-io-packages',
      comment: 'Databases, threads, HTTP, the terminal and the logger belong to the edges.',
      severity: 'error',
      from: { path: dirs([...PURE, ...PRESENTATION]) },
      to: { path: '(^|node_modules/)(pg|pg-copy-streams|piscina|@electric-sql/pglite|fastify|@fastify/[^/]+|pino|yargs|date-holidays|pdfkit|playwright-core)(/|$)' },
    },
    {
      name: 'errors-are-leaves',
      comment: 'errors.ts is imported by every layer: it imports nothing of kezek.',
      severity: 'error',
      from: { path: '^src/errors\\.ts$' },
      to: { path: '^src/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `no-upward-from-${layer}`,
      comment: `${layer}/ may not import a later layer (${LAYERS.slice(i + 1).join(', ')}).`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: dirs(LAYERS.slice(i + 1)) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
