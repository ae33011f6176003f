import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { bindVignettesWithCaptions, expectCaptionsLoadOnProjector } from './support/captions';
import { AudiencePage, ConsolePage, MediaPage } from './support/pages';
import { makeDataDir, startShell, type RunningShell } from './support/webShell';

const FRAME_S = 1 / 25;
const VIGNETTES_ITEM = 10;

/** A tiny pack with a video nobody has set up and a 15-second relaxation. */
const TEST_PACK = `format: 1
id: media-test
version: 1.0.0
title: Media test pack
program: Tests
language: en
minutes: 3
audience: client-group
agenda:
  - { id: intro, title: Intro, kind: opening, minutes: 1, slides: [hello] }
  - { id: watch, title: Watch the film, kind: video, minutes: 1, slides: [film], video: { media: missing-film } }
  - { id: relax, title: Relax, kind: relaxation, minutes: 1, slides: [calm] }
slides:
  - { id: hello, markdown: "# Hello" }
  - { id: film, markdown: "# About the film" }
  - { id: calm, markdown: "# Quiet please" }
media:
  - { id: missing-film, kind: video, title: Missing film, length: "0:30" }
  - { id: calm-audio, kind: audio, title: Calm audio, length: "0:15" }
relaxation: { media: calm-audio, minutes: 0.25, intro: Get comfortable. }
`;

let data: ReturnType<typeof makeDataDir>;
let shell: RunningShell;

test.beforeEach(async () => {
  data = makeDataDir();
  mkdirSync(join(data.path, 'curricula', 'media-test'), { recursive: true });
  writeFileSync(join(data.path, 'curricula', 'media-test', 'pack.yaml'), TEST_PACK);
  shell = await startShell(data.path);
});
test.afterEach(async () => {
  await shell.stop();
  data.remove();
});

async function openBoth(context: BrowserContext) {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  return { audience, console };
}

/** Group Five started on the vignettes video, cued on the projector. */
async function openVignettes(context: BrowserContext) {
  const { audience, console } = await openBoth(context);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Video group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(VIGNETTES_ITEM);
  await audience.expectScreen('video');
  return { audience, console };
}

const audienceVideoTime = (audience: AudiencePage) =>
  audience.page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="audience-video"]')!;
    return { time: video.currentTime, paused: video.paused, ready: video.readyState };
  });

const seek = (console: ConsolePage, positionMs: number) =>
  console.page.evaluate(
    (position) =>
      window.kiosk.invoke('session:command', { type: 'videoSeek', positionMs: position }),
    positionMs,
  );

test('the vignettes video stops within one frame of each cue, and the console shows that vignette', async ({
  context,
}) => {
  test.setTimeout(60_000);
  const { audience, console } = await openVignettes(context);
  await expect(console.projectorStatus).toHaveText('Projector: the video');

  for (const [index, cueSeconds] of [30, 60, 90, 118].entries()) {
    await seek(console, (cueSeconds - 2) * 1000);
    await console.page.keyboard.press('ArrowRight');
    const discussion = console.page.getByTestId('cue-discussion');
    await expect(discussion).toContainText(`Stopped after Vignette ${index + 1}`, {
      timeout: 8_000,
    });
    await expect.poll(async () => (await audienceVideoTime(audience)).paused).toBe(true);
    const { time } = await audienceVideoTime(audience);
    expect(
      Math.abs(time - cueSeconds),
      `cue ${cueSeconds}s stopped at ${time}s`,
    ).toBeLessThanOrEqual(FRAME_S);
    // The room holds the ending vignette's last frame, not the next vignette's title.
    expect(time, `cue ${cueSeconds}s stopped at ${time}s`).toBeLessThan(cueSeconds);
  }
  await expect(console.page.getByTestId('cue-discussion')).toContainText(
    'if you cannot agree on a safer alternative',
  );
});

test('during a vignette pause the cue question goes on the projector, and after the last cue the console says what Next does', async ({
  context,
}) => {
  const { audience, console } = await openVignettes(context);
  const discussion = console.page.getByTestId('cue-discussion');
  const nextDoes = console.page.getByTestId('video-next');
  await expect(nextDoes).toHaveText('Next plays the video to the end of Vignette 1.');
  await seek(console, 28_000);
  await console.page.keyboard.press('ArrowRight');
  await expect(discussion).toContainText('Stopped after Vignette 1', { timeout: 8_000 });
  await expect(nextDoes).toHaveText('Next plays on to the end of Vignette 2.');
  await discussion.getByRole('button', { name: 'Show question on projector' }).click();
  await audience.expectScreen('question');
  await expect(audience.root).toContainText('Why was partner resistant?');
  await expect(audience.root).not.toContainText('on the pill');
  await discussion.getByRole('button', { name: 'Hide question' }).click();
  await audience.expectScreen('video');

  await seek(console, 117_000);
  await console.page.keyboard.press('ArrowRight');
  await expect(discussion).toContainText('Stopped after Vignette 4', { timeout: 8_000 });
  await expect(nextDoes).toContainText('Next plays the rest of the video (0:02)');
  await console.page.keyboard.press('ArrowRight');
  await expect(nextDoes).toHaveText(/^Next moves on to slide 18 /, { timeout: 8_000 });
  // The last vignette's points stay up until the counselor moves on.
  await expect(discussion).toContainText('Stopped after Vignette 4');
  await console.page.keyboard.press('ArrowRight');
  await audience.expectSlide(18, 'After each vignette');
});

