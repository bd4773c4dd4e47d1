/**
 * `requests` in pages (issue 15 item 3): "showing N–M of T", a More button that carries the filter and the next
 * offset, open vs expired right before the sweep runs, a link to each approval message, and no row dropped.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { messagesFor } from '../../src/i18n.js';
import { newRequest, transition, type EndpointRequest } from '../../src/requests/model.js';
import { LIST_ACTIONS, REQUESTS_PAGE, parseListPageValue, requestsListView, type ListFilter } from '../../src/slack/views/requests.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { startBot, type Bot } from '../helpers/bot.js';
import { blockText, captureResponseUrl, fakeSlack } from '../helpers/slack.js';

const now = new Date('2026-11-29T10:00:00Z');

/** `count` requests, newest first, each with its approval message; every third past its expiry while still pending. */
function requests(count: number): EndpointRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(now.getTime() - (i + 1) * 60_000 * 60);
    const r = newRequest({
      id: `plr-${String(i).padStart(10, '0')}`,
      requester: 'U0ALICE',
      reason: 'x',
      params: {
        region: 'ap-northeast-1',
        // The longest service names there are: rows of 20 are far over one section's 3,000 characters.
        serviceName: `com.amazonaws.vpce.ap-northeast-1.vpce-svc-${String(i).padStart(17, '0')}`,
        vpcId: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-0123456789abcdef0'],
        securityGroupIds: [],
        privateDns: 'on',
        ports: [443],
      },
      preflight: [],
      now: created,
      ttlHours: i % 3 === 0 ? 1 : 24 * 365,
    });
    r.message = { channel: 'C0APPROVALS', ts: `1700000000.${String(i).padStart(6, '0')}` };
    return r;
  });
}

/** The texts of headers, sections and context elements, in order. */
function blockTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'header' || b.type === 'section') return b.text ? [b.text.text] : [];
    if (b.type === 'context') return b.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''));
    return [];
  });
}
const moreButton = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => 'action_id' in e && e.action_id === LIST_ACTIONS.more) as
    | { value: string }
    | undefined;

/** Every page, following the More button as a user would; the ids of each page's rows. */
function allPages(list: EndpointRequest[], filter: ListFilter, lang: 'en' | 'ja' = 'en'): { pages: KnownBlock[][]; ids: string[] } {
  const pages: KnownBlock[][] = [];
  const ids: string[] = [];
  let offset = 0;
  for (;;) {
    const view = requestsListView(list, filter, now, messagesFor(lang), offset);
    expectWithinBlockKitLimits(view);
    pages.push(view.blocks);
    ids.push(
      ...blockTexts(view.blocks)
        .flatMap((t) => t.match(/`plr-\d{10}`/g) ?? [])
        .map((s) => s.slice(1, -1)),
    );
    const more = moreButton(view.blocks);
    if (!more) break;
    const next = parseListPageValue(more.value);
    expect(next.filter).toBe(filter);
    offset = next.offset;
    if (pages.length > 50) throw new Error('the pages never end');
  }
  return { pages, ids };
}

