/**
 * Parses a pack's YAML manifest on a worker thread, capped and timed: at most MAX_MANIFEST_BYTES,
 * at most MAX_ALIASES alias expansions, and at most PARSE_TIME_LIMIT_MS of parsing, after which the
 * worker is stopped. A manifest past any limit is a broken pack like any other, never a crash.
 *
 * Two ways to wait for the worker: `parseManifest` (a promise; for imports, so the kiosk answers
 * other calls meanwhile) and `parseManifestSync` (blocks the caller up to the limit; for loading
 * the catalog at start-up, which is synchronous). The worker runs `analyzeYaml` itself, passed as
 * source text, so the same typed function is what the tests and both paths use.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type * as YamlLibrary from 'yaml';

export const MAX_MANIFEST_BYTES = 512 * 1024;
export const MAX_ALIASES = 100;
export const PARSE_TIME_LIMIT_MS = 3000;
/** Starting a worker is not parsing: a busy machine gets this long before the clock starts. */
const WORKER_START_LIMIT_MS = 15_000;

export interface YamlProblem {
  line: number | null;
  message: string;
}

/** Line of each node by its path (`JSON.stringify` of the segments), and for a map its first key's line. */
export type LineTable = Record<string, [line: number, firstKeyLine: number | null]>;

export type YamlResult =
  { ok: true; value: unknown; lines: LineTable } | { ok: false; problems: YamlProblem[] };

/**
 * Parses and converts one document. Self-contained on purpose (it runs as source text in the
 * worker): no imports, no closures. Map keys are checked for duplicates here in one pass, because
 * the library's own check compares each key with all before it (31 s for 659 KB of keys).
 */
export function analyzeYaml(
  lib: typeof YamlLibrary,
  source: string,
  maxAliases: number,
): YamlResult {
  const counter = new lib.LineCounter();
  const document = lib.parseDocument(source, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const problems: YamlProblem[] = document.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { ok: false, problems };

  const lines: LineTable = {};
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (!lib.isNode(node) || !node.range) return;
    let firstKeyLine: number | null = null;
    if (lib.isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const keyNode = pair.key;
        const key = lib.isScalar(keyNode) ? keyNode.value : keyNode;
        const keyLine = lib.isNode(keyNode) && keyNode.range ? lineAt(keyNode.range[0]) : null;
        firstKeyLine ??= keyLine;
        if (seen.has(key))
          problems.push({ line: keyLine, message: 'YAML: Map keys must be unique' });
        seen.add(key);
        walk(pair.value, [...path, String(key)]);
      }
    } else if (lib.isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
    lines[JSON.stringify(path)] = [lineAt(node.range[0]), firstKeyLine];
  };
  walk(document.contents, []);
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: maxAliases }), lines };
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problems: [
        {
          line: null,
          message: /alias count/i.test(message)
            ? `YAML: the manifest expands its aliases (*name) too many times (at most ${maxAliases}); write the repeated parts out`
            : `YAML: ${message}`,
        },
      ],
    };
  }
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const lib = require(workerData.yamlPath);
const __name = (target) => target;
const analyzeYaml = (${analyzeYaml.toString()});
const { port, signal, maxAliases } = workerData;
port.on('message', ({ source }) => {
  let result;
  try {
    result = analyzeYaml(lib, source, maxAliases);
  } catch (error) {
    result = { ok: false, problems: [{ line: null, message: 'YAML: ' + String(error && error.message) }] };
  }
  port.postMessage(result);
  if (signal) { Atomics.store(signal, 1, 1); Atomics.notify(signal, 1); }
});
if (signal) { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); }
else port.postMessage('ready');
`;

/**
 * In the packaged app this path is inside app.asar; electron-builder.yml unpacks yaml beside it, and
 * the worker loads the unpacked copy, since a worker thread need not read from an archive.
 */
const yamlPath = unpackedPath(createRequire(import.meta.url).resolve('yaml'));

function unpackedPath(path: string): string {
  const unpacked = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== path && existsSync(unpacked) ? unpacked : path;
}

function tooLarge(source: string): YamlResult | null {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes <= MAX_MANIFEST_BYTES) return null;
  return {
    ok: false,
    problems: [
      {
        line: null,
        message: `the manifest is ${Math.ceil(bytes / 1024)} KB; it may be at most ${MAX_MANIFEST_BYTES / 1024} KB (put long texts in Markdown files)`,
      },
    ],
  };
}

const tooSlow = (limitMs: number): YamlResult => ({
  ok: false,
  problems: [
    {
      line: null,
      message: `YAML: reading the manifest took longer than ${limitMs / 1000} s, so it was stopped; it is too large or too complex`,
    },
  ],
});

function startWorker(signal: Int32Array | null): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { yamlPath, port: port2, signal, maxAliases: MAX_ALIASES },
    transferList: [port2],
  });
  worker.unref();
  return { worker, port: port1 };
}

/** One worker kept for synchronous parses, replaced when a parse overruns and it is stopped. */
let syncWorker: { worker: Worker; port: MessagePort; signal: Int32Array } | null = null;

export function parseManifestSync(source: string, limitMs = PARSE_TIME_LIMIT_MS): YamlResult {
  const refused = tooLarge(source);
  if (refused) return refused;
  if (!syncWorker) {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    syncWorker = { ...startWorker(signal), signal };
    if (Atomics.wait(signal, 0, 0, WORKER_START_LIMIT_MS) === 'timed-out') {
      void syncWorker.worker.terminate();
      syncWorker = null;
      return tooSlow(limitMs);
    }
  }
  const { worker, port, signal } = syncWorker;
  Atomics.store(signal, 1, 0);
  port.postMessage({ source });
  if (Atomics.wait(signal, 1, 0, limitMs) === 'timed-out') {
    void worker.terminate();
    syncWorker = null;
    return tooSlow(limitMs);
  }
  return receiveMessageOnPort(port)!.message as YamlResult;
}

export function parseManifest(source: string, limitMs = PARSE_TIME_LIMIT_MS): Promise<YamlResult> {
  const refused = tooLarge(source);
  if (refused) return Promise.resolve(refused);
  const { worker, port } = startWorker(null);
  return new Promise<YamlResult>((resolvePromise) => {
    let timer = setTimeout(() => finish(tooSlow(limitMs)), WORKER_START_LIMIT_MS);
    const finish = (result: YamlResult) => {
      clearTimeout(timer);
      port.close();
      void worker.terminate();
      resolvePromise(result);
    };
    worker.once('error', (error) =>
      finish({ ok: false, problems: [{ line: null, message: `YAML: ${error.message}` }] }),
    );
    port.on('message', (message: YamlResult | 'ready') => {
      if (message !== 'ready') return finish(message);
      clearTimeout(timer);
      timer = setTimeout(() => finish(tooSlow(limitMs)), limitMs);
      port.postMessage({ source });
    });
  });
}
