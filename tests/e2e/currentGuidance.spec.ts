import { expect, test } from './support/fixtures';
import { startOnBoth } from './support/pages';

const PERSONAL_VULNERABILITY = 5;
const RESONATE_AND_CHALLENGE = 9;

test('current guidance is on the console beside the script, with its source as text, and never on the projector', async ({
  shell,
  context,
}) => {
  const { audience, console } = await startOnBoth(context, shell, {
    pack: 'Negotiating Harm Reduction',
    group: 'Thursday group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(PERSONAL_VULNERABILITY);
  const guidance = console.page.getByTestId('current-guidance');
  await expect(guidance).toContainText('Current guidance (3)');
  await guidance.getByText(/Current guidance/).click();
  await expect(guidance).toContainText('PrEP');
  await expect(guidance).toContainText(
    'Source: CDC, Preventing HIV with PEP, https://www.cdc.gov/hiv/prevention/pep.html',
  );
  // The source is text: the kiosk never opens it.
  await expect(guidance.getByRole('link')).toHaveCount(0);
  // The script is still the manual's.
  await expect(console.page.getByText(/E = Evidence: HIV passes in body fluids/)).toBeVisible();

  await console.nextButton.click();
  await audience.expectScreen('slide');
  await expect(audience.root).toContainText('C.A.R.E.');
  const projector = await audience.everything();
  for (const word of ['PrEP', 'PEP', 'cdc.gov', 'undetectable'])
    expect(projector).not.toContain(word);
});

test('a breakout shows its timer on the projector; the facilitator suggestions stay on the console', async ({
  shell,
  context,
}) => {
  const { audience, console } = await startOnBoth(context, shell, {
    pack: 'Harm Reduction 101',
    group: 'Providers',
    facilitators: ['Riley'],
  });

  await console.jumpTo(3);
  const why = console.question('why-use');
  await expect(why.getByTestId('facilitator-suggestions')).toContainText(
    'To relax or handle stress',
  );
  await expect(why.getByRole('button', { name: 'Reveal answers' })).toHaveCount(0);
  await why.getByRole('button', { name: 'Show question' }).click();
  await audience.expectScreen('question');
  await expect(audience.root).toContainText('Why do people use drugs?');
  expect(await audience.everything()).not.toContain('To relax or handle stress');

  await console.jumpTo(RESONATE_AND_CHALLENGE);
  const breakout = console.page.getByTestId('breakout-panel');
  await expect(breakout).toContainText('Breakout groups (6 min)');
  await breakout.getByRole('button', { name: 'Start 6-minute breakout timer' }).click();
  await audience.expectScreen('practice');
  await expect(audience.root).toContainText('Breakout groups');
  await expect(audience.page.getByTestId('practice-countdown')).toHaveText(/^[56]:\d\d$/);
  await expect(console.projectorStatus).toHaveText('Projector: the breakout timer');
  await breakout.getByRole('button', { name: 'Hide breakout timer' }).click();
  await audience.expectScreen('slide');
});
