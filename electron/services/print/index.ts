/**
 * Printable PDFs for a session: handouts for members, certificates, game cards and the fidelity
 * report. Everything here is pure (input in, PDF bytes out) so it runs and is tested under Node.
 */
export type { PageSize } from './layout';
export { toWinAnsi } from './winAnsi';
export { certificatesPdf } from './certificates';
export type { CertificatesInput } from './certificates';
export { agendaPdf } from './agenda';
export type { AgendaPdfInput } from './agenda';
export { quizSheetPdf } from './quizSheet';
export type { QuizSheetPdfInput } from './quizSheet';
export { scenarioCardsPdf } from './scenarioCards';
export type { ScenarioCardsPdfInput } from './scenarioCards';
export { markdownHandoutPdf, parseMarkdown, stripInlineMarkdown } from './markdownHandout';
export type { MarkdownBlock, MarkdownHandoutPdfInput } from './markdownHandout';
export { sessionReportPdf } from './sessionReport';
export type { SessionReportPdfInput } from './sessionReport';
export { programReportPdf } from './programReport';
export type { ProgramReportPdfInput } from './programReport';
