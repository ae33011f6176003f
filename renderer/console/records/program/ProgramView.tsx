import { useEffect, useState } from 'react';
import type { ChartFigure } from '../../../../electron/services/program/charts';
import type {
  ChartBlock,
  ProgramView as ProgramViewData,
} from '../../../../electron/services/program/programView';
import { call, consoleApi } from '../../../platform/kiosk';
import { formatNumber } from '../../../shared/i18n/format';
import { useConsoleT } from '../../../shared/i18n/i18n';
import { useRecordsAction } from '../useRecordsAction';
import { PaperSelect, type PageSize } from '../PaperSelect';
import './program.css';

const api = consoleApi();

interface Selection {
  packId: string | null;
  cohortId: number | null;
  from: string | null;
  to: string | null;
}

/** The chart main laid out, drawn as SVG: the same shapes the program report prints. */
function ChartSvg({ chart, label }: { chart: ChartFigure; label: string }) {
  const t = useConsoleT('records');
  return (
    <svg
      className="program__chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-label={t('program.chartLabel', { title: label })}
    >
      <rect width={chart.width} height={chart.height} fill="#ffffff" />
      {chart.shapes.map((shape, index) => {
        if (shape.kind === 'rect') {
          const { x, y, width, height, fill } = shape;
          return <rect key={index} x={x} y={y} width={width} height={height} fill={fill} />;
        }
        if (shape.kind === 'path') {
          return (
            <path
              key={index}
              d={shape.d}
              transform={shape.at ? `translate(${shape.at[0]},${shape.at[1]})` : undefined}
              fill={shape.fill ?? 'none'}
              stroke={shape.stroke}
              strokeWidth={shape.strokeWidth}
              strokeDasharray={shape.dash?.join(' ')}
            />
          );
        }
        return (
          <text
            key={index}
            x={shape.x}
            y={shape.y}
            fontSize={shape.size}
            fontWeight={shape.bold ? 700 : 400}
            textAnchor={shape.anchor}
            fill={shape.fill}
          >
            {shape.text}
          </text>
        );
      })}
    </svg>
  );
}

function Block({ block, onFigures }: { block: ChartBlock; onFigures: () => void }) {
  const t = useConsoleT('records');
  return (
    <figure className="program__block" data-chart={block.id} aria-labelledby={`${block.id}-title`}>
      <figcaption className="program__caption">
        <h4 id={`${block.id}-title`}>{block.title}</h4>
        <p>{block.summary}</p>
        <button
          type="button"
          onClick={onFigures}
          aria-label={t('program.figuresLabel', { title: block.title })}
        >
          {t('program.figures')}
        </button>
      </figcaption>
      <div className="program__body">
        <ChartSvg chart={block.chart} label={block.title} />
        <div
          className="program__tables"
          role="region"
          aria-label={t('program.tableLabel', { title: block.title })}
          tabIndex={0}
        >
          {block.tables.map((table) => (
            <table key={table.caption} className="summary__table program__table">
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr>
                    <td colSpan={table.columns.length}>{t('program.noRows')}</td>
                  </tr>
                ) : (
                  table.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) =>
                        cellIndex === 0 ? (
                          <th key={cellIndex} scope="row">
                            {cell ?? '—'}
                          </th>
                        ) : (
                          <td
                            key={cellIndex}
                            className={typeof cell === 'number' ? 'program__number' : undefined}
                          >
                            {typeof cell === 'number' ? formatNumber(cell) : (cell ?? '—')}
                          </td>
                        ),
                      )}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          ))}
        </div>
      </div>
    </figure>
  );
}

/**
 * The program at a glance: fidelity, attendance and quiz trends across the sessions of a date
 * range, for one pack or all and one group or all. Loaded only when opened.
 */
export default function ProgramView({ onLocked }: { onLocked: () => void }) {
  const [selection, setSelection] = useState<Selection>({
    packId: null,
    cohortId: null,
    from: null,
    to: null,
  });
  const t = useConsoleT('records');
  const [view, setView] = useState<ProgramViewData | null>(null);
  const [pageSize, setPageSize] = useState<PageSize>('Letter');

  const { run, fetchFile } = useRecordsAction(onLocked);
  useEffect(() => {
    void run(() => call(api, 'records:program', selection), { onDone: setView, quiet: true });
  }, [selection, run]);

  if (!view) return <p>{t('program.loading')}</p>;
  const current = { ...view.filter };
  const change = (patch: Partial<Selection>) => setSelection({ ...current, ...patch });

  return (
    <div className="program">
      <form
        className="inline-form program__filters"
        aria-label={t('program.selection')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          {t('program.pack')}
          <select
            value={current.packId ?? ''}
            onChange={(event) => change({ packId: event.target.value || null })}
          >
            <option value="">{t('program.allPacks')}</option>
            {view.options.packs.map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('program.group')}
          <select
            value={current.cohortId ?? ''}
            onChange={(event) =>
              change({ cohortId: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">{t('program.allGroups')}</option>
            {view.options.cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('program.fromDate')}
          <input
            type="date"
            value={current.from}
            min={view.options.firstDay ?? undefined}
            onChange={(event) => event.target.value && change({ from: event.target.value })}
          />
        </label>
        <label>
          {t('program.toDate')}
          <input
            type="date"
            value={current.to}
            onChange={(event) => event.target.value && change({ to: event.target.value })}
          />
        </label>
        {view.options.firstDay && (
          <button
            type="button"
            onClick={() => change({ from: view.options.firstDay, to: view.options.lastDay })}
          >
            {t('program.allSessions')}
          </button>
        )}
      </form>

      <p className="program__counts" data-testid="program-counts">
        {t('program.counts', {
          sessions: t('program.sessions', { count: view.counts.sessions }),
          groups: t('program.groups', { count: view.counts.groups }),
          members: t('program.members', { count: view.counts.members }),
          period: view.periodLabel,
        })}
      </p>

      <div className="inline-form">
        <PaperSelect value={pageSize} onChange={setPageSize} />
        <button
          type="button"
          disabled={view.sections.length === 0}
          onClick={() =>
            void fetchFile(() => call(api, 'records:programReport', { ...current, pageSize }))
          }
        >
          {t('program.report')}
        </button>
        <button
          type="button"
          disabled={view.sections.length === 0}
          onClick={() =>
            void fetchFile(() => call(api, 'records:programFigures', { ...current, chartId: null }))
          }
        >
          {t('program.allFigures')}
        </button>
      </div>

      {view.sections.length === 0 && <p className="runner__muted">{t('program.empty')}</p>}
      {view.sections.map((section) => (
        <section
          key={section.id}
          className="program__section"
          aria-labelledby={`${section.id}-heading`}
        >
          <h3 id={`${section.id}-heading`}>{section.title}</h3>
          {section.blocks.map((block) => (
            <Block
              key={block.id}
              block={block}
              onFigures={() =>
                void fetchFile(() =>
                  call(api, 'records:programFigures', { ...current, chartId: block.id }),
                )
              }
            />
          ))}
        </section>
      ))}
    </div>
  );
}
