/** What each window is sent. The audience view is built from public fields only, by construction. */
export interface SlideView {
  number: number;
  html: string;
}

export interface ConsoleView {
  revision: number;
  deckTitle: string;
  slideCount: number;
  current: SlideView & { notes: string };
  next: SlideView | null;
}

export interface AudienceView {
  revision: number;
  slide: SlideView;
}
