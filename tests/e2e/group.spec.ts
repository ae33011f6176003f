import { expect, test } from './support/fixtures';
import { AudiencePage, checkIn, ConsolePage, GamePanel, QuizGridPanel } from './support/pages';

const MEMBERS = ['Alex', 'Bea', 'Cruz'];
const QUIZ_ITEM = 13;
const GAME_ITEM = 12;

async function startWithMembers(console: ConsolePage) {
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Thursday group',
    facilitators: ['Riley'],
  });
  const attendance = await checkIn(console.page, MEMBERS, { welcomed: true });
  await expect(attendance).toContainText(`Attendance (${MEMBERS.length} present)`);
}

test('quiz answers entered on the grid are revealed to the room as counts, never names', async ({
  shell,
  context,
}) => {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await startWithMembers(console);
  await console.jumpTo(QUIZ_ITEM);
  const quiz = new QuizGridPanel(console.page);

  // Alex d a d c b (all right), Bea d b d a a, Cruz a a d c f(alse = b).
  const rows: Record<string, string> = { Alex: 'dadcb', Bea: 'dbdaa', Cruz: 'aadcf' };
  for (const [name, keys] of Object.entries(rows)) {
    await quiz.cell(name, 'q1').focus();
    for (const key of keys) await console.page.keyboard.press(key);
  }
  await expect(quiz.cell('Cruz', 'q5')).toHaveText('F');
  await expect(quiz.cell('Bea', 'q2')).toHaveText('B');

  // Keys inside the grid stay in the grid: arrows move between cells, Enter and N do not move the session.
  await quiz.cell('Alex', 'q1').focus();
  for (const key of ['ArrowDown', 'ArrowRight', 'Enter', 'n', ' '])
    await console.page.keyboard.press(key);
  await expect(quiz.cell('Bea', 'q2')).toBeFocused();
  await console.expectItem(14, 'Quiz and Feedback');

  await console.page.getByRole('button', { name: 'Reveal Q1' }).click();
  const result = audience.page.getByTestId('audience-quiz-result');
  await expect(result).toContainText('depends on');
  await expect(result.locator('[data-option="a"]')).toHaveText('1');
  await expect(result.locator('[data-option="d"]')).toHaveText('2');
  await expect(result).toContainText('all of the above ✓');
  await expect(result).toContainText('T.I.P.');
  const html = await audience.everything();
  for (const name of [...MEMBERS, 'Riley', 'Thursday group']) expect(html).not.toContain(name);

  await console.page.getByRole('button', { name: 'Reveal Q5' }).click();
  await expect(result.locator('[data-option="b"]')).toHaveText('2');
  await expect(result.locator('[data-option="a"]')).toHaveText('1');
  await console.page.keyboard.press('Escape');
  await audience.expectScreen('slide');
});

test('the flipchart appears on the projector as responses are typed', async ({
  shell,
  context,
}) => {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await console.start({
    pack: 'Negotiating Harm Reduction',
    group: 'Thursday group',
    facilitators: ['Riley'],
  });
  await console.jumpTo(2);
  const flipchart = console.page.getByTestId('flipchart-what-is-negotiation');
  await flipchart.getByRole('button', { name: 'Show flipchart on projector' }).click();
  await audience.expectScreen('flipchart');
  for (const response of ['Getting to yes', 'Give and take']) {
    await flipchart.getByLabel("Group's response").fill(response);
    await console.page.keyboard.press('Enter');
    await expect(audience.page.getByTestId('audience-flipchart')).toContainText(response);
  }
  await flipchart.getByRole('button', { name: 'Remove Getting to yes' }).click();
  await expect(audience.page.getByTestId('audience-flipchart')).not.toContainText('Getting to yes');
});

