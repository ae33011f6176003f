import type { PageSize, TextStyle } from './layout';
import { roomT } from '../../shared/i18n';
import { createDocument, FlowWriter, INK, MUTED } from './layout';

export interface QuizSheetPdfInput {
  title: string;
  packTitle: string;
  items: { number: number; prompt: string; options: { key: string; text: string }[] }[];
  pageSize: PageSize;
  /** The pack's language, for the sheet's own words (English when not given). */
  language?: string;
}

const NUMBER_WIDTH = 24;
const MARK_WIDTH = 18;
const OPTION_LABEL_WIDTH = 16;
const PROMPT_SIZE = 12;
const OPTION_SIZE = 11.5;
const QUESTION_GAP = 14;

/** The paper quiz members fill in. It shows the questions and options only, never the answers. */
export async function quizSheetPdf(input: QuizSheetPdfInput): Promise<Uint8Array> {
  const t = roomT(input.language);
  const { doc, fonts } = await createDocument(input.title);
  const writer = new FlowWriter(doc, fonts, input.pageSize);
  writer.heading(input.title, 1);
  if (input.packTitle.trim()) writer.text(input.packTitle, { size: 12, color: MUTED });
  writer.gap(18);
  writer.text(
    `${t('print.quizName')} ${'_'.repeat(34)}     ${t('print.quizDate')} ${'_'.repeat(18)}`,
    {
      size: 12,
    },
  );
  writer.text(t('print.quizInstructions'), {
    size: 10.5,
    color: MUTED,
    spaceBefore: 10,
  });

  for (const item of input.items) {
    const promptStyle: TextStyle = {
      weight: 'bold',
      size: PROMPT_SIZE,
      label: `${item.number}.`,
      labelWidth: NUMBER_WIDTH,
      spaceBefore: QUESTION_GAP,
      spaceAfter: 4,
    };
    const optionStyle = (key: string): TextStyle => ({
      size: OPTION_SIZE,
      indent: NUMBER_WIDTH + MARK_WIDTH,
      label: `${key}.`,
      labelWidth: OPTION_LABEL_WIDTH,
      spaceAfter: 2,
    });
    // A question is kept on one page with its options so nobody answers from the wrong page.
    const height =
      writer.measure(item.prompt, promptStyle).height +
      item.options.reduce(
        (sum, option) => sum + writer.measure(option.text, optionStyle(option.key)).height,
        0,
      );
    writer.keepTogether(height);
    writer.text(item.prompt, promptStyle);
    for (const option of item.options) {
      writer.text(option.text, optionStyle(option.key), (page, baseline, x) => {
        page.drawCircle({
          x: x - MARK_WIDTH / 2,
          y: baseline + OPTION_SIZE * 0.33,
          size: 4.5,
          borderColor: INK,
          borderWidth: 0.8,
        });
      });
    }
  }
  return writer.finish({ footer: input.title, pageNumbers: true, language: input.language });
}
