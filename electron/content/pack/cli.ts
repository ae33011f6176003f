// `npm run pack:check -- <folder> [<folder> …]`: validates content packs; exits 0 when all are valid.
import { resolve } from 'node:path';
import { checkPack } from './loadPack';
import { formatProblem } from '../../shared/pack/problems';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  process.stderr.write('usage: npm run pack:check -- <pack folder> [<pack folder> …]\n');
  process.exit(2);
}

let failed = false;
for (const folder of folders) {
  const check = checkPack(resolve(folder));
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  const warnings = check.problems.length - errors.length;
  for (const problem of check.problems)
    process.stdout.write(`${folder}/${formatProblem(problem)}\n`);
  if (errors.length > 0) {
    failed = true;
    process.stdout.write(
      `${folder}: ${errors.length} error(s), ${warnings} warning(s): not a valid pack\n`,
    );
  } else {
    const { id, version, title } = check.manifest!;
    process.stdout.write(`${folder}: ok, ${id} ${version} "${title}" (${warnings} warning(s))\n`);
  }
}
process.exit(failed ? 1 : 0);
