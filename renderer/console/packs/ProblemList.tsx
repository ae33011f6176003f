import { useProblemLine, type ProblemLine } from '../../shared/i18n/problemText';

/** A pack's problems, or an import's, each as one line in the console's language. */
export function ProblemList({ problems }: { problems: readonly ProblemLine[] }) {
  const line = useProblemLine();
  return (
    <ul className="problems">
      {problems.map((problem, index) => (
        // The same problem may be reported twice (two fields alike), so the place keys it.
        <li key={index}>{line(problem)}</li>
      ))}
    </ul>
  );
}
