// The table of what each input accepts and refuses, before any engine call.
import * as assert from 'node:assert';
import {
  buildArgsProblem, containerNameProblem, envEntriesProblem, imageRefProblem, portListProblem, portsProblem,
} from '../../../../client/src/images/model/inputRules';
import { parseRepoTag } from '../../../../client/src/containers/model/validate';

type Check = (v: never) => string | undefined;
const table: Array<{ what: string; check: Check; accepted: unknown[]; refused: unknown[] }> = [
  {
    what: 'image reference (tag target)', check: ((v: string) => imageRefProblem(v)) as Check,
    accepted: ['nginx', 'nginx:1.25', 'account/app:v1', 'localhost:5000/app:v1', 'registry.example.com/team/app', 'a__b/c-d.e:V_1.0'],
    refused: ['', 'Nginx', 'Account/app', 'nginx:', 'nginx:-x', 'app name', 'nginx@sha256:' + 'a'.repeat(64), 'a//b', 'app;rm -rf /', '$(id)', 'a'.repeat(256)],
  },
  {
    what: 'image reference with digest (pull)', check: ((v: string) => imageRefProblem(v, undefined, { allowDigest: true })) as Check,
    accepted: ['nginx@sha256:' + 'a'.repeat(64), 'nginx:1@sha256:' + 'b'.repeat(64)],
    refused: ['nginx@sha256:xyz', 'nginx@'],
  },
  {
    what: 'container name (run, optional)', check: ((v: string) => containerNameProblem(v)) as Check,
    accepted: ['', 'web', 'web_1', 'Web.2-a', '00'],
    refused: ['a', '-web', '_web', 'my web', 'web;ls', '$(id)', 'web`x`', 'wéb', 'a/b'],
  },
  {
    what: 'port mappings', check: ((v: string) => portsProblem(v)) as Check,
    accepted: ['', '80', '80:80', '8080:80, 443:443', '127.0.0.1:8080:80/tcp', '53:53/udp', '7000-7001:8000-8001', '[::1]:80:80', '8000-8010:80', '127.0.0.1::80'],
    refused: ['80:', 'abc', '0:80', '80:70000', '80/icmp', '1:2:3:4', '7000-7002:8000-8001', '999.x.1.1:80:80', '9-8:9-8', '$(id):80'],
  },
  {
    what: 'port mappings passed as a list', check: ((v: unknown) => portListProblem(v)) as Check,
    accepted: [undefined, [], ['80:80', '127.0.0.1:8080:80/tcp'], '80:80 443:443'],
    refused: [['80:80 443:443'], [80], 'x', {}, ['80:80', null]],
  },
  {
    what: 'env KEY=value', check: ((v: unknown) => envEntriesProblem(v)) as Check,
    accepted: [undefined, '', 'A=1', 'A=1 B="two words"', 'EMPTY=', ['A=1', 'B=two words', 'C=x=y']],
    refused: ['A', '=1', ['A'], ['=x'], [1], 'A=1 B', { A: '1' }],
  },
  {
    what: 'build args', check: ((v: unknown) => buildArgsProblem(v)) as Check,
    accepted: [undefined, {}, { VERSION: '1' }, { A: '', B: 'two words' }],
    refused: [null, [], 'A=1', { 'A B': '1' }, { 'A=B': '1' }, { '': 'x' }, { A: 1 }],
  },
  {
    what: 'commit repository:tag', check: ((v: string) => { const r = parseRepoTag(v); return 'problem' in r ? r.problem : undefined; }) as Check,
    accepted: ['web', 'myname/web:v1', 'localhost:5000/web', 'Registry.Example.com/web:1'],
    refused: ['', 'Web', 'web@sha256:' + 'a'.repeat(64), 'web:', 'my web', 'web;id'],
  },
];

describe('images/inputRules: refused before any call', () => {
  for (const row of table) {
    it(`${row.what}: accepts and refuses as documented`, () => {
      for (const v of row.accepted) { assert.strictEqual(row.check(v as never), undefined, `${row.what} should accept ${JSON.stringify(v)}`); }
      for (const v of row.refused) {
        const problem = row.check(v as never);
        assert.ok(problem, `${row.what} should refuse ${JSON.stringify(v)}`);
      }
    });
  }

  it('says what is accepted, not only that it is wrong', () => {
    assert.match(portsProblem('80:')!, /HOST:CONTAINER/);
    assert.match(containerNameProblem('a')!, /letters, digits/);
    assert.match(buildArgsProblem({ 'A B': '1' })!, /no spaces/);
    assert.match(envEntriesProblem(['A'])!, /KEY=value/);
  });
});
