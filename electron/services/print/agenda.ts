import type { PageSize } from './layout';
import { createDocument, FlowWriter, minutesLabel, MUTED } from './layout';

export interface AgendaPdfInput {
  title: string;
  programTitle: string;
  dateLabel: string;
  items: { clock: string; title: string; minutes: number }[];
  pageSize: PageSize;
}

/**
 * The agenda handed to group members, with today's clock times. It carries no names, so it is
 * safe to leave on a table.
 */
export async function agendaPdf(input: AgendaPdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument(input.title);
  const writer = new FlowWriter(doc, fonts, input.pageSize);
  writer.heading(input.title, 1);
  if (input.programTitle.trim()) writer.text(input.programTitle, { size: 12, color: MUTED });
  if (input.dateLabel.trim()) writer.text(input.dateLabel, { size: 12, color: MUTED });
  writer.gap(16);
  writer.table(
    [
      { header: 'Time', weight: 1.1 },
      { header: 'Item', weight: 6 },
      { header: 'Length', weight: 1.4, align: 'right' },
    ],
    input.items.map((item) => [item.clock, item.title, `(${minutesLabel(item.minutes)})`]),
    { size: 12, showHeader: false, padding: 6 },
  );
  const total = input.items.reduce((sum, item) => sum + item.minutes, 0);
  writer.text(`Total: ${minutesLabel(total)}`, { size: 11, color: MUTED, spaceBefore: 10 });
  return writer.finish({ pageNumbers: true });
}
