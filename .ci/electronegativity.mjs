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

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const csv = join(work, 'findings.csv');
try {
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
  // Its exit code is not a verdict (offline it exits 1), but a scan cut short writes a partial file.
  if (scan.error || scan.signal) {
    console.error(`electronegativity did not finish (${scan.error?.message ?? scan.signal})`);
    process.exit(1);
  }
  let text;
  try {
    text = readFileSync(csv, 'utf8');
  } catch {
    console.error('electronegativity wrote no findings file: the scan did not run');
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
