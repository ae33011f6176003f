import type { LoadedPack } from './registry';

export interface DeckSlide {
  id: string;
  html: string;
  notes: string;
}

export interface Deck {
  id: string;
  title: string;
  slides: readonly DeckSlide[];
}

/** A pack's slides in the order its agenda shows them. */
export function deckOf(pack: LoadedPack): Deck {
  const slides = pack.manifest.agenda.flatMap((item) =>
    item.slides.map((slideId) => {
      const slide = pack.slides.get(slideId)!;
      return { id: slide.id, html: slide.html, notes: slide.notes };
    }),
  );
  return { id: pack.manifest.id, title: pack.manifest.title, slides };
}
