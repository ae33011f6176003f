import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** A deck as PowerPoint saves it: one landscape page per slide, its title on top, text below. */
export async function makeDeck(slides: readonly string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Overdose response');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [title, ...lines] of slides) {
    const page = pdf.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 440, width: 960, height: 100, color: rgb(0.1, 0.3, 0.6) });
    page.drawText(title!, { x: 48, y: 470, size: 40, font, color: rgb(1, 1, 1) });
    lines.forEach((line, index) =>
      page.drawText(line, { x: 48, y: 380 - index * 44, size: 28, font }),
    );
  }
  return pdf.save();
}
