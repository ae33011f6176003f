import { expect, test } from '@playwright/test';
import { advance, GROUP_START, installClocks, minutes } from './support/clock';
import { AudiencePage, ConsolePage } from './support/pages';
import { makeDataDir, startShell } from './support/webShell';

test('a shell killed mid-session resumes on the same item and slide with the elapsed times right', async ({
  context,
}) => {
  const data = makeDataDir();
  await installClocks(context);
  let shell = await startShell(data.path, { fakeClock: GROUP_START });
  try {
    const audience = new AudiencePage(await context.newPage());
    const console = new ConsolePage(await context.newPage());
    await audience.open(shell.audienceUrl);
    await console.open(shell.consoleUrl);
    await console.start({
      pack: 'Negotiating Harm Reduction',
      group: 'Crash group',
      facilitators: ['Riley'],
    });

    await advance(context, shell, minutes(6));
    await console.jumpTo(3);
    await console.page.keyboard.press('ArrowRight');
    await console.page.keyboard.press('ArrowRight');
    await expect(console.slidePosition).toHaveText('Slide 8 of 24');
    await advance(context, shell, minutes(3) + 20_000);
    await expect(console.itemTimer).toContainText('3:20');
    const slideHeading = await audience.root.locator('.slide-canvas h1').textContent();

    // Power cut: no chance to close anything. Two minutes later the laptop is back.
    await shell.kill();
    await context.clock.fastForward(minutes(2));
    shell = await startShell(data.path, {
      port: shell.port,
      fakeClock: GROUP_START + minutes(11) + 20_000,
    });

    await expect(
      console.page.getByRole('alertdialog', { name: 'Resume the session?' }),
    ).toContainText('Tips for Successful Negotiation, slide 8');
    await audience.expectScreen('black');
    await console.page.getByRole('button', { name: 'Resume session' }).click();

    await console.expectItem(4, 'Tips for Successful Negotiation');
    await expect(console.slidePosition).toHaveText('Slide 8 of 24');
    await audience.expectSlide(8, slideHeading!);
    await expect(console.itemTimer).toContainText('5:20');
    await expect(console.agendaItem(0)).toContainText('6/5 min');
    await expect(console.clock).toHaveText('18:11');
  } finally {
    await shell.stop();
    data.remove();
  }
});
