import fs from 'node:fs';
import type { Command } from 'commander';
import { DELIVERY_METHODS, FACT_KEYS, GUIDELINE_FORMS, LETTER_FORMATS, LETTER_REGIMES, SENDER_CAPACITIES } from '../../api/contract.js';
import type { DeliveryMethod, GuidelineForm, InputOf, LetterDetail, LetterFormat, LetterRegime } from '../../api/contract.js';
import type { CliIo, GlobalOptions } from '../io.js';
import { call, CliFailure, printJson, withCore } from '../io.js';
import { formatTable } from '../table.js';

interface LetterOptions {
  regime?: string;
  form?: string;
  lang: string;
  format: string;
  out: string;
  platform?: string;
  confirm?: string;
}

/** Prints what blocks a letter and fails with exit 2: the letter does not fit the case as it stands. */
function refuseBlocked(io: CliIo, l: LetterDetail): never {
  io.stderr(`${l.lang === 'ja' ? '書き出せません。次の点を直してください:' : 'Cannot export; fix these first:'}\n`);
  for (const b of l.blockers) io.stderr(`  - ${b.id}: ${b.message[l.lang]}${b.confirmable ? ` (seimon letter confirm ${l.id} ${b.id})` : ''}\n`);
  throw new CliFailure(2, 'LETTER_BLOCKED', `${l.blockers.length} item(s) block export: ${l.blockers.map((b) => b.id).join(', ')}`);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliFailure(2, 'INVALID_INPUT', `--${name} must be one of ${allowed.join(', ')}`);
}

