/** Layer rules of the hexagonal design (DESIGN.md §3). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside itself: no SDKs, no Node built-ins, no other layers.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'use-cases-see-only-domain-and-ports',
      comment: 'src/app depends on the domain and on ports, never on adapters, the server or SDKs.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: '^src/(app|domain|ports)/' },
    },
    {
      name: 'ports-are-interfaces-over-the-domain',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { pathNot: '^src/(domain|ports)/' },
    },
    {
      name: 'cards-are-pure',
      comment: 'Cards are pure functions from view models to Adaptive Card JSON.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { pathNot: '^src/(cards|domain|shared)/' },
    },
    {
      name: 'notices-are-chosen-in-app',
      comment:
        'Who is told what about which event, under which idempotency key, is chosen in src/app/notifications/notices; ' +
        "the bot's notifications/ only words a notice and draws its card, so it never sees the domain's events.",
      severity: 'error',
      from: { path: '^src/adapters/bot/notifications/' },
      to: { path: '^(src/domain/plan/events\\.ts|src/app/)' },
    },
    {
      name: 'tab-never-imports-server-side',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/(server|adapters|local|app|ports)/' },
    },
    {
      name: 'tab-sees-only-tab-shared-and-domain',
      comment:
        'The tab is a browser app: it shares DTO types (src/shared) and pure domain code, nothing else.',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/', pathNot: '^src/(tab|shared|domain)/' },
    },
    {
      name: 'tab-has-no-node-built-ins',
      severity: 'error',
      from: { path: '^src/tab/', pathNot: '^src/tab/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-holds-types-only',
      comment: 'src/shared is the API contract between server and tab: plain types, nothing that runs.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-depends-on-domain-types-only',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/(shared|domain)/' },
    },
    {
      name: 'emulator-stands-alone',
      comment:
        'The SharePoint emulator is a module of its own: it imports its own files, Node built-ins and npm packages, nothing else of the repository.',
      severity: 'error',
      from: { path: '^src/local/emulator/' },
      to: { pathNot: '^(src/local/emulator/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'emulator-only-through-its-entry',
      comment:
        'Code, tests and scripts outside the emulator import only its entry, src/local/emulator/index.ts (no exceptions).',
      severity: 'error',
      from: { pathNot: '^src/local/emulator/' },
      to: { path: '^src/local/emulator/', pathNot: '^src/local/emulator/index\\.ts$' },
    },
    {
      name: 'local-mode-sits-below-the-server',
      comment:
        'src/local (the emulator, the demo, the Playground, the local-mode wiring) may use adapters, use cases, templates, ports and the domain, never the server or the tab.',
      severity: 'error',
      from: { path: '^src/local/' },
      to: { path: '^src/(server|tab)/' },
    },
    {
      name: 'local-mode-only-from-the-server',
      comment: 'Only the server (the composition root and its start-up) reaches into local mode.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(local|server)/' },
      to: { path: '^src/local/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
