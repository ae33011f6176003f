import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agendaPdf,
  certificatesPdf,
  markdownHandoutPdf,
  parseMarkdown,
  quizSheetPdf,
  scenarioCardsPdf,
  sessionReportPdf,
  stripInlineMarkdown,
  toWinAnsi,
  type PageSize,
  type SessionReportPdfInput,
} from '../../../electron/services/print';

const SIZES: { pageSize: PageSize; portrait: string; landscape: string }[] = [
  { pageSize: 'A4', portrait: '595.28 x 841.89 pts (A4)', landscape: '841.89 x 595.28 pts (A4)' },
  { pageSize: 'Letter', portrait: '612 x 792 pts (letter)', landscape: '792 x 612 pts (letter)' },
];

/** Characters Helvetica cannot encode, plus controls, joiners and a lone surrogate. */
const HOSTILE =
  'Ana → Ben ✓ 1 − 2 ≠ 3 … 👍🏽 👨‍👩‍👧 🇺🇸 日本語 Ωmega “quoted” ﬁne ⅓ Łódź Nguyễn\u200b \u0000\u0007 tab\there \ud800 end';

let dir = '';
let fileCount = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-print-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function save(bytes: Uint8Array): string {
  const file = join(dir, `document-${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, as `pdftotext -layout` lays it out. */
function pagesOf(bytes: Uint8Array): string[] {
  const text = execFileSync('pdftotext', ['-layout', save(bytes), '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  // pdftotext ends every page, including the last, with a form feed.
  expect(pages.pop()).toBe('');
  return pages;
}

function textOf(bytes: Uint8Array): string {
  return pagesOf(bytes).join('\f');
}

interface PdfInfo {
  pages: number;
  pageSizes: string[];
  fields: Record<string, string>;
}

function infoOf(bytes: Uint8Array): PdfInfo {
  const output = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', save(bytes)], {
    encoding: 'utf8',
  });
  const fields: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([^:]+):\s+(.*)$/.exec(line);
    if (match) fields[match[1]!] = match[2]!;
  }
  const pageSizes = [...output.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((match) => match[1]!);
  return { pages: Number(fields.Pages), pageSizes, fields };
}

interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word's bounding box, with y measured down from the top of the page. */
function wordBoxes(bytes: Uint8Array): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', save(bytes), '-'], { encoding: 'utf8' });
  const boxes: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const pattern =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[1] !== undefined) {
      page++;
      pageWidth = Number(match[1]);
      pageHeight = Number(match[2]);
      continue;
    }
    boxes.push({
      page,
      text: match[7]!,
      xMin: Number(match[3]),
      yMin: Number(match[4]),
      xMax: Number(match[5]),
      yMax: Number(match[6]),
      pageWidth,
      pageHeight,
    });
  }
  return boxes;
}

/** Asserts that no word runs into the side margins or off the top or bottom of its page. */
function expectWordsInsideMargins(bytes: Uint8Array, sideMargin: number): void {
  const boxes = wordBoxes(bytes);
  expect(boxes.length).toBeGreaterThan(0);
  const outside = boxes.filter(
    (box) =>
      box.xMin < sideMargin - 0.5 ||
      box.xMax > box.pageWidth - sideMargin + 0.5 ||
      box.yMin < 30 ||
      box.yMax > box.pageHeight - 15,
  );
  expect(outside).toEqual([]);
}

const squash = (text: string) => text.replace(/\s+/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('toWinAnsi', () => {
  it('maps typographic characters to readable stand-ins and the rest to "?"', () => {
    expect(toWinAnsi('Skills → practice')).toBe('Skills -> practice');
    expect(toWinAnsi('✓ done, ✗ not yet')).toBe('v done, x not yet');
    expect(toWinAnsi('5 − 3 ≤ 2 ≠ 4')).toBe('5 - 3 <= 2 ? 4');
    expect(toWinAnsi('Wait… “yes” – ok — €5')).toBe('Wait… “yes” – ok — €5');
    expect(toWinAnsi('Good 👍🏽 family 👨‍👩‍👧 flag 🇺🇸')).toBe('Good ? family ? flag ?');
    expect(toWinAnsi('日本語')).toBe('???');
    expect(toWinAnsi('Łódź, Nguyễn, José, e\u0301, ﬁne, ⅓')).toBe(
      'Lódz, Nguyen, José, é, fine, 1/3',
    );
    expect(toWinAnsi('a\tb\r\nc\u2028d\u0000e\u00a0f\u00adg')).toBe('a b\nc\nde fg');
  });

  it('always yields text Helvetica can encode, and is idempotent', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const encodable = new Set(font.getCharacterSet());
    const samples = [HOSTILE, '\ud83d', '🤷‍♀️', 'Ελληνικά кириллица العربية हिन्दी', '∑∫√∞'];
    for (const sample of samples) {
      const safe = toWinAnsi(sample);
      for (const line of safe.split('\n')) {
        expect(() => font.encodeText(line)).not.toThrow();
        for (const char of line) expect(encodable.has(char.codePointAt(0)!)).toBe(true);
      }
      expect(toWinAnsi(safe)).toBe(safe);
    }
  });

  it('keeps every character WinAnsi can encode, apart from the invisible soft hyphen', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const all = font
      .getCharacterSet()
      .filter((code) => code !== 0xa0 && code !== 0xad)
      .map((code) => String.fromCodePoint(code))
      .join('');
    expect(toWinAnsi(all)).toBe(all.normalize('NFC'));
  });
});

describe('certificatesPdf', () => {
  const members = ['Ana Ruiz', 'Benjamin Okafor', 'Chloé Martin'];
  const input = {
    programTitle: 'Holistic Health Recovery Program',
    packTitle: 'Group 5: Negotiating Safer Sex',
    members,
    dateLabel: '22 November 2026',
    facilitators: ['Dana Smith', 'Lee Park'],
  };

  for (const { pageSize, landscape } of SIZES) {
    it(`prints one landscape ${pageSize} certificate per member, in order`, async () => {
      const bytes = await certificatesPdf({ ...input, pageSize });
      const info = infoOf(bytes);
      expect(info.pages).toBe(3);
      expect(info.pageSizes).toEqual([landscape, landscape, landscape]);
      const pages = pagesOf(bytes);
      expect(pages).toHaveLength(3);
      pages.forEach((page, index) => {
        expect(page).toContain('Certificate of Achievement');
        expect(page).toContain('presented to');
        expect(page).toContain(members[index]);
        for (const other of members.filter((_, i) => i !== index))
          expect(page).not.toContain(other);
        expect(page).toContain('for completing Group 5: Negotiating Safer Sex in good standing');
        expect(page).toContain('Holistic Health Recovery Program');
        expect(page).toContain('22 November 2026');
        expect(page).toContain('Facilitators: Dana Smith and Lee Park');
      });
      expectWordsInsideMargins(bytes, 60);
    });
  }

  it('sets the title and producer but no dates, so the same input prints the same bytes', async () => {
    const first = await certificatesPdf({ ...input, pageSize: 'A4' });
    const second = await certificatesPdf({ ...input, pageSize: 'A4' });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const { fields } = infoOf(first);
    expect(fields.Title).toBe('Certificates - Group 5: Negotiating Safer Sex');
    expect(fields.Producer).toBe('Facilitator Kiosk');
    expect(fields.CreationDate).toBeUndefined();
  });

  it('keeps a very long name on its own single page, inside the border', async () => {
    const name = 'Maria Fernanda de los Ángeles Villanueva-Castellanos Rodríguez y Montenegro';
    const bytes = await certificatesPdf({ ...input, members: [name, 'Ana Ruiz'], pageSize: 'A4' });
    const pages = pagesOf(bytes);
    expect(pages).toHaveLength(2);
    expect(squash(pages[0]!)).toContain(name);
    expectWordsInsideMargins(bytes, 60);
  });

  it('prints one blank certificate when no members are given', async () => {
    const bytes = await certificatesPdf({
      ...input,
      members: [],
      facilitators: [],
      pageSize: 'A4',
    });
    const [page, ...rest] = pagesOf(bytes);
    expect(rest).toEqual([]);
    expect(page).toContain('Certificate of Achievement');
    expect(page).toMatch(/Facilitator: _{10,}/);
  });
});

describe('agendaPdf', () => {
  const items = [
    { clock: '0:00', title: 'Begin Group', minutes: 5, detail: 'Introductions – Rules' },
    { clock: '0:05', title: 'Review of Group 4', minutes: 10, detail: null },
    { clock: '0:15', title: 'Safer Sex Negotiation Skills', minutes: 25, detail: null },
    { clock: '0:45', title: 'Break', minutes: 7.5, detail: null },
  ];
  const today = ['18:05', '18:10', '18:20', '18:50'];

  for (const { pageSize, portrait } of SIZES) {
    it(`prints the program's times and, beside them, today's clock times on ${pageSize}`, async () => {
      const bytes = await agendaPdf({
        title: 'Group 5 agenda',
        programTitle: 'Holistic Health Recovery Program',
        dateLabel: 'Sunday 22 November 2026, starting at 18:05',
        items: items.map((item, index) => ({ ...item, today: today[index]! })),
        end: { clock: '0:52', today: '18:57' },
        pageSize,
      });
      expect(infoOf(bytes).pageSizes).toEqual([portrait]);
      const text = textOf(bytes);
      expect(text).toContain('Group 5 agenda');
      expect(text).toContain('Sunday 22 November 2026, starting at 18:05');
      expect(text).toMatch(/Time\s+Today\s+Agenda/);
      expect(text).toMatch(/0:00\s+18:05\s+Begin Group \(5 mins\)\s*\n\s+Introductions – Rules/);
      expect(text).toMatch(/0:05\s+18:10\s+Review of Group 4 \(10 mins\)/);
      expect(text).toMatch(/0:15\s+18:20\s+Safer Sex Negotiation Skills \(25 mins\)/);
      expect(text).toMatch(/0:45\s+18:50\s+Break \(7\.5 mins\)/);
      expect(text).toMatch(/0:52\s+18:57\s+End/);
      const times = [...text.matchAll(/\b(\d\d:\d\d)\b/g)].map((match) => match[1]);
      expect(times).toEqual(['18:05', ...today, '18:57']);
    });
  }

  it("prints only the program's times when no start time is chosen", async () => {
    const bytes = await agendaPdf({
      title: 'Group 5 agenda',
      programTitle: '',
      dateLabel: '',
      items: items.map((item) => ({ ...item, today: null })),
      end: { clock: '0:52', today: null },
      pageSize: 'A4',
    });
    const text = textOf(bytes);
    expect(text).not.toContain('Today');
    expect(text).toMatch(/0:00\s+Begin Group \(5 mins\)/);
    expect(text).toMatch(/0:52\s+End/);
    expect(text).not.toMatch(/\b\d\d:\d\d\b/);
  });

  it('continues a long agenda onto a second page without losing an item', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({
      clock: `0:${String(index).padStart(2, '0')}`,
      today: `${18 + Math.floor(index / 60)}:${String(index % 60).padStart(2, '0')}`,
      title: `Agenda step ${index + 1}`,
      minutes: 1,
      detail: null,
    }));
    const bytes = await agendaPdf({
      title: 'Long agenda',
      programTitle: '',
      dateLabel: '',
      items: many,
      end: { clock: '1:00', today: '19:00' },
      pageSize: 'Letter',
    });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    for (const item of many) {
      expect(text).toMatch(
        new RegExp(`${item.clock}\\s+${item.today}\\s+${item.title} \\(1 min\\)`),
      );
    }
    expectWordsInsideMargins(bytes, 50);
  });
});

describe('quizSheetPdf', () => {
  const items = [
    {
      number: 1,
      prompt: 'Your success in negotiating safer sexual practices with your partner depends on:',
      options: [
        { key: 'a', text: 'mutual trust' },
        { key: 'b', text: 'the strength of your intention to be safer' },
        { key: 'c', text: 'your ability to persuade your partner' },
        { key: 'd', text: 'all of the above' },
      ],
    },
    {
      number: 2,
      prompt:
        'If both you and your sexual partner are HIV-positive, condom negotiation is unnecessary.',
      options: [
        { key: 'a', text: 'True' },
        { key: 'b', text: 'False' },
      ],
    },
  ];

  for (const { pageSize, portrait } of SIZES) {
    it(`prints a name and date line, the questions and their options on ${pageSize}`, async () => {
      const bytes = await quizSheetPdf({
        title: 'Group Quiz',
        packTitle: 'Group 5',
        items,
        pageSize,
      });
      expect(infoOf(bytes).pageSizes).toEqual([portrait]);
      const text = textOf(bytes);
      expect(text).toMatch(/Name: _{10,}\s+Date: _{10,}/);
      expect(text).toMatch(
        /1\.\s+Your success in negotiating safer sexual practices with your partner depends on:/,
      );
      expect(text).toMatch(/a\.\s+mutual trust/);
      expect(text).toMatch(/b\.\s+the strength of your intention to be safer/);
      expect(text).toMatch(/c\.\s+your ability to persuade your partner/);
      expect(text).toMatch(/d\.\s+all of the above/);
      expect(squash(text)).toContain(
        '2. If both you and your sexual partner are HIV-positive, condom negotiation is unnecessary.',
      );
      expect(text).toMatch(/a\.\s+True\s*\n\s*b\.\s+False/);
      expect(text.indexOf('mutual trust')).toBeLessThan(text.indexOf('True'));
    });
  }

  it('keeps each question on the same page as its options', async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      number: index + 1,
      prompt: `Question ${index + 1}: which of these is a safer sex negotiation skill?`,
      options: ['a', 'b', 'c', 'd'].map((key) => ({ key, text: `Answer ${key}${index + 1}` })),
    }));
    const bytes = await quizSheetPdf({ title: 'Quiz', packTitle: '', items: many, pageSize: 'A4' });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    for (const item of many) {
      const page = pages.find((candidate) => candidate.includes(`Question ${item.number}:`));
      expect(page).toBeDefined();
      for (const option of item.options) {
        expect(page).toMatch(new RegExp(`${option.key}\\.\\s+${option.text}\\b`));
      }
    }
    expectWordsInsideMargins(bytes, 50);
  });
});

describe('scenarioCardsPdf', () => {
  const scenarios: { title: string; situation: string; roles: [string, string] }[] = [1, 2, 3].map(
    (number) => ({
      title: `Scenario No. ${number}`,
      situation: `Situation ${number}: you are HIV-positive and at a party.\n\nYou meet someone you find attractive who wants to leave and have sex. What do you do?`,
      roles: [
        `Role ${number}A: one person plays the person who is high and does not want to use latex.`,
        `Role ${number}B: the other person plays the person who is not high and wants to use latex.`,
      ],
    }),
  );

  for (const { pageSize, portrait } of SIZES) {
    it(`prints two cards to a ${pageSize} page with the situation and both roles`, async () => {
      const bytes = await scenarioCardsPdf({
        title: 'Role-play cards',
        rolesIntro: 'Two team members role-play negotiating safer sex:',
        scenarios,
        pageSize,
      });
      const info = infoOf(bytes);
      expect(info.pages).toBe(2);
      expect(info.pageSizes).toEqual([portrait, portrait]);
      const pages = pagesOf(bytes).map(squash);
      expect(pages[0]).toContain('Scenario No. 1');
      expect(pages[0]).toContain('Scenario No. 2');
      expect(pages[1]).toContain('Scenario No. 3');
      for (const [index, scenario] of scenarios.entries()) {
        const page = pages[Math.floor(index / 2)]!;
        expect(page).toContain(squash(scenario.situation));
        // As the workbook prints them: the intro line, then both roles in one paragraph.
        expect(page).toContain(
          `Role-play instructions: Two team members role-play negotiating safer sex: ${scenario.roles.join(' ')}`,
        );
      }
      expect(pages[0]!.match(/Role-play instructions:/g)).toHaveLength(2);
      expect(pages[0]).not.toContain('Role-play cards');
      expect(pages[0]!.indexOf('Scenario No. 1')).toBeLessThan(pages[0]!.indexOf('Scenario No. 2'));
      expectWordsInsideMargins(bytes, 40);
    });
  }

  it('gives a card too long for half a page whole pages, without dropping a word', async () => {
    const words = Array.from({ length: 900 }, (_, index) => `w${index}`);
    const long = { title: 'Long scenario', situation: words.join(' '), roles: ['One', 'Two'] };
    const bytes = await scenarioCardsPdf({
      title: 'Cards',
      rolesIntro: null,
      scenarios: [scenarios[0]!, long as (typeof scenarios)[number], scenarios[1]!],
      pageSize: 'A4',
    });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const text = pages.join('\n');
    for (const word of words) expect(text).toMatch(new RegExp(`\\b${word}\\b`));
    expect(pages.at(-1)).toContain('Scenario No. 2');
    expectWordsInsideMargins(bytes, 40);
  });
});

describe('markdownHandoutPdf', () => {
  const markdown = [
    '# How to Talk with Your Partner',
    '',
    "**Don't wait until you're in bed.** Talk about safer sex *ahead* of time.",
    '',
    '## Remember your T.I.P.',
    '',
    '- **Trust.** Show your partner you care.',
    '* **Intention.** Decide firmly.',
    '  - nested detail',
    '',
    "1. **Respect** your partner's concerns.",
    '2. Educate, see [the facts](https://example.org/facts).',
    '',
    '_Read this often, and show it to your partner._ Use `snake_case` and 2 * 3 * 4.',
  ].join('\n');

  for (const { pageSize, portrait } of SIZES) {
    it(`lays out headings, paragraphs and lists on ${pageSize} without Markdown markers`, async () => {
      const bytes = await markdownHandoutPdf({
        title: 'How to Talk with Your Partner',
        markdown,
        pageSize,
      });
      expect(infoOf(bytes).pageSizes).toEqual([portrait]);
      const text = textOf(bytes);
      expect(text.match(/How to Talk with Your Partner/g)).toHaveLength(2);
      expect(text).toContain("Don't wait until you're in bed. Talk about safer sex ahead of time.");
      expect(text).toMatch(/^\s*Remember your T\.I\.P\.$/m);
      expect(text).toMatch(/•\s+Trust\. Show your partner you care\./);
      expect(text).toMatch(/•\s+Intention\. Decide firmly\./);
      expect(text).toMatch(/-\s+nested detail/);
      expect(text).toMatch(/1\.\s+Respect your partner's concerns\./);
      expect(text).toMatch(/2\.\s+Educate, see the facts\./);
      expect(text).toContain(
        'Read this often, and show it to your partner. Use snake_case and 2 * 3 * 4.',
      );
      expect(text).not.toMatch(/\*\*|#|\]\(|`/);
    });
  }

  it('wraps and paginates 200 bullets without losing or cutting a line', async () => {
    const bullets = Array.from(
      { length: 200 },
      (_, index) =>
        `Bullet ${index + 1}: practise saying no without apologising, mark${index + 1}.`,
    );
    const bytes = await markdownHandoutPdf({
      title: 'Long handout',
      markdown: bullets.map((bullet) => `- ${bullet}`).join('\n'),
      pageSize: 'A4',
    });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    for (const bullet of bullets) expect(text).toMatch(new RegExp(`•\\s+${escape(bullet)}\\n`));
    expect(text.match(/•/g)).toHaveLength(200);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expectWordsInsideMargins(bytes, 50);
  });

  it('wraps long paragraphs and list items at the margin across pages', async () => {
    const paragraph = (block: number) =>
      Array.from({ length: 120 }, (_, index) => `p${block}x${index}`).join(' ');
    const markdown = [1, 2, 3, 4, 5, 6, 7, 8]
      .map((block) => (block % 2 === 0 ? `- ${paragraph(block)}` : paragraph(block)))
      .concat(['', 'Averyveryverylongwordwithoutanyspaces'.repeat(8)])
      .join('\n\n');
    const bytes = await markdownHandoutPdf({ title: 'Wrapping', markdown, pageSize: 'Letter' });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('\n');
    for (const block of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (let index = 0; index < 120; index++)
        expect(text).toMatch(new RegExp(`\\bp${block}x${index}\\b`));
    }
    expect(text.replace(/\s+/g, '')).toContain('Averyveryverylongwordwithoutanyspaces'.repeat(8));
    expectWordsInsideMargins(bytes, 50);
  });

  it('parses the block structure and strips inline markers', () => {
    expect(
      parseMarkdown('Title\n===\n\ntext\ncontinued  \nhard\n\n---\n\n> quoted\n> more'),
    ).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'text continued\nhard' },
      { kind: 'rule' },
      { kind: 'quote', text: 'quoted more' },
    ]);
    expect(parseMarkdown('```\n# not a heading\n```')).toEqual([
      { kind: 'code', text: '# not a heading' },
    ]);
    expect(stripInlineMarkdown('**C**ompromised, __bold__, ~~old~~, \\*literal\\*')).toBe(
      'Compromised, bold, old, *literal*',
    );
  });
});

