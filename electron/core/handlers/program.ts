import type { ProgramDesk } from '../../services/program/programDesk';
import type { HandlersOf } from './domain';

/** The program's totals and charts across groups, on the Records desk. */
export type ProgramChannel = 'records:program' | 'records:programReport' | 'records:programFigures';

export function programHandlers(program: ProgramDesk): HandlersOf<ProgramChannel> {
  return {
    'records:program': (selection) => program.view(selection),
    'records:programReport': ({ pageSize, ...selection }) => program.report(selection, pageSize),
    'records:programFigures': ({ chartId, ...selection }) => program.figures(selection, chartId),
  };
}
