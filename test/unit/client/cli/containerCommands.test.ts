import * as assert from 'node:assert';
import { containerCli } from '../../../../client/src/cli/containerCommands';

describe('containerCli (the command each Containers action teaches)', () => {
  it('matches the course', () => {
    assert.strictEqual(containerCli.stop(['web']), 'docker container stop web');
    assert.strictEqual(containerCli.forceRemove(['web']), 'docker container rm -f web');
    assert.strictEqual(containerCli.exec('web', 'sh'), 'docker container exec -it web sh');
    assert.strictEqual(containerCli.logs('web', { tail: 200 }), 'docker container logs -f --tail 200 web');
    assert.strictEqual(containerCli.top('web'), 'docker container top web');
    assert.strictEqual(containerCli.stopAll(), 'docker container stop $(docker container ps -aq)');
    assert.strictEqual(containerCli.commit('web', 'me/web:v1'), 'docker container commit web me/web:v1');
  });

  it('writes every option of logs', () => {
    assert.strictEqual(containerCli.logs('web', { follow: true, tail: 'all', timestamps: true, since: '10m' }), 'docker container logs -f -t --since 10m web');
    assert.strictEqual(containerCli.logs('web', { follow: false, tail: 5 }), 'docker container logs --tail 5 web');
  });

  it('quotes names (several at once, with spaces and shell characters)', () => {
    assert.strictEqual(containerCli.start(['a', "it's"]), "docker container start a 'it'\\''s'");
    assert.strictEqual(containerCli.rename('old', '$(x)'), "docker container rename old '$(x)'");
    assert.strictEqual(containerCli.stopAndRemove(['web', 'db']), 'docker container stop web db && docker container rm web db');
    assert.strictEqual(containerCli.copyId('web'), "docker container inspect --format '{{.Id}}' web");
  });
});