describe('sessionReportPdf', () => {
  const report: Omit<SessionReportPdfInput, 'pageSize'> = {
    packTitle: 'Group 5: Negotiating Safer Sex',
    cohortName: 'Tuesday evening group',
    facilitators: ['Dana Smith', 'Lee Park'],
    dateLabel: '22 November 2026',
    startLabel: '18:02',
    endLabel: '19:35',
    plannedMinutes: 90,
    actualMinutes: 93.4,
    attendanceCount: 11,
    stretches: [
      { title: 'Begin Group', startLabel: '18:02', endLabel: '18:09', minutes: 7, revisit: false },
      { title: 'Review', startLabel: '18:09', endLabel: '18:15', minutes: 6, revisit: false },
      { title: 'Begin Group', startLabel: '18:15', endLabel: '18:17', minutes: 2, revisit: true },
    ],
    items: [
      {
        runOrder: 1,
        title: 'Begin Group',
        plannedMinutes: 5,
        actualMinutes: 6.2,
        status: 'delivered',
        skippedReason: null,
        adaptedReason: null,
      },
      {
        runOrder: null,
        title: 'Video segment',
        plannedMinutes: 10,
        actualMinutes: 0,
        status: 'skipped',
        skippedReason: 'Projector failed',
        adaptedReason: null,
      },
      {
        runOrder: 2,
        title: 'Negotiation demonstration',
        plannedMinutes: 15,
        actualMinutes: 20,
        status: 'adapted',
        skippedReason: null,
        adaptedReason: 'Ran it twice',
      },
      {
        runOrder: null,
        title: 'Relaxation',
        plannedMinutes: 10,
        actualMinutes: 0,
        status: 'not-reached',
        skippedReason: null,
        adaptedReason: null,
      },
    ],
    quizCoverage: [
      { number: 1, prompt: 'Your success depends on:', covered: true },
      { number: 2, prompt: 'If your partner refuses:', covered: false },
    ],
    quizResults: [
      {
        number: 1,
        prompt: 'Your success depends on:',
        correctKey: 'd',
        counts: { a: 1, b: 2, d: 7 },
        answered: 10,
        correct: 7,
      },
      {
        number: 2,
        prompt: 'If your partner refuses:',
        correctKey: 'a',
        counts: { a: 4, c: 6 },
        answered: 10,
        correct: 4,
      },
    ],
    game: {
      teams: [
        { number: 1, scenarioTitle: 'Scenario No. 1', total: 6, maxPoints: 10 },
        { number: 2, scenarioTitle: 'Scenario No. 3', total: 9, maxPoints: 10 },
        { number: 3, scenarioTitle: null, total: 4, maxPoints: 10 },
      ],
      winners: [2],
    },
  };

  for (const { pageSize, portrait } of SIZES) {
    it(`reports delivery, quiz and game on ${pageSize}`, async () => {
      const bytes = await sessionReportPdf({ ...report, pageSize });
      expect(infoOf(bytes).pageSizes[0]).toBe(portrait);
      const text = textOf(bytes);
      expect(text).toContain('Group 5: Negotiating Safer Sex');
      expect(text).toMatch(/Group:\s+Tuesday evening group/);
      expect(text).toMatch(/Facilitators:\s+Dana Smith and Lee Park/);
      expect(text).toMatch(/Date:\s+22 November 2026/);
      expect(text).toMatch(/Time:\s+18:02 to 19:35/);
      expect(text).toMatch(/Length:\s+93\.4 min \(planned 90 min\)/);
      expect(text).toMatch(/Attendance:\s+11 members/);

      expect(text).toMatch(/Order\s+Item\s+Planned\s+Actual\s+Status\s+Notes/);
      expect(text).toMatch(/1\s+Begin Group\s+5 min\s+6\.2 min\s+Delivered/);
      expect(text).toMatch(/-\s+Video segment\s+10 min\s+-\s+Skipped\s+Skipped: Projector failed/);
      expect(text).toMatch(
        /2\s+Negotiation demonstration\s+15 min\s+20 min\s+Adapted\s+Adapted: Ran it twice/,
      );
      expect(text).toMatch(/-\s+Relaxation\s+10 min\s+-\s+Not reached/);
      expect(text).toContain('2 of 4 items delivered or adapted.');
      expect(text).toContain('In the order it happened');
      expect(text).toMatch(/3\s+Begin Group\s+18:15\s+18:17\s+2 min\s+Revisit/);

      expect(text).toContain('The material for 1 of 2 quiz items was covered before the quiz.');
      expect(text).toMatch(/1\s+Your success depends on:\s+Yes/);
      expect(text).toMatch(/2\s+If your partner refuses:\s+No/);

      expect(text).toMatch(/a: 1\s+b: 2\s+d: 7 \(correct\)\s+7 \/ 10 \(70%\)/);
      expect(text).toMatch(/a: 4 \(correct\)\s+c: 6\s+4 \/ 10 \(40%\)/);

      expect(text).toMatch(/Team 1\s+Scenario No\. 1\s+6 \/ 10/);
      expect(text).toMatch(/Team 2\s+Scenario No\. 3\s+9 \/ 10/);
      expect(text).toMatch(/Team 3\s+-\s+4 \/ 10/);
      expect(text).toContain('Winner: Team 2');
      expectWordsInsideMargins(bytes, 50);
    });
  }

  it('names every winner of a tie and says when there was no quiz or game', async () => {
    const tie = await sessionReportPdf({
      ...report,
      game: { ...report.game!, winners: [1, 3] },
      pageSize: 'A4',
    });
    expect(textOf(tie)).toContain('Winners (tie): Team 1 and Team 3');
    const none = await sessionReportPdf({
      ...report,
      quizCoverage: [],
      quizResults: [],
      game: null,
      pageSize: 'A4',
    });
    const text = textOf(none);
    expect(text).toContain('This session has no quiz.');
    expect(text).toContain('No quiz answers were recorded.');
    expect(text).toContain('No game was played.');
    expect(text).not.toContain('Winner');
  });

  it('continues a long report onto more pages, repeating the table header', async () => {
    const items = Array.from({ length: 70 }, (_, index) => ({
      ...report.items[1]!,
      title: `Item ${index + 1}`,
      skippedReason: `Reason ${index + 1}`,
    }));
    const bytes = await sessionReportPdf({ ...report, items, pageSize: 'Letter' });
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toMatch(/Order\s+Item\s+Planned\s+Actual\s+Status\s+Notes/);
    const text = pages.join('\n');
    for (let index = 1; index <= 70; index++) {
      expect(text).toMatch(
        new RegExp(`Item ${index}\\s+10 min\\s+-\\s+Skipped\\s+Skipped: Reason ${index}\\n`),
      );
    }
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expectWordsInsideMargins(bytes, 50);
  });
});

