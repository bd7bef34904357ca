import fs from 'node:fs';
import type { Command } from 'commander';
import { LETTER_FORMATS, LETTER_REGIMES } from '../../api/contract.js';
import type { LetterDetail, LetterFormat, LetterRegime } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, CliFailure, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';

interface LetterOptions {
  regime?: string;
  lang: string;
  format: string;
  out: string;
  platform?: string;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliFailure(2, 'INVALID_INPUT', `--${name} must be one of ${allowed.join(', ')}`);
}

function printLetter(io: CliIo, l: LetterDetail): void {
  io.stdout(`${l.id}  ${l.title} → ${l.platform.name} [${l.regime}, ${l.lang}, ${l.status}]\n`);
  for (const f of l.fields) io.stdout(`\n■ ${f.label} (${f.key})${f.verbatimToPoster ? '  ※ passed to the poster verbatim' : ''}${f.edited ? '  [edited]' : ''}\n${f.value}\n`);
  if (l.missing.length) io.stdout(`\nMissing before export: ${l.missing.join(', ')}\n`);
  for (const w of l.warnings) io.stdout(`warning (${w.level}, ${w.subject}): ${w.message[l.lang]}\n`);
  for (const c of l.clocks) io.stdout(`clock ${c.clock}: due ${c.dueAt}${c.closedAt ? ` (closed ${c.closedAt})` : ''}\n`);
}

/** `seimon letter CASE --regime … --format … --out FILE` and `seimon letter sent|response|edit|show LETTER`. */
export function registerLetterCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const letter = program
    .command('letter')
    .description('draft and export a takedown request for a case (削除要請)')
    .argument('[case]', 'case id')
    .option('--regime <regime>', LETTER_REGIMES.join('|') + ' (default: from the platform)')
    .option('--lang <lang>', 'ja|en', 'ja')
    .option('--format <format>', LETTER_FORMATS.join('|'), 'pdf')
    .option('--out <file>', 'where to write the letter')
    .option('--platform <id>', 'platform or operator id (default: the case platform); see `seimon letters platforms`')
    .action(async (caseId: string | undefined, o: Partial<LetterOptions>) => {
      if (!caseId || !o.out) throw new CliFailure(2, 'INVALID_INPUT', 'Usage: seimon letter CASE --out FILE [--regime R] [--lang ja|en] [--format pdf|docx|txt]');
      const g = globals();
      const regime = o.regime ? oneOf<LetterRegime>('regime', o.regime, LETTER_REGIMES) : null;
      const format = oneOf<LetterFormat>('format', o.format ?? 'pdf', LETTER_FORMATS);
      const lang = oneOf('lang', o.lang ?? 'ja', ['ja', 'en'] as const);
      await withCore(g, async (ctx) => {
        const d = await call(ctx, 'letters.draft', { caseId, regime, lang, platformId: o.platform ?? null });
        const e = await call(ctx, 'letters.export', { id: d.id, format });
        fs.writeFileSync(o.out!, e.bytes);
        if (g.json) printJson(io, { letterId: d.id, file: o.out, sha256: e.sha256, sizeBytes: e.sizeBytes, warnings: d.warnings });
        else {
          io.stdout(`Wrote ${o.out} (${format}, SHA-256 ${e.sha256}) for letter ${d.id}\n`);
          for (const w of d.warnings) io.stderr(`warning (${w.level}, ${w.subject}): ${w.message[lang]}\n`);
        }
      });
    });

  letter
    .command('show <letter>')
    .description('show a letter: fields, what is missing, warnings, clocks')
    .action(async (id: string) => {
      const g = globals();
      const l = await withCore(g, (ctx) => call(ctx, 'letters.get', { id }));
      if (g.json) printJson(io, l);
      else printLetter(io, l);
    });

  letter
    .command('edit <letter>')
    .description("replace one field's text (kept with its edit history)")
    .requiredOption('--field <key>', 'field key (see `seimon letter show`)')
    .option('--value <text>', 'the new text')
    .option('--file <path>', 'read the new text from a UTF-8 file')
    .option('--reset', 'go back to the text generated from the case')
    .action(async (id: string, o: { field: string; value?: string; file?: string; reset?: boolean }) => {
      const value = o.reset ? null : o.file ? fs.readFileSync(o.file, 'utf8') : o.value;
      if (value === undefined) throw new CliFailure(2, 'INVALID_INPUT', 'Give --value, --file or --reset');
      const l = await withCore(globals(), (ctx) => call(ctx, 'letters.editField', { id, field: o.field, value }));
      io.stdout(`Edited ${o.field} of ${l.id}\n`);
    });

  letter
    .command('sent <letter>')
    .description('mark a letter sent; starts its statutory clocks')
    .option('--at <iso>', 'when it was sent (default: now)')
    .action(async (id: string, o: { at?: string }) => {
      const g = globals();
      const l = await withCore(g, (ctx) => call(ctx, 'letters.markSent', { id, ...(o.at ? { at: o.at } : {}) }));
      if (g.json) printJson(io, { id: l.id, sentAt: l.sentAt, clocks: l.clocks });
      else {
        io.stdout(`Marked ${l.id} sent at ${l.sentAt}\n`);
        for (const c of l.clocks) io.stdout(`  ${c.label}: due ${c.dueAt} (${c.basis})\n`);
      }
    });

  letter
    .command('response <letter>')
    .description("record a platform's response (removed, refused, answered, acknowledged, extended, …)")
    .requiredOption('--outcome <outcome>', 'what happened')
    .option('--at <iso>', 'when (default: now)')
    .option('--note <text>', 'a note')
    .action(async (id: string, o: { outcome: string; at?: string; note?: string }) => {
      const l = await withCore(globals(), (ctx) => call(ctx, 'letters.recordResponse', { id, outcome: o.outcome, note: o.note ?? null, ...(o.at ? { at: o.at } : {}) }));
      io.stdout(`Recorded ${o.outcome} for ${l.id}; letter is ${l.status}\n`);
    });
}

