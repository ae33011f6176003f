/**
 * The layer map, written once: each zone of the code and the zones it may import. ESLint enforces
 * it (eslint.config.js turns it into `import-x/no-restricted-paths` zones), ARCHITECTURE.md draws
 * it, and tests/unit/architecture.test.ts proves that a forbidden import fails lint.
 *
 * An import is allowed when the importing file's zone lists the imported file's zone, or both are
 * the same zone. Everything outside the zones (resources/, node_modules) is free to import.
 */

/** Main's side: `electron/`, lowest layer first. */
export const MAIN_ZONES = {
  /** Pure code both processes run: no Node, no Electron, no database. */
  shared: { path: 'electron/shared', may: [] },
  /** The pack format: schema, checks, loading and rendering a pack; media and pack file paths. */
  content: { path: 'electron/content', may: ['shared'] },
  /** SQLite: opening, keys, migrations, and the queries grouped by table. */
  db: { path: 'electron/db', may: ['shared'] },
  /** The services (plain classes over their db, clock and folders) and the worker jobs they run. */
  services: { path: 'electron/services', may: ['shared', 'content', 'db', 'jobs'] },
  jobs: { path: 'electron/jobs', may: ['shared', 'content', 'db', 'services'] },
  /** The typed contract (channels, events, roles, error codes) and its router. */
  ipc: { path: 'electron/ipc', may: ['shared', 'content', 'db', 'services', 'jobs'] },
  /** The kiosk core: builds the services and registers a handler for every channel. */
  core: { path: 'electron/core', may: ['shared', 'content', 'db', 'services', 'jobs', 'ipc'] },
  /** What both shells share that needs Node but not Electron: paths, security, app:// files. */
  shell: { path: 'electron/shell', may: ['shared', 'content', 'services', 'ipc'] },
  /** The browser shell: the same core served over loopback HTTP for Chromium and the tests. */
  web: {
    path: 'electron/web',
    may: ['shared', 'content', 'db', 'services', 'jobs', 'ipc', 'core', 'shell'],
  },
  /** The Electron shell: windows, menus, displays. The only zone besides preload that sees Electron. */
  main: {
    path: 'electron/main',
    may: ['shared', 'content', 'db', 'services', 'jobs', 'ipc', 'core', 'shell'],
  },
  /** Tiny preloads: `invoke` and `on` over the contract. */
  preload: { path: 'electron/preload', may: ['shared', 'ipc'] },
  /** Fetches the Electron binary on first use (plain .mjs, no imports of ours). */
  launcher: { path: 'electron/launcher', may: [] },
};

/** The renderer's side: `renderer/`, lowest layer first. */
export const RENDERER_ZONES = {
  /** Components, hooks and i18n every window uses. */
  'renderer-shared': { path: 'renderer/shared', may: [] },
  /** `window.kiosk` and `call()`: the one way to main. */
  platform: { path: 'renderer/platform', may: ['renderer-shared'] },
  audience: { path: 'renderer/audience', may: ['renderer-shared', 'platform'] },
  console: { path: 'renderer/console', may: ['renderer-shared', 'platform'] },
  unlock: { path: 'renderer/unlock', may: ['renderer-shared', 'platform'] },
};

/**
 * Every renderer zone may import `electron/shared` (values and types). From these main zones it may
 * import types only (what the contract's responses are made of), never values.
 */
export const RENDERER_TYPES_FROM = ['ipc', 'services', 'content', 'db', 'jobs'];

/** The `import-x/no-restricted-paths` zones that forbid every import the map does not allow. */
export function restrictedZones() {
  const zones = [];
  const forbid = (target, own, table) => {
    for (const [name, zone] of Object.entries(table)) {
      if (name === own.name || own.may.includes(name)) continue;
      zones.push({
        target: `./${target}/**`,
        from: `./${zone.path}/**`,
        message: `${own.name} (${target}) may not import ${name} (${zone.path}): see ARCHITECTURE.md.`,
      });
    }
  };
  for (const [name, zone] of Object.entries(MAIN_ZONES)) {
    forbid(zone.path, { name, may: zone.may }, { ...MAIN_ZONES, ...RENDERER_ZONES });
  }
  for (const [name, zone] of Object.entries(RENDERER_ZONES)) {
    const mainZonesBarred = Object.fromEntries(
      Object.entries(MAIN_ZONES).filter(([main]) => !RENDERER_TYPES_FROM.includes(main)),
    );
    forbid(
      zone.path,
      { name, may: [...zone.may, 'shared'] },
      { ...RENDERER_ZONES, ...mainZonesBarred },
    );
  }
  return zones;
}

/** For the renderer's `no-restricted-imports`: main's zones it may take types from, never values. */
export function rendererTypeOnlyPatterns() {
  return RENDERER_TYPES_FROM.map((name) => ({
    group: [`**/${MAIN_ZONES[name].path}/**`],
    allowTypeImports: true,
    message: `The renderer may import only types from ${MAIN_ZONES[name].path}; values it shares with main live in electron/shared.`,
  }));
}
