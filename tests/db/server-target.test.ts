import { describe, expect, it } from 'vitest';
import { connectionError, parseDatabaseUrl, serverAddress, withoutSecret } from '../../src/db/server-target.js';
import { DatabaseOpenError, UsageError } from '../../src/errors.js';

const target = parseDatabaseUrl('postgres://ana:p%40ss%2Fword@db.example.kz:6432/queue');

describe('DATABASE_URL', () => {
  it('names host, port, database and user; defaults as libpq does', () => {
    expect(target).toEqual({ host: 'db.example.kz', port: 6432, database: 'queue', user: 'ana', password: 'p@ss/word' });
    expect(parseDatabaseUrl('postgresql://ana@[::1]/x')).toMatchObject({ host: '::1', port: 5432, database: 'x' });
    expect(parseDatabaseUrl('postgres://ana@h')).toMatchObject({ host: 'h', database: 'ana' });
    expect(parseDatabaseUrl('postgres:///queue?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', database: 'queue' });
    expect(serverAddress({ host: '::1', port: 5432 })).toBe('[::1]:5432');
  });

  it('refuses a value that is not a URL or not a postgres one, as bad usage, without showing it', () => {
    for (const bad of ['not a url secret', 'db.example.kz:5432', 'mysql://a:secret@h/d', 'http://a:secret@h/d']) {
      const e = (() => {
        try {
          parseDatabaseUrl(bad);
        } catch (err) {
          return err;
        }
        return undefined;
      })();
      expect(e, bad).toBeInstanceOf(UsageError);
      expect((e as UsageError).exitCode).toBe(2);
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('says what failed for each kind of connection error, never the password', () => {
    const cases: [object, string, RegExp][] = [
      [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:6432' }, 'connection_refused', /^cannot connect to the PostgreSQL server at db\.example\.kz:6432 \(DATABASE_URL\): connection refused/],
      [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db.example.kz' }, 'host_not_found', /^the host name db\.example\.kz in DATABASE_URL does not resolve \(ENOTFOUND\)$/],
      [{ code: 'ETIMEDOUT', message: 'connect ETIMEDOUT' }, 'unreachable', /^cannot reach the PostgreSQL server at db\.example\.kz:6432/],
      [new Error('timeout expired'), 'unreachable', /did not answer in time/],
      [{ code: '3D000', message: 'database "queue" does not exist' }, 'database_missing', /^the database "queue" does not exist on the PostgreSQL server at db\.example\.kz:6432/],
      [{ code: '28P01', message: 'password authentication failed for user "ana"' }, 'authentication_failed', /refused user "ana": password authentication failed/],
      [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'authentication_failed', /wants a password for user "ana" and DATABASE_URL gives none/],
      [new Error('Connection terminated unexpectedly'), 'server_error', /closed the connection at once/],
      [new Error('odd failure mentioning p@ss/word and p%40ss%2Fword'), 'server_error', /^cannot connect to .*: odd failure mentioning \*\*\* and \*\*\*$/],
    ];
    for (const [raw, reason, message] of cases) {
      const e = connectionError(raw, target) as DatabaseOpenError;
      expect(e, reason).toBeInstanceOf(DatabaseOpenError);
      expect(e.reason).toBe(reason);
      expect(e.code).toBe('DB_FAILED');
      expect(e.exitCode).toBe(1);
      expect(e.message).toMatch(message);
      expect(e.message).not.toContain('p@ss/word');
    }
  });

  it('masks the password as given and as encoded', () => {
    expect(withoutSecret('a p@ss/word b p%40ss%2Fword', 'p@ss/word')).toBe('a *** b ***');
    expect(withoutSecret('nothing here', '')).toBe('nothing here');
  });
});
