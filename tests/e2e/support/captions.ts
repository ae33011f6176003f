import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AudiencePage, ConsolePage } from './pages';

export const VIGNETTES_VIDEO = resolve(
  'resources/curricula/hhrp-group-5/media/negotiation-vignettes.mp4',
);
const VIGNETTES_ITEM = 10;

export const CAPTIONS = `WEBVTT

00:00.000 --> 00:05.000
Vignette one: he wants to skip the condom.
`;

/**
 * The counselor binds the clinic's copy of the vignettes video and its captions (Media tab), starts
 * Group Five and goes to the vignettes: the projector's caption track must load. Shared by the
 * browser-shell suite and the Electron smoke test, so both shells prove the same thing.
 */
export async function bindVignettesWithCaptions(console: ConsolePage): Promise<void> {
  await console.page.getByRole('tab', { name: 'Media' }).click();
  const row = console.page.locator('[data-media-id="negotiation-vignettes-video"]');
  await row.getByTestId('bind-file').setInputFiles(VIGNETTES_VIDEO);
  await expect(row.getByTestId('media-status')).toHaveText('Your file');
  await row.getByTestId('bind-captions').setInputFiles({
    name: 'vignettes.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from(CAPTIONS),
  });
  await expect(row.getByText('captions', { exact: true })).toBeVisible();
  await console.page.getByRole('tab', { name: 'Run session' }).click();
}

export async function expectCaptionsLoadOnProjector(
  console: ConsolePage,
  audience: AudiencePage,
): Promise<void> {
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Captions group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(VIGNETTES_ITEM);
  await audience.expectScreen('video');
  await expect
    .poll(() => trackState(audience.page), { timeout: 10_000 })
    .toEqual({
      readyState: 2,
      sameOrigin: true,
      firstCue: 'Vignette one: he wants to skip the condom.',
    });
}

/** The <track>'s state: 2 is HTMLTrackElement.LOADED. */
function trackState(page: Page) {
  return page.evaluate(() => {
    const track = document.querySelector<HTMLTrackElement>('[data-testid="audience-video"] track');
    if (!track) return null;
    return {
      readyState: track.readyState,
      sameOrigin: new URL(track.src).origin === location.origin,
      firstCue: (track.track.cues?.[0] as VTTCue | undefined)?.text ?? null,
    };
  });
}
