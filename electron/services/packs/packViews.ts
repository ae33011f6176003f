import type { PackProblem } from '../../shared/pack/problems';

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  program: string;
  session: number | null;
  audience: 'client-group' | 'provider-workshop';
  language: string;
  minutes: number;
  itemCount: number;
  slideCount: number;
  origin: 'built-in' | 'imported';
  /** An imported pack that takes the place of the built-in pack with the same id. */
  replacesBuiltIn: boolean;
  warnings: PackProblem[];
}

export interface BrokenPackSummary {
  name: string;
  title: string | null;
  origin: 'built-in' | 'imported';
  problems: PackProblem[];
}

export interface PackListView {
  packs: PackSummary[];
  broken: BrokenPackSummary[];
}

export type ImportResult =
  | { status: 'imported'; pack: PackSummary; replaced: boolean }
  | {
      status: 'needs-confirmation';
      id: string;
      existing: { title: string; version: string; origin: 'built-in' | 'imported' };
      incoming: { title: string; version: string };
    }
  | { status: 'invalid'; problems: PackProblem[] };