/** `seimon letters due|platforms|platform-add|requester|grounds|report`. */
export function registerLettersCommands(program: Command, io: CliIo, globals: () => GlobalOptions): void {
  const letters = program.command('letters').description('takedown requests: deadlines, platforms, requester, grounds, advocacy report');

  letters
    .command('due')
    .description('running clocks, soonest first; overdue ones marked')
    .option('--at <iso>', 'as of (default: now)')
    .action(async (o: { at?: string }) => {
      const g = globals();
      const due = await withCore(g, (ctx) => call(ctx, 'letters.due', o.at ? { at: o.at } : {}));
      if (g.json) printJson(io, due);
      else if (due.length === 0) io.stdout('Nothing is due.\n');
      else io.stdout(formatTable(['letter', 'platform', 'clock', 'due', 'hours left', ''], due.map((d) => [d.letterId, d.platformName, d.clock, d.dueAt, d.hoursLeft, d.overdue ? 'OVERDUE' : ''])) + '\n');
    });

  letters
    .command('platforms')
    .description('the platform catalog and operators you added')
    .action(async () => {
      const g = globals();
      const list = await withCore(g, (ctx) => call(ctx, 'platforms.list', {}));
      if (g.json) printJson(io, list);
      else io.stdout(formatTable(['id', 'name', 'operator', 'regime', 'designated', 'intake'], list.map((p) => [p.id, p.name, p.operator, p.regime, p.designatedOn, p.intakeUrl])) + '\n');
    });

  letters
    .command('platform-add')
    .description('add an operator (an AI voice service, a video site) with its regime')
    .requiredOption('--name <name>', 'service name')
    .requiredOption('--operator <operator>', 'company running it')
    .requiredOption('--regime <regime>', 'idpa-designated|idpa-other|dmca|dsa|youtube')
    .requiredOption('--kind <kind>', 'what it is (ai-voice-service, video-site, …)')
    .option('--intake-url <url>', 'its removal-request page (http/https)')
    .option('--language <lang>', 'language it accepts', 'ja')
    .action(async (o: { name: string; operator: string; regime: string; kind: string; intakeUrl?: string; language: string }) => {
      const regime = oneOf('regime', o.regime, ['idpa-designated', 'idpa-other', 'dmca', 'dsa', 'youtube'] as const);
      const p = await withCore(globals(), (ctx) => call(ctx, 'platforms.add', { name: o.name, operator: o.operator, regime, kind: o.kind, intakeUrl: o.intakeUrl ?? null, language: o.language, services: [o.name] }));
      io.stdout(`Added ${p.name} (${p.id})\n`);
    });

  letters
    .command('requester')
    .description('show or set who signs requests (stored in settings)')
    .option('--name <name>')
    .option('--organisation <org>')
    .option('--address <address>')
    .option('--email <email>')
    .option('--phone <phone>')
    .action(async (o: { name?: string; organisation?: string; address?: string; email?: string; phone?: string }) => {
      const g = globals();
      const r = await withCore(g, async (ctx) => {
        const cur = await call(ctx, 'letters.requester', {});
        if (Object.values(o).every((v) => v === undefined)) return cur;
        return call(ctx, 'letters.setRequester', { ...cur, ...o });
      });
      printJson(io, r);
    });

  letters
    .command('grounds <case>')
    .description("show or set a case's legal facts and chosen grounds, with fit warnings")
    .option('--set <ids>', 'comma-separated ground ids (publicity,performers-rights,unfair-competition,portrait-personality)')
    .option('--recordings <ynu>', 'actual recordings used: yes|no|unknown')
    .option('--video', 'the case has video')
    .option('--no-video', 'the case has no video')
    .option('--commercial <ynu>', 'commercial use: yes|no|unknown')
    .option('--election-candidate', 'the person is an election candidate')
    .action(async (caseId: string, o: { set?: string; recordings?: string; video?: boolean; commercial?: string; electionCandidate?: boolean }) => {
      const g = globals();
      const ynu = ['yes', 'no', 'unknown'] as const;
      const facts = {
        ...(o.recordings ? { usedActualRecordings: oneOf('recordings', o.recordings, ynu) } : {}),
        ...(o.video !== undefined ? { hasVideo: o.video } : {}),
        ...(o.commercial ? { commercialUse: oneOf('commercial', o.commercial, ynu) } : {}),
        ...(o.electionCandidate ? { electionCandidate: true } : {}),
      };
      const r = await withCore(g, (ctx) =>
        o.set || Object.keys(facts).length
          ? call(ctx, 'grounds.setForCase', { caseId, facts, ...(o.set ? { grounds: o.set.split(',').map((s) => s.trim()).filter(Boolean) } : {}) })
          : call(ctx, 'grounds.forCase', { caseId }),
      );
      if (g.json) printJson(io, r);
      else {
        io.stdout(`grounds: ${r.grounds.join(', ') || '(none)'}\nfacts: ${JSON.stringify(r.facts)}\n`);
        for (const w of r.warnings) io.stdout(`warning (${w.level}, ${w.subject}): ${w.message.en}\n`);
      }
    });

  letters
    .command('report')
    .description('advocacy report: per platform and period, sent, median response time, outcomes, overdue')
    .option('--period <p>', 'month|quarter|year', 'month')
    .option('--from <iso>', 'sent on or after')
    .option('--to <iso>', 'sent before')
    .option('--format <f>', 'json|csv|pdf', 'json')
    .option('--lang <lang>', 'ja|en', 'ja')
    .option('--out <file>', 'write the CSV/PDF here')
    .action(async (o: { period: string; from?: string; to?: string; format: string; lang: string; out?: string }) => {
      const format = oneOf('format', o.format, ['json', 'csv', 'pdf'] as const);
      if (format !== 'json' && !o.out) throw new CliFailure(2, 'INVALID_INPUT', '--out is required for csv and pdf');
      const r = await withCore(globals(), (ctx) =>
        call(ctx, 'reports.advocacy', {
          period: oneOf('period', o.period, ['month', 'quarter', 'year'] as const),
          format,
          lang: oneOf('lang', o.lang, ['ja', 'en'] as const),
          ...(o.from ? { from: o.from } : {}),
          ...(o.to ? { to: o.to } : {}),
        }),
      );
      if (r.bytes && o.out) {
        fs.writeFileSync(o.out, r.bytes);
        io.stdout(`Wrote ${o.out}\n`);
      } else printJson(io, r.report);
    });
}
