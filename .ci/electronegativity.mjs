// Runs electronegativity over electron/ and fails on any finding not reviewed in
// .ci/electronegativity-accepted.json. Its online check is excluded, and offline it exits 1 after a
// failed network retry even when the scan worked, so the CSV it writes is what is judged.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Parses CSV text into rows, honouring quoted fields (code samples hold commas and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field.trim() || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

/** The scanner's crash offline is a race with its own timer, so a few runs always get through. */
const MAX_ATTEMPTS = 4;

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(work, 'findings.csv');
try {
  // Offline, its update check's retry can crash the scanner (got's "onCancel handler was attached
  // after the promise settled") before or after it writes the CSV: a file without the header row
  // is a scan that did not finish, never "no findings", and the scan is run again.
  let text = '';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && !text.startsWith('issue,'); attempt += 1) {
    rmSync(csv, { force: true });
    const scan = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
        '-i',
        join(root, 'electron'),
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        csv,
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000 },
    );
    if (scan.error || scan.signal) {
      console.error(`electronegativity did not finish (${scan.error?.message ?? scan.signal})`);
      process.exit(1);
    }
    try {
      text = readFileSync(csv, 'utf8');
    } catch {
      text = '';
    }
  }
  if (!text.startsWith('issue,')) {
    console.error(
      `electronegativity wrote no findings in ${MAX_ATTEMPTS} runs: the scan did not run`,
    );
    process.exit(1);
  }
  const accepted = JSON.parse(
    readFileSync(join(root, '.ci/electronegativity-accepted.json'), 'utf8'),
  ).accepted;
  const findings = parseCsv(text)
    .slice(1)
    .filter((row) => row.length >= 5)
    .map(([issue, severity, confidence, file, location]) => ({
      issue,
      severity,
      confidence,
      file: file === 'N/A' ? 'N/A' : relative(root, file),
      location,
    }));
  const unexplained = findings.filter(
    (finding) =>
      !accepted.some((entry) => entry.issue === finding.issue && entry.file === finding.file),
  );
  for (const finding of findings) {
    const status = unexplained.includes(finding) ? 'UNEXPLAINED' : 'reviewed';
    console.log(
      `${status.padEnd(11)} ${finding.issue} ${finding.severity}/${finding.confidence} ${finding.file}:${finding.location}`,
    );
  }
  console.log(`electronegativity: ${findings.length} findings, ${unexplained.length} unexplained`);
  process.exit(unexplained.length === 0 ? 0 : 1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
