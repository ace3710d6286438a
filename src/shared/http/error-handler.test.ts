import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnavailable } from './error-handler.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

test('a database or disk that is away is "unavailable" (503), a wrong request or a bug is not', () => {
  const away = [
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    new AggregateError([withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')], ''),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is shutting down', '57P03'),
    withCode('connection failure', '08006'),
    withCode('sorry, too many clients already', '53300'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    withCode('database or disk is full', 'SQLITE_FULL'),
    withCode('disk I/O error', 'SQLITE_IOERR_WRITE'),
    withCode('cannot rollback - no transaction is active', 'SQLITE_ERROR'),
    withCode('ENOSPC: no space left on device, write', 'ENOSPC'),
    new Error('export failed', { cause: withCode('no space left on device', 'ENOSPC') }),
  ];
  for (const error of away) assert.equal(isUnavailable(error), true, error.message);
  const notAway = [
    new Error('boom'),
    new TypeError("Cannot read properties of undefined (reading 'id')"),
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('invalid input syntax for type uuid', '22P02'),
    withCode('UNIQUE constraint failed: users.username', 'SQLITE_CONSTRAINT_UNIQUE'),
    withCode('Body is too large', 'FST_ERR_CTP_BODY_TOO_LARGE'),
    withCode('ENOENT: no such file or directory', 'ENOENT'),
  ];
  for (const error of notAway) assert.equal(isUnavailable(error), false, error.message);
});
