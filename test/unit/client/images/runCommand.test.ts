import * as assert from 'node:assert';
import { dockerCommand } from '../../../../client/src/cli/shellQuote';
import {
  containerNameProblem, envProblem, parsePort, portsProblem, runCliArgs, runCreateOptions, splitPorts, splitWords, suggestedPorts,
} from '../../../../client/src/images/model/runCommand';

describe('images/runCommand', () => {
  it('builds the course’s command: docker container run -d --publish 80:80 --name webhost nginx', () => {
    const spec = { image: 'nginx', name: 'webhost', ports: ['80:80'], env: [], mode: 'detached' as const };
    assert.strictEqual(dockerCommand(...runCliArgs(spec)), 'docker container run -d --publish 80:80 --name webhost nginx');
  });

  it('quotes what the shell would split, interactive mode uses -it', () => {
    const spec = { image: 'busybox:1', ports: [], env: ['GREETING=hello world'], mode: 'interactive' as const, command: ['sh'], labels: { 'x.y': 'z' } };
    assert.strictEqual(dockerCommand(...runCliArgs(spec)), "docker container run -it --env 'GREETING=hello world' --label x.y=z busybox:1 sh");
  });

  it('gives the engine the same spec', () => {
    const o = runCreateOptions({ image: 'nginx', name: 'web', ports: ['8080:80', '127.0.0.1:5353:53/udp', '9000', '7000-7001:8000-8001'], env: ['A=1'], mode: 'detached' });
    assert.strictEqual(o.Image, 'nginx');
    assert.strictEqual(o.name, 'web');
    assert.deepStrictEqual(o.Env, ['A=1']);
    assert.strictEqual(o.Tty, false);
    assert.deepStrictEqual(o.HostConfig.PortBindings, {
      '80/tcp': [{ HostIp: '', HostPort: '8080' }],
      '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }],
      '9000/tcp': [{ HostIp: '', HostPort: '' }],
      '8000/tcp': [{ HostIp: '', HostPort: '7000' }],
      '8001/tcp': [{ HostIp: '', HostPort: '7001' }],
    });
    assert.deepStrictEqual(Object.keys(o.ExposedPorts).sort(), ['53/udp', '80/tcp', '8000/tcp', '8001/tcp', '9000/tcp']);
    const it = runCreateOptions({ image: 'busybox', ports: [], env: [], mode: 'interactive' });
    assert.ok(it.Tty && it.OpenStdin && it.AttachStdin);
    assert.strictEqual(it.name, undefined);
  });

  it('checks ports, env and names before anything runs', () => {
    assert.deepStrictEqual(parsePort('80:80'), { hostIp: undefined, hostPort: '80', containerPort: '80', protocol: 'tcp' });
    assert.deepStrictEqual(parsePort('[::1]:8080:80'), { hostIp: '::1', hostPort: '8080', containerPort: '80', protocol: 'tcp' });
    assert.match(String(parsePort('80:70000')), /between 1 and 65535/);
    assert.match(String(parsePort('http:80')), /not a port mapping/);
    assert.match(String(parsePort('80/icmp')), /tcp, udp or sctp/);
    assert.match(String(parsePort('1-3:1-2')), /same length/);
    assert.match(String(parsePort('localhost:80:80')), /not an IP address/);
    assert.strictEqual(portsProblem('80:80, 443:443'), undefined);
    assert.match(portsProblem('80:80 oops') ?? '', /oops/);
    assert.deepStrictEqual(splitPorts(' 80:80,443:443  8080:80 '), ['80:80', '443:443', '8080:80']);
    assert.strictEqual(envProblem('A=1 B="two words"'), undefined);
    assert.match(envProblem('A=1 B') ?? '', /"B" is not KEY=value/);
    assert.match(envProblem('=x') ?? '', /not KEY=value/);
    assert.strictEqual(containerNameProblem(''), undefined);
    assert.strictEqual(containerNameProblem('webhost'), undefined);
    assert.match(containerNameProblem('x') ?? '', /at least 2/);
    assert.match(containerNameProblem('-web') ?? '', /starting with a letter or digit/);
    assert.match(containerNameProblem('my web') ?? '', /letters, digits/);
  });

  it('splits words with quotes, suggests ports from EXPOSE', () => {
    assert.deepStrictEqual(splitWords(`A=1 B="x y" C='z' D=""`), ['A=1', 'B=x y', 'C=z', 'D=']);
    assert.strictEqual(suggestedPorts({ '80/tcp': {}, '53/udp': {} }), '80:80 53:53/udp');
    assert.strictEqual(suggestedPorts(undefined), '');
  });
});
