import { expect } from '@playwright/test';
import { advance, installClocks, minutes } from './support/clock';
import { AudiencePage, ConsolePage } from './support/pages';
import { fakeClockTest } from './support/fixtures';

const test = fakeClockTest;

const PRIVATE = ['Riley', 'Sam', 'Tuesday group', 'Jordan'];

test('runs HHRP+ Group Five from the opening to the relaxation tape, and saves the fidelity record', async ({
  shell,
  context,
}) => {
  test.setTimeout(120_000);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await installClocks(context);
  const console = new ConsolePage(await context.newPage());
  const audience = new AudiencePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await audience.open(shell.audienceUrl);
  await console.focus();

  const audienceIsPrivate = async () => {
    const html = await audience.everything();
    for (const word of PRIVATE) expect(html, `audience shows "${word}"`).not.toContain(word);
    for (const notes of await console.page.getByTestId('slide-notes').allTextContents()) {
      expect(html).not.toContain(notes);
    }
  };

  await console.start({
    pack: 'Negotiating Harm Reduction with Partners',
    group: 'Tuesday group',
    facilitators: ['Riley', 'Sam'],
    timeKeeper: 'Jordan',
  });
  await console.expectItem(1, 'Begin Group');
  await expect(console.clock).toHaveText('18:00');
  await expect(console.sessionLeft).toHaveText('2:00:00');
  await expect(console.agendaItem(14)).toContainText('19:50');
  await audience.expectScreen('slide');
  await audienceIsPrivate();

  // Opening runs 2 minutes over: the item warns, the group runs late, the rest is re-projected.
  await advance(context, shell, minutes(4) + 10_000);
  await expect(console.itemTimer).toContainText('Ending soon');
  await advance(context, shell, minutes(3));
  await expect(console.itemTimer).toContainText('Over time');
  await expect(console.itemLeft).toHaveText('2:10 over');
  await expect(console.lateness).toContainText('Running 2 min late');
  await expect(console.lateness).toContainText('Projected end 20:02');

  // Next (button or key) goes through the item's slides and on to the next item.
  const reach = async (index: number) => {
    for (let presses = 0; presses < 12; presses += 1) {
      const position = await console.slidePosition.textContent();
      if ((await console.currentItem.textContent())?.startsWith(`${index + 1}. `)) return;
      if (presses % 2 === 0) await console.nextButton.click();
      else await console.page.keyboard.press('ArrowRight');
      await expect(console.slidePosition).not.toHaveText(position!);
    }
    await expect(console.currentItem).toHaveText(new RegExp(`^${index + 1}\\. `));
  };
  await reach(1);
  await expect(console.lateness).toContainText('Running 2 min late');
  await advance(context, shell, minutes(5));
  await reach(2);

  // Negotiation defined: show the question, then reveal the answers.
  const question = console.question('what-is-negotiation');
  await question.getByRole('button', { name: 'Show question' }).click();
  await audience.expectScreen('question');
  await expect(audience.root).toContainText('What does the word');
  await expect(audience.root).not.toContainText('persuasion, bargaining');
  await question.getByRole('button', { name: 'Reveal answers' }).click();
  await expect(audience.root).toContainText('persuasion, bargaining');
  await expect(console.projectorStatus).toHaveText('Projector: the question and its answers');
  await console.page.keyboard.press('Escape');
  await audience.expectScreen('slide');
  await audienceIsPrivate();

  // Items 3–7, each on time.
  for (const [index, length] of [
    [3, 5],
    [4, 10],
    [5, 10],
    [6, 5],
    [7, 10],
  ] as const) {
    await advance(context, shell, minutes(length));
    await reach(index);
    await audienceIsPrivate();
    if (index === 6) {
      // The first video: Next starts it on the projector; it plays to its end by itself.
      await console.page.keyboard.press('n');
      await expect(console.page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      await expect(console.projectorStatus).toHaveText('Projector: the video');
      await audience.expectScreen('video');
    }
  }
  await console.changeItem(7, 'Fewer responses; group was quiet', 'Mark adapted');
  await expect(console.agendaItem(7)).toContainText('Adapted: Fewer responses; group was quiet');

  // The break: the projector says when to be back and counts down.
  await advance(context, shell, minutes(5));
  await reach(8);
  await expect(console.phase).toHaveText('Break');
  await audience.expectScreen('break');
  await expect(audience.page.getByTestId('back-at')).toHaveText('19:07');
  await expect(audience.page.getByTestId('break-countdown')).toHaveText('10:00');
  await advance(context, shell, minutes(4));
  await expect(audience.page.getByTestId('break-countdown')).toHaveText('6:00');

  // Skip one item with its reason; Next passes over it.
  await console.changeItem(11, 'Covered during the vignettes discussion', 'Skip item');
  await advance(context, shell, minutes(6));
  for (const index of [9, 10, 12, 13, 14]) {
    await reach(index);
    if (index === 10) {
      // The vignettes: each Next plays one vignette; the video stops by itself at its end for discussion.
      let played = 0;
      for (const [vignette, cue] of [30, 60, 90, 118].entries()) {
        await console.page.keyboard.press('n');
        // Main must have started playback before time moves on.
        await expect(
          console.page.getByRole('button', { name: 'Pause', exact: true }),
        ).toBeVisible();
        await advance(context, shell, (cue - played) * 1000);
        played = cue;
        await expect(console.page.getByTestId('cue-discussion')).toContainText(
          `Stopped after Vignette ${vignette + 1}`,
        );
      }
      // Next after the last vignette plays the last two seconds; then Next moves on.
      await console.page.keyboard.press('n');
      await expect(console.page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
      await advance(context, shell, minutes(15) - played * 1000);
      await expect(console.page.getByTestId('video-panel')).toContainText('Position 2:00 / 2:00');
    } else {
      await advance(context, shell, minutes(index === 12 ? 15 : 5));
    }
  }
  await expect(console.phase).toHaveText('Relaxation');
  await audienceIsPrivate();

  await console.endSession();
  await audience.expectScreen('ended');
  const row = (id: string) => console.summary.locator(`tr[data-item-id="${id}"]`);
  await expect(row('begin-group')).toContainText('5 min7.2 minDelivered');
  await expect(row('drugs-and-alcohol')).toContainText('Skipped');
  await expect(row('drugs-and-alcohol')).toContainText(
    'Skipped: Covered during the vignettes discussion',
  );
  await expect(row('video-discussion')).toContainText('Adapted: Fewer responses; group was quiet');
  await expect(console.summary).toContainText('18:00–');

  // The whole run stayed on the kiosk's own origin: no request went anywhere else.
  const origin = new URL(shell.consoleUrl).origin;
  expect(requests.length).toBeGreaterThan(50);
  expect(
    requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:')),
  ).toEqual([]);
});
