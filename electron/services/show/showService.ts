import type { Deck } from '../../content/pack/deck';
import type { Db } from '../../db/database';
import { insertShowEvent, listShowEvents } from '../../db/queries/showEvents';
import { RejectedRequest } from '../../ipc/router';
import { applyShowEvent, INITIAL_SHOW_STATE, type ShowEvent, type ShowState } from './showState';
import type { AudienceView, ConsoleView } from './views';

export interface Clock {
  now(): number;
}

export type ShowListener = (views: { console: ConsoleView; audience: AudienceView }) => void;

export class ShowService {
  private state: ShowState = INITIAL_SHOW_STATE;
  private revision = 0;
  private readonly listeners = new Set<ShowListener>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly deck: Deck,
  ) {
    for (const row of listShowEvents(db)) {
      this.state = applyShowEvent(this.state, JSON.parse(row.payload) as ShowEvent);
      this.revision = row.id;
    }
    this.state = { ...this.state, slideIndex: this.clampSlide(this.state.slideIndex) };
  }

  subscribe(listener: ShowListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  consoleView(): ConsoleView {
    const { slides } = this.deck;
    const index = this.state.slideIndex;
    const current = slides[index]!;
    const next = slides[index + 1];
    return {
      revision: this.revision,
      deckTitle: this.deck.title,
      slideCount: slides.length,
      current: { number: index + 1, html: current.html, notes: current.notes },
      next: next ? { number: index + 2, html: next.html } : null,
    };
  }

  audienceView(): AudienceView {
    const index = this.state.slideIndex;
    return {
      revision: this.revision,
      slide: { number: index + 1, html: this.deck.slides[index]!.html },
    };
  }

  next(): ConsoleView {
    return this.showSlide(Math.min(this.state.slideIndex + 1, this.deck.slides.length - 1));
  }

  previous(): ConsoleView {
    return this.showSlide(Math.max(this.state.slideIndex - 1, 0));
  }

  goToSlide(slideNumber: number): ConsoleView {
    if (slideNumber > this.deck.slides.length) {
      throw new RejectedRequest(
        `There is no slide ${slideNumber}; this deck has ${this.deck.slides.length}.`,
      );
    }
    return this.showSlide(slideNumber - 1);
  }

  private showSlide(slideIndex: number): ConsoleView {
    if (slideIndex !== this.state.slideIndex) this.record({ type: 'slide-shown', slideIndex });
    return this.consoleView();
  }

  /** Written to SQLite first; only a committed event changes what the windows are sent. */
  private record(event: ShowEvent): void {
    const row = insertShowEvent(this.db, event.type, event, this.clock.now());
    this.state = applyShowEvent(this.state, event);
    this.revision = row.id;
    const views = { console: this.consoleView(), audience: this.audienceView() };
    for (const listener of this.listeners) listener(views);
  }

  private clampSlide(index: number): number {
    return Math.min(Math.max(index, 0), this.deck.slides.length - 1);
  }
}
