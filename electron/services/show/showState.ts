/** The show's state is the fold of its events; this file is the only place that fold is defined. */
export interface ShowState {
  slideIndex: number;
}

export type ShowEvent = { type: 'slide-shown'; slideIndex: number };

export const INITIAL_SHOW_STATE: ShowState = { slideIndex: 0 };

export function applyShowEvent(state: ShowState, event: ShowEvent): ShowState {
  switch (event.type) {
    case 'slide-shown':
      return { ...state, slideIndex: event.slideIndex };
  }
}
