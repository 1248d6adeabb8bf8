import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/config.js';
import { csvOf, csvOfNdjson } from '../../src/cli/csv.js';
import { progressReporter } from '../../src/cli/progress.js';
import { table } from '../../src/cli/table.js';
import { createLogger } from '../../src/log.js';

describe('tables (cli-table3)', () => {
  it('fit any id: every column starts at the same place on every line, Kazakh letters counted once', () => {
    const text = table(
      ['application', 'district', 'n'],
      [
        ['APP-1', 'ALA-MED', 1],
        ['APP-A-VERY-LONG-IDENTIFIER-FROM-A-PORTAL-000001', 'Қазақ-ауданы', 12345],
      ],
      ['left', 'left', 'right'],
    );
    const lines = text.split('\n');
    const districtAt = lines[0]!.indexOf('district');
    expect(lines[2]!.indexOf('ALA-MED')).toBe(districtAt);
    expect(lines[3]!.indexOf('Қазақ-ауданы')).toBe(districtAt);
    // Right-aligned numbers end in the same column; no line has trailing spaces.
    expect(lines[2]!.length).toBe(lines[3]!.length);
    expect(lines[3]!.endsWith('12,345')).toBe(true);
    for (const l of lines) expect(l).toBe(l.trimEnd());
    // Not a terminal: no colour codes.
    expect(text).not.toContain('\u001b[');
  });
});

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR set', () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });
});

describe('CSV for spreadsheets', () => {
  it('UTF-8 with a BOM, CRLF, fields quoted when they must be, lists joined with ;, null empty, snake_case headers', () => {
    expect(csvOf(['application', 'restoreBy', 'rights', 'subject'], [{ application: 'A1', restoreBy: null, rights: ['orphan', 'teacher'], subject: 'Сұрақ, "шұғыл"\nекінші жол' }])).toBe(
      '\ufeffapplication,restore_by,rights,subject\r\nA1,,orphan;teacher,"Сұрақ, ""шұғыл""\nекінші жол"\r\n',
    );
    expect(csvOfNdjson('', ['a', 'b'])).toBe('\ufeffa,b\r\n');
    expect(csvOfNdjson('{"x":1,"y":true}\n')).toBe('\ufeffx,y\r\n1,true\r\n');
  });
});

describe('the logger', () => {
  it("keeps its own name, and still censors IINs and names in the data (a top-level name too)", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const log = createLogger({ level: 'info', destination });
    log.info({ name: 'Айару Сапарова', child: { iin: '220315600123' }, application: { name: 'Гүлнар', iin: '900101400456' }, district: 'ALA-MED' }, 'hello');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.name).toBe('kezek');
    expect(lines[0]).not.toMatch(/Айару|Гүлнар|220315600123|900101400456/);
    expect(line).toMatchObject({ district: 'ALA-MED', dataName: '[redacted]', application: { name: '[redacted]', iin: '[redacted]' } });
  });
});

/** A screen line as a terminal shows it after carriage returns, cursor moves and line clears. */
function screen(out: string): string[] {
  const rows: string[] = [''];
  let col = 0;
  const put = (s: string) => {
    const row = rows[rows.length - 1]!;
    rows[rows.length - 1] = row.slice(0, col).padEnd(col, ' ') + s + row.slice(col + s.length);
    col += s.length;
  };
  for (let i = 0; i < out.length; ) {
    const esc = /^\u001b\[(\??)(\d*)([A-Za-z])/.exec(out.slice(i));
    if (esc) {
      const [all, q, n, op] = esc;
      if (!q && op === 'G') col = Math.max(0, Number(n || 1) - 1);
      if (!q && op === 'K') rows[rows.length - 1] = n === '2' ? '' : rows[rows.length - 1]!.slice(0, col);
      i += all.length;
      continue;
    }
    const c = out[i++]!;
    if (c === '\r') col = 0;
    else if (c === '\n') {
      rows.push('');
      col = 0;
    } else put(c);
  }
  return rows;
}

describe('the progress bar (cli-progress)', () => {
  const fakeTerminal = () => {
    let out = '';
    const stream = Object.assign(new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString()), done()) }), { isTTY: true, columns: 100 });
    return { stream: stream as unknown as NodeJS.WriteStream, text: () => out };
  };
  const log = createLogger({ level: 'silent' });

  it('redraws in place leaving no old characters ("leftt"), and clears its line at the end', async () => {
    const t = fakeTerminal();
    const p = progressReporter(t.stream, log);
    p.update({ districtsDone: 1, districtsTotal: 80, applications: 5000, elapsedMs: 1000 }); // about 79 s left: "2 min left"
    // It redraws at 10 frames a second.
    await new Promise((r) => setTimeout(r, 250));
    p.update({ districtsDone: 79, districtsTotal: 80, applications: 400000, elapsedMs: 79000 });
    await new Promise((r) => setTimeout(r, 250));
    const during = screen(t.text()).filter((l) => l.trim());
    expect(during[during.length - 1]).toMatch(/79\/80 districts {2}5,063 applications\/s {2}about 1 s left$/);
    p.end();
    expect(screen(t.text()).every((l) => !/district|left/.test(l))).toBe(true);
  });

  it('draws nothing where stderr is not a terminal (cron, a pipe)', () => {
    const t = fakeTerminal();
    Object.assign(t.stream, { isTTY: false });
    const p = progressReporter(t.stream, log);
    p.update({ districtsDone: 1, districtsTotal: 2, applications: 10, elapsedMs: 10 });
    p.end();
    expect(t.text()).toBe('');
  });
});