describe('requests, one page at a time', () => {
  it('shows every one of 200 requests across its pages, each once, in order, with "showing N–M of 200"', () => {
    const list = requests(200);
    const { pages, ids } = allPages(list, 'all');
    expect(ids).toEqual(list.map((r) => r.id));
    expect(pages).toHaveLength(200 / REQUESTS_PAGE);
    expect(blockTexts(pages[0]!)).toContain('Showing 1–20 of 200.');
    expect(blockTexts(pages[9]!)).toContain('Showing 181–200 of 200.');
    expect(moreButton(pages[9]!)).toBeUndefined();
    // Rows of long service names fill more than one section: split between rows, never inside one.
    for (const page of pages) {
      const rows = blockTexts(page)
        .flatMap((t) => t.split('\n'))
        .filter((line) => line.startsWith('`plr-'));
      expect(rows).toHaveLength(REQUESTS_PAGE);
      for (const row of rows) expect(row).toMatch(/\|card>$/);
    }
  });

  it('links each row to its approval message', () => {
    const [first] = blockTexts(requestsListView(requests(1), 'all', now).blocks).filter((t) => t.startsWith('`plr-'));
    expect(first).toContain('<https://slack.com/archives/C0APPROVALS/p1700000000000000|card>');
  });

  it('names a pending request past its expiry expired, and leaves it out of the open list, before the sweep runs', () => {
    const list = requests(200);
    const all = allPages(list, 'all').pages.flatMap(blockTexts).join('\n');
    expect(all).toContain('`plr-0000000000` :alarm_clock: Expired');
    expect(all).toContain('`plr-0000000001` :hourglass_flowing_sand: Waiting for an approver');
    const open = allPages(list, 'pending');
    const stillOpen = list.filter((_, i) => i % 3 !== 0).map((r) => r.id);
    expect(open.ids).toEqual(stillOpen);
    expect(blockTexts(open.pages[0]!)).toContain(`Showing 1–20 of ${stillOpen.length}.`);
    expect(blockTexts(open.pages[0]!)[0]).toBe(`Open endpoint requests (${stillOpen.length})`);
  });

  it('keeps a decided request in the full list with its own state', () => {
    const [r] = requests(1);
    const rejected = transition(r!, 'rejected', 'U0BOB', now);
    expect(blockTexts(requestsListView([rejected], 'all', now).blocks).join('\n')).toContain(':no_entry: Rejected');
    expect(blockTexts(requestsListView([rejected], 'pending', now).blocks)).toEqual(['No open requests.']);
  });

  it('clamps an offset past the end to the last page, and reads a damaged button value as the first open page', () => {
    expect(blockTexts(requestsListView(requests(45), 'all', now, messagesFor('en'), 999).blocks)).toContain('Showing 41–45 of 45.');
    expect(parseListPageValue('nonsense')).toEqual({ filter: 'pending', offset: 0 });
    expect(parseListPageValue('all:-5')).toEqual({ filter: 'all', offset: 0 });
  });

  it('in Japanese: the count and the More button in Japanese, every row shown', () => {
    const list = requests(45);
    const { pages, ids } = allPages(list, 'all', 'ja');
    expect(ids).toEqual(list.map((r) => r.id));
    expect(blockTexts(pages[0]!)).toContain('45 件中 1～20 件目を表示しています。');
    expect(JSON.stringify(pages[0])).toContain('"text":"次のページ"');
  });
});

describe('the More button, through the Lambda handler', () => {
  let bot: Bot;
  afterEach(() => bot.close());

  async function seed(count: number) {
    for (const r of requests(count)) await bot.store.create(r);
  }

  it('answers /privatelink requests all with the first page, and a click on More with the next, in place', async () => {
    bot = await startBot({ clock: { now } });
    await seed(45);
    const first = await bot.command('requests all');
    expect(blockText(first.body)).toContain('Showing 1–20 of 45.');
    const more = moreButton(first.body.blocks as KnownBlock[])!;
    expect(more.value).toBe('all:20');

    const answers = captureResponseUrl();
    expect(await bot.clickOnly(LIST_ACTIONS.more, more.value, 'U0ALICE')).toMatchObject({ statusCode: 200 });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]!.body).toMatchObject({ replace_original: true });
    expect(blockText(answers[0]!.body)).toContain('Showing 21–40 of 45.');
    expect(blockText(answers[0]!.body)).toContain('plr-0000000020');
    expect(moreButton(answers[0]!.body.blocks as KnownBlock[])!.value).toBe('all:40');
  });

  it('refuses the next page to someone who is not a reader, as the command does', async () => {
    bot = await startBot({ clock: { now }, config: { readers: { userIds: ['U0DAVE'] } } });
    fakeSlack();
    await seed(25);
    const answers = captureResponseUrl();
    await bot.clickOnly(LIST_ACTIONS.more, 'all:20', 'U0MALLORY');
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(blockText(answers[0]!.body)).toContain(messagesFor('en').readers.onlyReaders);
    expect(blockText(answers[0]!.body)).not.toContain('plr-');
  });
});
