import { FittedSlide } from './FittedSlide';
import { Stage } from './Stage';

/** A slide on the 1920×1080 stage. The HTML comes from main, rendered from Markdown with raw HTML off. */
export function SlideFrame({
  html,
  label,
  onFit,
}: {
  html: string;
  label: string;
  onFit?: (zoom: number, fits: boolean) => void;
}) {
  return (
    <Stage label={label}>
      <FittedSlide html={html} onFit={onFit} />
    </Stage>
  );
}
