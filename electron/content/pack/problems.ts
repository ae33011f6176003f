export type PathSegment = string | number;

export interface PackProblem {
  severity: 'error' | 'warning';
  /** File inside the pack folder, e.g. `pack.yaml` or `slides/intro.md`. */
  file: string;
  line: number | null;
  /** Field path such as `agenda[7].video.cues[2].at`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** `pack.yaml:42 agenda[7].video.cues[2].at: beyond the media's length` */
export function formatProblem(problem: PackProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${prefix}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
