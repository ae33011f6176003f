import type { PageSize } from './layout';
import { roomT } from '../../shared/i18n';
import { createDocument, FlowWriter, MUTED } from './layout';

export interface AgendaPdfInput {
  title: string;
  programTitle: string;
  /** The day and start of the group when a start time was chosen; empty otherwise. */
  dateLabel: string;
  /**
   * The program's agenda as printed: its clock time from the start, title, minutes and the line
   * printed under it; `today` is the clock time of day when a start time was chosen.
   */
  items: {
    clock: string;
    today: string | null;
    title: string;
    minutes: number;
    detail: string | null;
  }[];
  /** The printed end of the group, e.g. "2:00 End". */
  end: { clock: string; today: string | null };
  pageSize: PageSize;
  /** The pack's language: the agenda's own headings and words are printed in it (English when not given). */
  language?: string;
}

/** "(5 mins)", as the manual prints durations. */
function durationLabel(minutes: number, t: ReturnType<typeof roomT>): string {
  return t('print.duration', { count: Math.round(minutes * 10) / 10 });
}

/**
 * The agenda handed to group members: the program's agenda as printed, with today's clock times
 * beside it when a start time is chosen. It carries no names, so it is safe to leave on a table.
 */
export async function agendaPdf(input: AgendaPdfInput): Promise<Uint8Array> {
  const t = roomT(input.language);
  const { doc, fonts } = await createDocument(input.title);
  const writer = new FlowWriter(doc, fonts, input.pageSize);
  writer.heading(input.title, 1);
  if (input.programTitle.trim()) writer.text(input.programTitle, { size: 12, color: MUTED });
  if (input.dateLabel.trim()) writer.text(input.dateLabel, { size: 12, color: MUTED });
  writer.gap(16);
  const withToday = input.items.some((item) => item.today !== null);
  const rows = [
    ...input.items.map((item) => ({
      clock: item.clock,
      today: item.today,
      text: `${item.title} ${durationLabel(item.minutes, t)}${item.detail ? `\n${item.detail}` : ''}`,
    })),
    { clock: input.end.clock, today: input.end.today, text: t('print.agendaEnd') },
  ];
  writer.table(
    withToday
      ? [
          { header: t('print.agendaTime'), weight: 1 },
          { header: t('print.agendaToday'), weight: 1.1 },
          { header: t('print.agendaHeading'), weight: 7 },
        ]
      : [
          { header: t('print.agendaTime'), weight: 1 },
          { header: t('print.agendaHeading'), weight: 8.1 },
        ],
    rows.map((row) => (withToday ? [row.clock, row.today ?? '', row.text] : [row.clock, row.text])),
    { size: 12, showHeader: withToday, padding: 6 },
  );
  return writer.finish({ pageNumbers: true, language: input.language });
}