describe('Unicode outside WinAnsi', () => {
  it('is printed by every document without throwing', async () => {
    const documents = await Promise.all([
      certificatesPdf({
        programTitle: HOSTILE,
        packTitle: HOSTILE,
        members: [HOSTILE, '李小龍', '👩🏾‍⚕️'],
        dateLabel: HOSTILE,
        facilitators: [HOSTILE],
        pageSize: 'A4',
      }),
      agendaPdf({
        title: HOSTILE,
        programTitle: HOSTILE,
        dateLabel: HOSTILE,
        items: [{ clock: '0:00', today: '18:05', title: HOSTILE, minutes: 5, detail: HOSTILE }],
        end: { clock: '0:05', today: '18:10' },
        pageSize: 'Letter',
      }),
      quizSheetPdf({
        title: HOSTILE,
        packTitle: HOSTILE,
        items: [{ number: 1, prompt: HOSTILE, options: [{ key: 'a', text: HOSTILE }] }],
        pageSize: 'A4',
      }),
      scenarioCardsPdf({
        title: HOSTILE,
        rolesIntro: HOSTILE,
        scenarios: [{ title: HOSTILE, situation: HOSTILE, roles: [HOSTILE, HOSTILE] }],
        pageSize: 'Letter',
      }),
      markdownHandoutPdf({
        title: HOSTILE,
        markdown: `# ${HOSTILE}\n\n- ${HOSTILE}`,
        pageSize: 'A4',
      }),
      sessionReportPdf({
        ...{
          packTitle: HOSTILE,
          cohortName: HOSTILE,
          facilitators: [HOSTILE],
          dateLabel: HOSTILE,
          startLabel: HOSTILE,
          endLabel: HOSTILE,
          plannedMinutes: 1,
          actualMinutes: 1,
          attendanceCount: 1,
        },
        stretches: [
          { title: HOSTILE, startLabel: HOSTILE, endLabel: HOSTILE, minutes: 1, revisit: true },
        ],
        items: [
          {
            runOrder: 1,
            title: HOSTILE,
            plannedMinutes: 1,
            actualMinutes: 1,
            status: 'skipped',
            skippedReason: HOSTILE,
            adaptedReason: HOSTILE,
          },
        ],
        quizCoverage: [{ number: 1, prompt: HOSTILE, covered: true }],
        quizResults: [
          {
            number: 1,
            prompt: HOSTILE,
            correctKey: 'a',
            counts: { a: 1 },
            answered: 1,
            correct: 1,
          },
        ],
        game: {
          teams: [{ number: 1, scenarioTitle: HOSTILE, total: 1, maxPoints: 2 }],
          winners: [1],
        },
        pageSize: 'A4',
      }),
    ]);
    for (const bytes of documents) {
      expect(infoOf(bytes).pages).toBeGreaterThan(0);
      const text = squash(textOf(bytes));
      expect(text).toContain('Ana -> Ben v');
      expect(text).toContain('Lódz Nguyen');
      expect(text).not.toContain('日');
    }
  });

  it('keeps the original title, in full Unicode, in the document metadata', async () => {
    const bytes = await markdownHandoutPdf({
      title: 'Ωmega → 日本',
      markdown: 'Hi',
      pageSize: 'A4',
    });
    expect(infoOf(bytes).fields.Title).toBe('Ωmega → 日本');
    expect(textOf(bytes)).toContain('?mega -> ??');
  });
});
