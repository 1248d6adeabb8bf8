import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startKezek, type CliResult } from '../support/cli.js';
import { POSTGRES_URL } from '../support/databases.js';

/**
 * Every way DATABASE_URL can be wrong, through the real command line: one
 * line naming what failed, the right exit code (2 for a URL wrong in
 * itself, 1 for a server that cannot be used), never the password.
 */
const PASSWORD = 's3cret-Pass';
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

function listen(server: Server): Promise<number> {
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const s = createServer();
  const port = await new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port)));
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * Speaks just enough of PostgreSQL's protocol to ask for a password and
 * refuse it (SQLSTATE 28P01), as a server with password authentication does.
 */
async function refusingServer(): Promise<{ port: number; passwords: string[] }> {
  const passwords: string[] = [];
  const server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let started = false;
    let refused = false;
    socket.on('error', () => {});
    socket.on('data', (piece: Buffer) => {
      buffer = Buffer.concat([buffer, piece]);
      if (!started) {
        if (buffer.length < 4 || buffer.length < buffer.readInt32BE(0)) return;
        buffer = buffer.subarray(buffer.readInt32BE(0));
        started = true;
        const ask = Buffer.alloc(9);
        ask.write('R', 0);
        ask.writeInt32BE(8, 1);
        ask.writeInt32BE(3, 5); // AuthenticationCleartextPassword
        socket.write(ask);
      }
      if (!refused && buffer.length >= 5 && buffer[0] === 0x70 /* p */ && buffer.length >= 1 + buffer.readInt32BE(1)) {
        refused = true;
        passwords.push(buffer.subarray(5, buffer.readInt32BE(1)).toString('utf8').replace(/\0$/, ''));
        const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed for user "kezek"'].map((f) => Buffer.from(f + '\0'));
        const body = Buffer.concat([...fields, Buffer.from([0])]);
        const head = Buffer.alloc(5);
        head.write('E', 0);
        head.writeInt32BE(body.length + 4, 1);
        socket.end(Buffer.concat([head, body]));
      }
    });
  });
  return { port: await listen(server), passwords };
}

/** Run as a separate process without blocking this one: the fake servers below answer from here. */
function withUrl(url: string): Promise<CliResult> {
  return startKezek(['position', 'APP-NONE'], { DATABASE_URL: url, KEZEK_SCHEMA: 't_url_never_made' }).done;
}

function expectError(r: CliResult, code: number, message: string | RegExp): void {
  expect(r.code).toBe(code);
  const text = r.stderr.trim();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
}

/** The test server's URL with another user, password or database. */
function serverUrl(change: { user?: string; password?: string; database?: string }): string {
  const u = new URL(POSTGRES_URL);
  if (change.user) u.username = change.user;
  if (change.password) u.password = change.password;
  if (change.database) u.pathname = `/${change.database}`;
  return u.toString();
}
const server = new URL(POSTGRES_URL);
const serverAt = `${server.hostname}:${server.port || 5432}`;

describe('DATABASE_URL errors name what failed', () => {
  it('a value that is not a URL: bad usage (2), the value not shown', async () => {
    expectError(await withUrl(`not a url ${PASSWORD}`), 2, 'kezek: DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  });

  it('a URL of another database: bad usage (2)', async () => {
    expectError(
      await withUrl(`mysql://kezek:${PASSWORD}@localhost:3306/kezek`),
      2,
      'kezek: DATABASE_URL must be a postgres:// or postgresql:// URL, not mysql://…; expected postgres://user:password@host:5432/database',
    );
  });

  it('a host that refuses connections: database failure (1), with host and port', async () => {
    const port = await closedPort();
    expectError(
      await withUrl(`postgres://kezek:${PASSWORD}@127.0.0.1:${port}/kezek`),
      1,
      `kezek: cannot connect to the PostgreSQL server at 127.0.0.1:${port} (DATABASE_URL): connection refused (is PostgreSQL running and listening there?)`,
    );
  });

  it('a host name that does not resolve: database failure (1), naming the host', async () => {
    expectError(
      await withUrl(`postgresql://kezek:${PASSWORD}@kezek-no-such-host.invalid:5432/kezek`),
      1,
      /^kezek: the host name kezek-no-such-host\.invalid in DATABASE_URL does not resolve \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
  });

  it('a database that does not exist (3D000): database failure (1)', async () => {
    expectError(
      await withUrl(serverUrl({ password: PASSWORD, database: 'kezek_no_such_database' })),
      1,
      `kezek: the database "kezek_no_such_database" does not exist on the PostgreSQL server at ${serverAt} (DATABASE_URL)`,
    );
  });

  it('a user the server does not know (28000): authentication failure (1)', async () => {
    expectError(
      await withUrl(serverUrl({ user: 'kezek_no_such_role', password: PASSWORD })),
      1,
      `kezek: the PostgreSQL server at ${serverAt} (DATABASE_URL) refused user "kezek_no_such_role": role "kezek_no_such_role" does not exist`,
    );
  });

  it('a wrong password (28P01): authentication failure (1), the password sent but never printed', async () => {
    const { port, passwords } = await refusingServer();
    expectError(
      await withUrl(`postgres://kezek:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/kezek`),
      1,
      `kezek: the PostgreSQL server at 127.0.0.1:${port} (DATABASE_URL) refused user "kezek": password authentication failed for user "kezek"`,
    );
    expect(passwords).toEqual([PASSWORD]);
  });

  it('a server that is not PostgreSQL (closes at once): database failure (1)', async () => {
    const port = await listen(createServer((socket) => socket.destroy()));
    expectError(
      await withUrl(`postgres://kezek:${PASSWORD}@127.0.0.1:${port}/kezek`),
      1,
      `kezek: the PostgreSQL server at 127.0.0.1:${port} (DATABASE_URL) closed the connection at once (is it a PostgreSQL server that accepts this client?)`,
    );
  });
});
