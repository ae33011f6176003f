import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningShell } from './webShell';

/** One session to run through the console's own channels, on main's fake clock. */
export interface PlannedSession {
  group: string;
  /** Members present; names not yet in the group are added and checked in. */
  present: string[];
  /** Quiz answers per member, one letter per quiz item in order (e.g. "dadcb"). */
  answers: Record<string, string>;
  skip?: Record<number, string>;
  adapt?: Record<number, string>;
  /** Minutes an item really took, where it differs from the plan. */
  minutes?: Record<number, number>;
  /** Days after the previous session ended that this one starts. */
  daysLater: number;
}

const DAY = 24 * 60 * 60_000;

/**
 * Runs Group Five sessions one after another: start, check members in, walk the agenda item by
 * item for its minutes (skipping and adapting as planned), enter the quiz, end.
 */
export async function runProgram(
  page: Page,
  shell: RunningShell,
  sessions: PlannedSession[],
  pin: string,
): Promise<void> {
  for (const session of sessions) {
    await shell.advanceClock(session.daysLater * DAY);
    const plannedMinutes = await page.evaluate(
      async ({ planned, pin }) => {
        // Days have passed and the records locked again; the counselor gives the PIN.
        const unlocked = await window.kiosk.invoke('records:unlock', { pin });
        if (!unlocked.ok) throw new Error(unlocked.error.message);
        const started = await window.kiosk.invoke('session:start', {
          packId: 'hhrp-group-5',
          cohortName: planned.group,
          facilitators: ['Riley'],
          timeKeeper: null,
        });
        if (!started.ok) throw new Error(started.error.message);
        let view = started.value;
        for (const name of planned.present) {
          const known = view.session!.group.members.find((member) => member.name === name);
          const result = known
            ? await window.kiosk.invoke('group:setPresent', { memberId: known.id, present: true })
            : await window.kiosk.invoke('group:addMember', { name, checkIn: true });
          if (!result.ok) throw new Error(result.error.message);
          view = result.value;
        }
        return view.session!.agenda.map((item) => item.minutes);
      },
      { planned: session, pin },
    );
    for (let index = 0; index < plannedMinutes.length; index += 1) {
      const skipped = session.skip?.[index];
      await page.evaluate(
        async ({ index: at, skipped: why, adapted }) => {
          const invoke = async (command: object) => {
            const result = await window.kiosk.invoke('session:command', command as never);
            if (!result.ok) throw new Error(result.error.message);
          };
          if (why) await invoke({ type: 'skip', index: at, reason: why });
          else if (at > 0) await invoke({ type: 'goToItem', index: at });
          if (adapted) await invoke({ type: 'adapt', index: at, reason: adapted });
        },
        { index, skipped, adapted: session.adapt?.[index] },
      );
      if (skipped) continue;
      await shell.advanceClock((session.minutes?.[index] ?? plannedMinutes[index]!) * 60_000);
    }
    await page.evaluate(async (planned) => {
      const view = await window.kiosk.invoke('session:consoleView', {});
      if (!view.ok || !view.value.session) throw new Error('no session');
      const members = view.value.session.group.members;
      for (const [name, keys] of Object.entries(planned.answers)) {
        const member = members.find((entry) => entry.name === name)!;
        for (const [position, key] of [...keys].entries()) {
          const result = await window.kiosk.invoke('group:answer', {
            memberId: member.id,
            itemId: `q${position + 1}`,
            answer: key,
          });
          if (!result.ok) throw new Error(result.error.message);
        }
      }
      const ended = await window.kiosk.invoke('session:command', { type: 'end' });
      if (!ended.ok) throw new Error(ended.error.message);
    }, session);
  }
}

/** The Records tab's Program page. */
export class ProgramPage {
  readonly counts: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.counts = page.getByTestId('program-counts');
    this.filters = page.getByRole('form', { name: 'Program selection' });
  }

  async open() {
    await this.page.getByRole('button', { name: 'Program at a glance' }).click();
    await expect(this.counts).toBeVisible();
  }

  chart(id: string): Locator {
    return this.page.locator(`[data-chart="${id}"]`);
  }

  /** A row of a chart's figures, by the text in its first cell. */
  row(chartId: string, first: string | RegExp): Locator {
    return this.chart(chartId)
      .locator('tbody tr')
      .filter({ has: this.page.locator('th', { hasText: first }) });
  }
}
