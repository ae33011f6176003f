/**
 * The Program view behind the counselor PIN: the figures for a selection, its report as a PDF and
 * the figures behind each chart as CSV. Every method asks the records lock first.
 */
import { strToU8, zipSync } from 'fflate';
import type { Clock } from '../../shared/clock';
import type { Db } from '../../db/database';
import { listProgramCohorts, listRanPacks, sessionSpan } from '../../db/queries/program';
import type { RecordsLock } from '../access/recordsLock';
import { RejectedRequest } from '../errors';
import type { PackLibrary } from '../packs/packLibrary';
import type { JobBoard } from '../../jobs/jobRunner';
import type { PageSize } from '../print';
import { toCsv, UTF8_BOM, type CsvRow } from '../records/csv';
import type { Download, DownloadShelf } from '../downloads/downloadShelf';
import { dayOf, dayStart, programFigures, type ProgramFilter } from './programFigures';
import { buildProgramView, type ChartBlock, type ProgramView } from './programView';
import { FALLBACK_LANGUAGE, type Language } from '../../shared/i18n';
import { phrase } from '../../shared/i18n/phrases';

/** What the console asks for; a missing range means the default (the last twelve months). */
export interface ProgramRequest {
  packId: string | null;
  cohortId: number | null;
  from: string | null;
  to: string | null;
}

/** The figures of one chart as CSV: each table under its caption, a blank line between. */
export function chartCsv(block: ChartBlock): string {
  const rows: CsvRow[] = [];
  for (const table of block.tables) {
    if (rows.length > 0) rows.push([]);
    rows.push([table.caption], table.columns, ...table.rows);
  }
  return UTF8_BOM + toCsv([[block.title], [], ...rows]);
}

export class ProgramDesk {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly packs: PackLibrary,
    private readonly lock: RecordsLock,
    /** The console's language, for the view and its PDF; the CSV files keep English columns. */
    private readonly language: () => Language,
    private readonly downloads: DownloadShelf,
    /** The report's pages are laid out on a worker thread, like every PDF. */
    private readonly jobs: JobBoard,
  ) {}

  view(request: ProgramRequest): ProgramView {
    this.lock.require();
    return this.build(request, this.language());
  }

  async report(request: ProgramRequest, pageSize: PageSize): Promise<Download> {
    this.lock.require();
    const language = this.language();
    const view = this.build(request, language);
    const fileName = `${this.fileStem(view)}.pdf`;
    const bytes = await this.jobs.run('pdf', phrase('jobs.labels.printing', { fileName }), {
      document: 'program-report',
      input: {
        language,
        view,
        packTitles: view.counts.packs.map((pack) => pack.title),
        cohortName: this.cohortName(view),
        pageSize,
      },
    });
    return this.downloads.offer(fileName, 'application/pdf', bytes);
  }

  /** One chart's figures as a CSV file, or every chart's in a zip when `chartId` is null. */
  figures(request: ProgramRequest, chartId: string | null): Download {
    this.lock.require();
    const view = this.build(request, FALLBACK_LANGUAGE);
    const blocks = view.sections.flatMap((section) => section.blocks);
    if (chartId !== null) {
      const block = blocks.find((entry) => entry.id === chartId);
      if (!block) throw new RejectedRequest('errors.program.noSuchChart');
      return this.downloads.offer(
        `${this.fileStem(view)}-${block.id}.csv`,
        'text/csv',
        chartCsv(block),
      );
    }
    if (blocks.length === 0) throw new RejectedRequest('errors.program.noSessions');
    const zip = zipSync(
      Object.fromEntries(blocks.map((block) => [`${block.id}.csv`, strToU8(chartCsv(block))])),
    );
    return this.downloads.offer(`${this.fileStem(view)}-figures.zip`, 'application/zip', zip);
  }

  private build(request: ProgramRequest, language: Language): ProgramView {
    const span = sessionSpan(this.db);
    const filter = this.filterFor(request);
    const packs = this.packOptions();
    if (request.packId !== null && !packs.some((pack) => pack.id === request.packId)) {
      throw new RejectedRequest('errors.noSuchPack', { packId: request.packId });
    }
    const cohorts = listProgramCohorts(this.db);
    if (request.cohortId !== null && !cohorts.some((cohort) => cohort.id === request.cohortId)) {
      throw new RejectedRequest('errors.program.noSuchGroup');
    }
    const figures = programFigures(
      this.db,
      filter,
      (packId) => this.packs.find(packId)?.manifest ?? null,
      new Map(cohorts.map((cohort) => [cohort.id, cohort.name])),
      language,
    );
    return buildProgramView(
      figures,
      {
        packs,
        cohorts,
        firstDay: span.first === null ? null : dayOf(span.first),
        lastDay: span.last === null ? null : dayOf(span.last),
      },
      language,
    );
  }

  private filterFor(request: ProgramRequest): ProgramFilter {
    const today = dayOf(this.clock.now());
    const to = request.to ?? today;
    let from = request.from;
    if (from === null) {
      const start = new Date(dayStart(to));
      start.setFullYear(start.getFullYear() - 1);
      start.setDate(start.getDate() + 1);
      from = dayOf(start.getTime());
    }
    if (dayStart(from) > dayStart(to)) {
      throw new RejectedRequest('errors.program.badRange', { from, to });
    }
    return { packId: request.packId, cohortId: request.cohortId, from, to };
  }

  /** Packs that are installed and packs that sessions ran, even if removed since. */
  private packOptions(): { id: string; title: string }[] {
    const options = new Map(this.packs.listView().packs.map((pack) => [pack.id, pack.title]));
    for (const pack of listRanPacks(this.db)) {
      if (!options.has(pack.id)) options.set(pack.id, pack.title);
    }
    return [...options].map(([id, title]) => ({ id, title }));
  }

  private cohortName(view: ProgramView): string | null {
    if (view.filter.cohortId === null) return null;
    return view.options.cohorts.find((cohort) => cohort.id === view.filter.cohortId)?.name ?? null;
  }

  private fileStem(view: ProgramView): string {
    return `program-${view.filter.from}-to-${view.filter.to}`;
  }
}