test('seeking works in an MP4 whose index is at the end of the file', async ({ context }) => {
  const { audience, console } = await openVignettes(context);
  for (const target of [100, 12, 75]) {
    await seek(console, target * 1000);
    await expect
      .poll(async () => {
        const state = await audienceVideoTime(audience);
        return state.ready >= 2 && Math.abs(state.time - target) < 0.05;
      })
      .toBe(true);
  }
});

test('a video nobody has set up leaves the session running on a neutral slide', async ({
  context,
}) => {
  const { audience, console } = await openBoth(context);
  await console.start({ pack: 'Media test pack', group: 'Video group', facilitators: ['Riley'] });
  await console.page.keyboard.press('ArrowRight');
  await console.expectItem(2, 'Watch the film');
  await expect(console.page.getByTestId('video-not-set-up')).toContainText(
    'Video not set up: Missing film',
  );
  await expect(
    console.page.getByTestId('video-not-set-up').getByText('Bind a file…'),
  ).toBeVisible();
  await audience.expectSlide(2, 'About the film');
  await console.page.keyboard.press('ArrowRight');
  await console.expectItem(3, 'Relax');
});

test('relaxation dims the room and plays the audio rising, then falling, then lights up again', async ({
  context,
}) => {
  test.setTimeout(60_000);
  const { audience, console } = await openBoth(context);
  await console.start({ pack: 'Media test pack', group: 'Calm group', facilitators: ['Riley'] });
  await console.jumpTo(2);
  await console.page.getByRole('button', { name: /Start relaxation/ }).click();
  await expect(audience.root).toHaveAttribute('data-relaxation', 'on');
  await expect(console.page.getByRole('dialog', { name: 'Relaxation' })).toContainText(
    'Playing the built-in relaxation track',
  );

  const volume = async () =>
    Number(await console.page.getByTestId('relaxation-volume').getAttribute('data-volume'));
  const samples: number[] = [];
  for (let second = 0; second < 14; second += 1) {
    samples.push(await volume());
    await console.page.waitForTimeout(1000);
  }
  const peak = Math.max(...samples);
  const peakAt = samples.indexOf(peak);
  expect(peak).toBeGreaterThan(0.9);
  expect(samples[0]!).toBeLessThan(peak);
  expect(peakAt).toBeGreaterThan(0);
  expect(samples.at(-1)!).toBeLessThan(peak);

  await expect(audience.root).toHaveAttribute('data-relaxation', 'off', { timeout: 5_000 });
  await expect(console.page.getByRole('dialog', { name: 'Relaxation' })).toBeHidden();
});

test('Esc stops relaxation at once', async ({ context }) => {
  const { audience, console } = await openBoth(context);
  await console.start({ pack: 'Media test pack', group: 'Calm group', facilitators: ['Riley'] });
  await console.jumpTo(2);
  await console.page.getByRole('button', { name: /Start relaxation/ }).click();
  await expect(audience.root).toHaveAttribute('data-relaxation', 'on');
  await console.page.keyboard.press('Escape');
  await expect(audience.root).toHaveAttribute('data-relaxation', 'off');
  await expect(console.page.getByRole('dialog', { name: 'Relaxation' })).toBeHidden();
});

test('the media library imports a file after checking it decodes, and explains a file that does not', async ({
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  await console.page.getByRole('tab', { name: 'Media' }).click();
  const row = new MediaPage(console.page).row('negotiation-vignettes-video');
  await expect(row.getByTestId('media-status')).toHaveText('Stand-in sample');

  await row
    .getByTestId('bind-file')
    .setInputFiles(resolve('resources/curricula/hhrp-group-5/media/latex-negotiation.mp4'));
  await expect(console.page.getByRole('status')).toContainText(
    'Imported and bound “latex-negotiation.mp4”',
  );
  await expect(row.getByTestId('media-status')).toHaveText('Your file');

  await row
    .getByTestId('bind-file')
    .setInputFiles(resolve('resources/curricula/hhrp-group-5/media/latex-negotiation.mp4'));
  await expect(console.page.getByRole('status')).toContainText('already in the library');

  await row.getByTestId('bind-file').setInputFiles({
    name: 'phone-clip.mov',
    mimeType: 'video/quicktime',
    buffer: Buffer.from('not really a video'),
  });
  await expect(console.page.getByRole('alert')).toContainText('Convert it to MP4 with H.264');

  // A copy cut short (its index is at the end, so nothing of it can be decoded) is refused too.
  const truncated = readFileSync(
    resolve('resources/curricula/hhrp-group-5/media/negotiation-vignettes.mp4'),
  ).subarray(0, 400_000);
  await row.getByTestId('bind-file').setInputFiles({
    name: 'copied-from-dvd.mp4',
    mimeType: 'video/mp4',
    buffer: truncated,
  });
  await expect(console.page.getByRole('alert')).toContainText(
    '“copied-from-dvd.mp4” cannot be played on this computer',
  );
  await expect(row.getByTestId('media-status')).toHaveText('Your file');
});

test('captions attached to the clinic’s video load on the projector, from its own origin', async ({
  context,
}) => {
  const { audience, console } = await openBoth(context);
  await bindVignettesWithCaptions(console);
  await expectCaptionsLoadOnProjector(console, audience);
});
