// Every command we show or type into a terminal, built with hostile names, must be read back by a
// real sh as exactly the argv we meant: `docker` is swapped for printf so sh prints each word.
import * as assert from 'node:assert';
import * as cp from 'node:child_process';
import { containerCli } from '../../../../client/src/cli/containerCommands';
import { dockerCommand } from '../../../../client/src/cli/shellQuote';
import { loginArgs } from '../../../../client/src/engine/imagesRegistryAuth';
import { runCliArgs } from '../../../../client/src/images/model/runCommand';

const NASTY = ['my app', "it's", '$(touch /tmp/pwned)', 'a;b', '`id`', 'x"y', 'a&&b', 'tab\there', 'new\nline', '--force', '*', '~', '$HOME', 'a|b', '#c', '\\'];

/** The argv a real sh hands to `docker` for each `docker …` command in `shown` (joined by && / ;). */
function argvOf(shown: string): string[][] {
  const script = shown.replace(/(^|&& |; )docker /g, (_, sep: string) => `${sep}printf '%s\\0' docker-argv `);
  const out = cp.execFileSync('sh', ['-c', script]).toString('utf8');
  const words = out.split('\0').slice(0, -1);
  const commands: string[][] = [];
  for (const w of words) { if (w === 'docker-argv') { commands.push([]); } else { commands[commands.length - 1].push(w); } }
  return commands;
}

describe('shown commands: a real sh reads back exactly the intended argv', () => {
  for (const name of NASTY) {
    it(`container commands with ${JSON.stringify(name)}`, () => {
      const cases: Array<[string, string[][]]> = [
        [containerCli.start([name, 'web']), [['container', 'start', name, 'web']]],
        [containerCli.stop([name]), [['container', 'stop', name]]],
        [containerCli.restart([name]), [['container', 'restart', name]]],
        [containerCli.pause([name]), [['container', 'pause', name]]],
        [containerCli.unpause([name]), [['container', 'unpause', name]]],
        [containerCli.kill([name]), [['container', 'kill', name]]],
        [containerCli.remove([name]), [['container', 'rm', name]]],
        [containerCli.forceRemove([name]), [['container', 'rm', '-f', name]]],
        [containerCli.stopAndRemove([name, 'b']), [['container', 'stop', name, 'b'], ['container', 'rm', name, 'b']]],
        [containerCli.logs(name, { follow: true, tail: 50, timestamps: true, since: name }), [['container', 'logs', '-f', '--tail', '50', '-t', '--since', name, name]]],
        [containerCli.exec(name, name), [['container', 'exec', '-it', name, name]]],
        [containerCli.top(name), [['container', 'top', name]]],
        [containerCli.inspect(name), [['container', 'inspect', name]]],
        [containerCli.rename(name, name), [['container', 'rename', name, name]]],
        [containerCli.commit(name, name), [['container', 'commit', name, name]]],
        [containerCli.port(name), [['container', 'port', name]]],
        [containerCli.copyId(name), [['container', 'inspect', '--format', '{{.Id}}', name]]],
        [containerCli.copyName(name), [['container', 'inspect', '--format', '{{.Name}}', name]]],
      ];
      for (const [shown, argv] of cases) { assert.deepStrictEqual(argvOf(shown), argv, shown); }
    });

    it(`run, tag, pull, push, login, save and load with ${JSON.stringify(name)}`, () => {
      const spec = { image: name, name, ports: ['8080:80'], env: [`GREETING=${name}`], mode: 'detached' as const, command: [name, 'x'], labels: { [name]: name } };
      assert.deepStrictEqual(argvOf(dockerCommand(...runCliArgs(spec))), [[
        'container', 'run', '-d', '--publish', '8080:80', '--name', name, '--env', `GREETING=${name}`, '--label', `${name}=${name}`, name, name, 'x',
      ]]);
      for (const argv of [['image', 'tag', name, name], ['image', 'pull', name], ['image', 'push', name], ['image', 'save', '-o', name, name], ['image', 'load', '-i', name],
        ['image', 'build', '-t', name, '--build-arg', `${name}=${name}`, '-f', name, name], loginArgs(`${name}.example.com`)]) {
        assert.deepStrictEqual(argvOf(dockerCommand(...argv)), [argv]);
      }
    });
  }

  it('keeps the deliberate $(…) of "stop all" as shell syntax', () => {
    assert.strictEqual(containerCli.stopAll(), 'docker container stop $(docker container ps -aq)');
  });
});