test('the team game is scored hidden from the room, then the totals and winner are revealed', async ({
  shell,
  context,
}) => {
  const audience = new AudiencePage(await context.newPage());
  const console = new ConsolePage(await context.newPage());
  await audience.open(shell.audienceUrl);
  await console.open(shell.consoleUrl);
  await startWithMembers(console);
  await console.jumpTo(GAME_ITEM);
  const gamePanel = new GamePanel(console.page);
  const game = gamePanel.root;
  await game.getByRole('button', { name: 'Make teams and deal cards' }).click();
  await expect(game).toContainText('Team 1');
  await expect(game).toContainText('Scenario No. 2');

  await game.getByRole('button', { name: /Start 5-minute practice/ }).click();
  await expect(audience.page.getByTestId('practice-countdown')).toHaveText(/^[45]:\d\d$/);

  // Each tick is saved in main first; the box shows it once main answers.
  const score = async (team: number, criterion: string) => {
    const box = game.getByLabel(`Team ${team}: ${criterion}`);
    await box.click();
    await expect(box).toBeChecked();
  };
  await score(1, "Respect for partner's concerns");
  await score(1, 'Refused to have sex without latex');
  await score(1, 'Bonus: All team members participated in practice');
  await score(2, 'Eroticized latex products');
  await expect(gamePanel.teamTotal(1)).toHaveText('3');
  await expect(gamePanel.teamTotal(2)).toHaveText('1');
  expect(await audience.everything()).not.toContain('Respect for partner');

  await game.getByRole('button', { name: 'Reveal scores and winner' }).click();
  const board = audience.page.getByTestId('audience-game');
  await expect(board.locator('[data-team="1"]')).toHaveText('3 / 10');
  await expect(board.locator('[data-team="2"]')).toHaveText('1 / 10');
  await expect(audience.page.getByTestId('game-winner')).toHaveText('Team 1 wins!');
  for (const name of MEMBERS) expect(await audience.everything()).not.toContain(name);
});

test('a member enters their own answers with big buttons; nothing else is reachable until the PIN', async ({
  shell,
  context,
}) => {
  const console = new ConsolePage(await context.newPage());
  await console.open(shell.consoleUrl);
  const pinSet = await console.page.evaluate(() =>
    window.kiosk.invoke('records:setPin', { pin: '2468', currentPin: null }),
  );
  expect(pinSet).toMatchObject({ ok: true });
  await startWithMembers(console);
  await console.jumpTo(QUIZ_ITEM);
  await console.page.getByLabel('Hand the laptop to').selectOption({ label: 'Bea' });
  await console.page.getByRole('button', { name: 'Start self-entry…' }).click();
  await console.page
    .getByRole('alertdialog', { name: 'Hand the laptop to Bea?' })
    .getByRole('button', { name: 'Start self-entry', exact: true })
    .click();

  const entry = console.page.getByRole('dialog', { name: 'Answer the quiz' });
  await expect(entry).toContainText('Bea: question 1 of 5');
  // Nothing of the console is on the page, and main refuses it to this page until the PIN.
  await expect(console.page.getByRole('tab', { name: 'Records' })).toHaveCount(0);
  await expect(console.page.getByTestId('quiz-grid')).toHaveCount(0);
  expect(
    await console.page.evaluate(() => window.kiosk.invoke('session:consoleView', {})),
  ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await console.page.keyboard.press('ArrowRight');
  for (const key of ['D', 'A']) {
    await entry.getByRole('button', { name: new RegExp(`^${key} `) }).click();
  }
  // F5 does not escape it: the reloaded console comes back to the same question.
  await console.page.reload();
  await expect(entry).toContainText('Bea: question 3 of 5');
  await expect(console.page.getByRole('tab', { name: 'Records' })).toHaveCount(0);
  for (const key of ['D', 'C', 'B']) {
    await entry.getByRole('button', { name: new RegExp(`^${key} `) }).click();
  }
  await expect(entry).toContainText('Please hand the laptop back');
  await entry.getByLabel('Counselor PIN').fill('0000');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry.getByRole('alert')).toHaveText('That PIN is not right.');
  await entry.getByLabel('Counselor PIN').fill('2468');
  await entry.getByRole('button', { name: 'Unlock' }).click();
  await expect(entry).toBeHidden();

  await console.expectItem(14, 'Quiz and Feedback');
  const quiz = new QuizGridPanel(console.page);
  await expect(quiz.cell('Bea', 'q1')).toHaveText('D');
  await expect(quiz.cell('Bea', 'q5')).toHaveText('F');
});