function printLetter(io: CliIo, l: LetterDetail): void {
  io.stdout(`${l.id}  ${l.title} → ${l.platform.name} [${l.regime}, ${l.lang}, ${l.status}]\n`);
  for (const f of l.fields) io.stdout(`\n■ ${f.label} (${f.key})${f.verbatimToPoster ? '  ※ passed to the poster verbatim' : ''}${f.edited ? '  [edited]' : ''}\n${f.value}\n`);
  if (l.missing.length) io.stdout(`\nMissing before export: ${l.missing.join(', ')}\n`);
  for (const b of l.blockers) io.stdout(`BLOCKED (${b.id}): ${b.message[l.lang]}\n`);
  for (const w of l.warnings) io.stdout(`warning (${w.level}, ${w.subject}): ${w.message[l.lang]}\n`);
  if (l.attachments.length) io.stdout(`attachments: ${l.attachments.join(' / ')}\n`);
  for (const c of l.clocks) io.stdout(`clock ${c.clock}: due ${c.dueOn ? `end of ${c.dueOn} JST` : c.dueAt}${c.closedAt ? ` (closed ${c.closedAt})` : ''}\n`);
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
    .option('--form <form>', `guideline form: ${GUIDELINE_FORMS.join('|')} (default: from the grounds)`)
    .option('--confirm <ids>', 'comma-separated confirmable items to confirm (e.g. host-mismatch:example.com)')
    .action(async (caseId: string | undefined, o: Partial<LetterOptions>) => {
      if (!caseId || !o.out) throw new CliFailure(2, 'INVALID_INPUT', 'Usage: seimon letter CASE --out FILE [--regime R] [--lang ja|en] [--format pdf|docx|txt]');
      const g = globals();
      const regime = o.regime ? oneOf<LetterRegime>('regime', o.regime, LETTER_REGIMES) : null;
      const form = o.form ? oneOf<GuidelineForm>('form', o.form, GUIDELINE_FORMS) : null;
      const format = oneOf<LetterFormat>('format', o.format ?? 'pdf', LETTER_FORMATS);
      const lang = oneOf('lang', o.lang ?? 'ja', ['ja', 'en'] as const);
      await withCore(g, async (ctx) => {
        let d = await call(ctx, 'letters.draft', { caseId, regime, form, lang, platformId: o.platform ?? null });
        for (const blocker of (o.confirm ?? '').split(',').map((x) => x.trim()).filter(Boolean)) d = await call(ctx, 'letters.confirm', { id: d.id, blocker, confirmed: true });
        if (d.blockers.length) refuseBlocked(io, d);
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
    .command('confirm <letter> <item>')
    .description('confirm a confirmable item that blocks export (e.g. host-mismatch:example.com)')
    .option('--withdraw', 'withdraw the confirmation')
    .action(async (id: string, item: string, o: { withdraw?: boolean }) => {
      const l = await withCore(globals(), (ctx) => call(ctx, 'letters.confirm', { id, blocker: item, confirmed: !o.withdraw }));
      io.stdout(`${o.withdraw ? 'Withdrew' : 'Confirmed'} ${item} on ${l.id}; ${l.blockers.length} item(s) still block export\n`);
    });

  const printClocks = (l: LetterDetail) => {
    for (const c of l.clocks) io.stdout(`  ${c.label}: due ${c.dueOn ? `end of ${c.dueOn} JST (${c.dueAt})` : c.dueAt} (${c.basis})\n`);
  };

  letter
    .command('sent <letter>')
    .description('mark a letter sent; its clocks count from receipt, first day excluded')
    .option('--at <iso>', 'when it was sent (default: now)')
    .option('--via <method>', DELIVERY_METHODS.join('|'))
    .option('--received-on <date>', 'when the recipient received it, YYYY-MM-DD (default: sent date + the method\'s usual days)')
    .action(async (id: string, o: { at?: string; via?: string; receivedOn?: string }) => {
      const g = globals();
      const deliveryMethod = o.via ? oneOf<DeliveryMethod>('via', o.via, DELIVERY_METHODS) : null;
      const l = await withCore(g, (ctx) => call(ctx, 'letters.markSent', { id, deliveryMethod, receivedOn: o.receivedOn ?? null, ...(o.at ? { at: o.at } : {}) }));
      if (g.json) printJson(io, { id: l.id, sentAt: l.sentAt, receivedOn: l.receivedOn, clocks: l.clocks });
      else {
        io.stdout(`Marked ${l.id} sent at ${l.sentAt}, received ${l.receivedOn}\n`);
        printClocks(l);
      }
    });

  letter
    .command('dates <letter>')
    .description("record the receipt date or when YouTube notified the uploader (starts YouTube's 48 h)")
    .option('--received-on <date>', 'YYYY-MM-DD')
    .option('--uploader-notified-at <iso>', "when YouTube notified the uploader")
    .action(async (id: string, o: { receivedOn?: string; uploaderNotifiedAt?: string }) => {
      const g = globals();
      const l = await withCore(g, (ctx) => call(ctx, 'letters.setDates', { id, ...(o.receivedOn ? { receivedOn: o.receivedOn } : {}), ...(o.uploaderNotifiedAt ? { uploaderNotifiedAt: o.uploaderNotifiedAt } : {}) }));
      if (g.json) printJson(io, { id: l.id, receivedOn: l.receivedOn, uploaderNotifiedAt: l.uploaderNotifiedAt, clocks: l.clocks });
      else printClocks(l);
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
    .option('--designated', 'a designated large platform (Act Art 20(1))')
    .option('--hosts <hosts>', "comma-separated host names of its services (example.jp)")
    .action(async (o: { name: string; operator: string; regime: string; kind: string; intakeUrl?: string; language: string; designated?: boolean; hosts?: string }) => {
      const regime = oneOf('regime', o.regime, ['idpa-designated', 'idpa-other', 'dmca', 'dsa', 'youtube'] as const);
      const hosts = (o.hosts ?? '').split(',').map((h) => h.trim()).filter(Boolean);
      const p = await withCore(globals(), (ctx) =>
        call(ctx, 'platforms.add', { name: o.name, operator: o.operator, regime, kind: o.kind, intakeUrl: o.intakeUrl ?? null, language: o.language, services: [o.name], designated: o.designated === true, hosts }),
      );
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
    .option('--set <ids>', 'comma-separated ground ids (see `seimon letters grounds-list`)')
    .option('--recordings <ynu>', 'actual recordings used: yes|no|unknown')
    .option('--video', 'the case has video')
    .option('--no-video', 'the case has no video')
    .option('--commercial <ynu>', 'commercial use: yes|no|unknown')
    .option('--election-candidate', 'the person is an election candidate')
    .option('--capacity <c>', `who sends: ${SENDER_CAPACITIES.join('|')}`)
    .option('--fact <key=value...>', `set any fact (${FACT_KEYS.join(', ')}); yes|no|unknown, true|false, text, or "" to clear`)
    .action(async (caseId: string, o: { set?: string; recordings?: string; video?: boolean; commercial?: string; electionCandidate?: boolean; capacity?: string; fact?: string[] }) => {
      const g = globals();
      const ynu = ['yes', 'no', 'unknown'] as const;
      const extra: Record<string, string | boolean | null> = {};
      for (const kv of o.fact ?? []) {
        const i = kv.indexOf('=');
        const key = oneOf('fact', i > 0 ? kv.slice(0, i) : kv, FACT_KEYS);
        const v = i > 0 ? kv.slice(i + 1) : '';
        extra[key] = v === 'true' ? true : v === 'false' ? false : v === '' ? null : v;
      }
      const facts = {
        ...extra,
        ...(o.recordings ? { usedActualRecordings: oneOf('recordings', o.recordings, ynu) } : {}),
        ...(o.video !== undefined ? { hasVideo: o.video } : {}),
        ...(o.commercial ? { commercialUse: oneOf('commercial', o.commercial, ynu) } : {}),
        ...(o.electionCandidate ? { electionCandidate: true } : {}),
        ...(o.capacity ? { capacity: oneOf('capacity', o.capacity, SENDER_CAPACITIES) } : {}),
      } as InputOf<'grounds.setForCase'>['facts'];
      const r = await withCore(g, (ctx) =>
        o.set || Object.keys(facts ?? {}).length
          ? call(ctx, 'grounds.setForCase', { caseId, facts, ...(o.set ? { grounds: o.set.split(',').map((s) => s.trim()).filter(Boolean) } : {}) })
          : call(ctx, 'grounds.forCase', { caseId }),
      );
      if (g.json) printJson(io, r);
      else {
        io.stdout(`grounds: ${r.grounds.join(', ') || '(none)'}\nfacts: ${JSON.stringify(r.facts)}\n`);
        for (const a of r.assessments) io.stdout(`${a.id}: ${a.status}${a.unknown.length ? ` (unconfirmed: ${a.unknown.map((x) => x.en).join('; ')})` : ''}\n`);
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
