/** Terminal entry: `privatelink <same words as the slash command> [--json]`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { parseCommand } from './commands/parse.js';
import { ConfigError, loadConfig } from './config.js';
import type { Ec2Api } from './endpoints/ec2-api.js';
import { accountEc2, lookupJson, runLookup } from './endpoints/lookups.js';
import type { EstateAccess } from './accounts/model.js';
import { silenceSdkNodeWarning } from './node-support.js';
import type { RequestStore } from './requests/store.js';
import { composeBot, type Bot } from './services.js';
import { decide } from './decision/engine.js';
import { reportDecision } from './slack/views/report.js';
import { isLocale, localeFromPosix, messagesFor, type Locale } from './i18n.js';
import { compareResultView } from './slack/views/compare.js';
import { failureLines, lookupView } from './slack/views/endpoints.js';
import { runDoctor } from './doctor/run.js';
import { doctorJson, doctorView } from './slack/views/doctor.js';
import { noticeView } from './slack/views/blocks.js';
import { helpView, parseErrorView } from './slack/views/help.js';
import { requestsListView, statusView } from './slack/views/requests.js';
import { safeJson } from './slack/views/sanitize.js';
import { blocksToText } from './slack/views/text.js';
import type { SlackMessage } from './slack/views/blocks.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The EC2 adapter; built from the environment (default credential chain) when not given. */
  ec2?: Ec2Api;
  /** The request store; REQUESTS_TABLE or DATA_DIR when not given. */
  store?: RequestStore;
}

/** Every account of ACCOUNTS, reached with the terminal's credentials (home) and the roles they may assume. */
function cliEstate(bot: Bot): EstateAccess {
  return { ec2For: bot.ec2For, ...(bot.config.accounts && { accounts: bot.config.accounts }) };
}

/**
 * A view as terminal text. There the command is `privatelink …`: the catalog's slash-command examples say so. Only a
 * command word is rewritten, never the `/privatelink/` inside a documentation URL.
 */
export function cliText(blocks: SlackMessage['blocks']): string {
  return blocksToText(blocks).replace(/(^|[\s`'"(])\/privatelink\b(?!\/)/gm, '$1privatelink');
}

function packageVersion(): string {
  // src/cli.ts and the bundled dist/cli.js both sit one folder below package.json.
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Re-quotes shell words that held spaces, so `reason="a b"` survives the trip through argv. */
function joinArgs(args: string[]): string {
  return args.map((a) => (/\s/.test(a) ? (a.includes('=') ? a.replace(/=(.*)$/s, '="$1"') : `"${a}"`) : a)).join(' ');
}

/**
 * The terminal's language: `--lang en|ja` (or `--lang=ja`), else LANG's language part (`ja_JP.UTF-8` → ja; LC_ALL
 * and LC_MESSAGES first, as POSIX orders them), else English. Returns the words left once `--lang` is taken out.
 */
export function cliLocale(argv: string[], env: Record<string, string | undefined>): { locale: Locale; words: string[] } | { badLang: string } {
  const words: string[] = [];
  let chosen: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') chosen = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else words.push(arg);
  }
  if (chosen !== undefined) return isLocale(chosen.toLowerCase()) ? { locale: chosen.toLowerCase() as Locale, words } : { badLang: chosen };
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v?.trim());
  return { locale: localeFromPosix(posix) ?? 'en', words };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout(`privatelink ${packageVersion()}\n`);
    return 0;
  }
  const lang = cliLocale(argv, io.env);
  if ('badLang' in lang) {
    io.stderr(`privatelink: --lang ${safeJson(lang.badLang)} is not a language I speak: use --lang en or --lang ja\n`);
    return 2;
  }
  const en = messagesFor(lang.locale);
  const json = lang.words.includes('--json');
  const words = lang.words.filter((a) => a !== '--json');
  if (words[0] === '--help' || words[0] === '-h') words.splice(0, 1, 'help');
  const parsed = parseCommand(joinArgs(words));
  // The terminal needs EC2 and the request store only, built from the environment when a command needs them.
  const compose = () => composeBot(loadConfig(io.env, { slack: false }), { ...(io.ec2 && { ec2: io.ec2 }), ...(io.store && { store: io.store }) });
  const printView = (view: SlackMessage) => io.stdout(cliText(view.blocks));

  if (!parsed.ok) {
    io.stderr(cliText(parseErrorView(parsed.error, en).blocks));
    return 2;
  }
  const command = parsed.command;
  switch (command.name) {
    case 'help':
      printView(helpView(en));
      io.stdout(`${en.cliHelpFooter}\n`);
      return 0;
    case 'compare': {
      const decision = decide(command.answers);
      // --json is a script's contract: the same in every language (ids, with the English words beside them).
      if (json) io.stdout(`${safeJson(reportDecision(decision, messagesFor('en')))}\n`);
      else printView(compareResultView(reportDecision(decision, en), command.answers, command.order, {}, en));
      return 0;
    }
    case 'describe':
    case 'dns':
    case 'services': {
      const bot = compose();
      const result = await runLookup(command, cliEstate(bot), bot.config);
      if (result.kind === 'problem') {
        io.stderr(`${cliText(lookupView(result, en).blocks)}`);
        return 1;
      }
      if (json) {
        io.stdout(`${safeJson(lookupJson(result))}\n`);
        // The accounts that could not be searched: on stderr, so the JSON stays the list of endpoints found.
        if (result.kind === 'estate' && result.failures.length > 0)
          io.stderr(cliText(noticeView([en.estate.failuresTitle, ...failureLines(result, en)].join('\n')).blocks));
      } else printView(lookupView(result, en));
      return 0;
    }
    case 'requests':
    case 'status': {
      const { store } = compose();
      if (command.name === 'requests') {
        const requests = await store.list({ openOnly: command.filter === 'pending', limit: 50 });
        if (json) io.stdout(`${safeJson(requests)}\n`);
        else printView(requestsListView(requests, command.filter, new Date(), en));
        return 0;
      }
      const request = await store.get(command.requestId);
      if (!request) {
        io.stderr(cliText(noticeView(en.requests.notFound(command.requestId)).blocks));
        return 1;
      }
      if (json) io.stdout(`${safeJson(request)}\n`);
      else printView(statusView(request, en));
      return 0;
    }
    case 'doctor': {
      const bot = compose();
      const picked = accountEc2(cliEstate(bot), command.account);
      if ('code' in picked) {
        io.stderr(`${cliText(lookupView({ kind: 'problem', problem: picked }, en).blocks)}`);
        return 1;
      }
      const outcome = await runDoctor(command, picked.ec2, bot.config);
      if (json) io.stdout(`${safeJson(doctorJson(outcome))}\n`);
      else if (outcome.kind === 'report') printView(doctorView(outcome, en));
      else io.stderr(blocksToText(doctorView(outcome, en).blocks));
      return outcome.kind === 'report' ? 0 : 1;
    }
    case 'create':
    case 'cancel':
      io.stderr(cliText(noticeView(en.slackOnly(command.name)).blocks));
      return 2;
    case 'lang':
      io.stderr(cliText(noticeView(en.lang.cli).blocks));
      return 2;
  }
}

export function main(): void {
  loadDotenv({ quiet: true });
  silenceSdkNodeWarning(process.env);
  runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const text =
        error instanceof ConfigError ? `${error.message} (set it in the environment or .env)` : error instanceof Error ? error.message : String(error);
      process.stderr.write(`privatelink: ${text}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main();
