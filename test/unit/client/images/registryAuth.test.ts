import * as assert from 'node:assert';
import { credentialsFor, HUB_AUTH_KEY, loginArgs } from '../../../../client/src/engine/imagesRegistryAuth';

function inputs(config: object | undefined, helper?: (h: string, s: string) => Promise<string | undefined>) {
  return {
    env: { DOCKER_CONFIG: '/cfg' }, homedir: '/home/x',
    readFile: (f: string) => (f === '/cfg/config.json' && config ? JSON.stringify(config) : undefined),
    runHelper: helper,
  };
}

describe('engine/imagesRegistryAuth', () => {
  it('reads `docker login` credentials from auths (base64 user:password) for Docker Hub', async () => {
    const auth = Buffer.from('learner:s3cret:with-colon').toString('base64');
    assert.deepStrictEqual(await credentialsFor('docker.io', inputs({ auths: { [HUB_AUTH_KEY]: { auth } } })),
      { username: 'learner', password: 's3cret:with-colon', serveraddress: HUB_AUTH_KEY });
  });

  it('matches a private registry by host, and identity tokens', async () => {
    assert.deepStrictEqual(await credentialsFor('localhost:5000', inputs({ auths: { 'http://localhost:5000/v2/': { identitytoken: 'tok' } } })),
      { identitytoken: 'tok', serveraddress: 'localhost:5000' });
  });

  it('asks the credential helper first (credHelpers, then credsStore)', async () => {
    const calls: string[] = [];
    const helper = async (h: string, s: string) => { calls.push(`${h} ${s}`); return JSON.stringify({ ServerURL: s, Username: 'u', Secret: 'p' }); };
    assert.deepStrictEqual(await credentialsFor('ghcr.io', inputs({ credHelpers: { 'ghcr.io': 'gh' }, credsStore: 'desktop' }, helper)), { username: 'u', password: 'p', serveraddress: 'ghcr.io' });
    assert.deepStrictEqual(await credentialsFor('docker.io', inputs({ credsStore: 'desktop' }, helper)), { username: 'u', password: 'p', serveraddress: HUB_AUTH_KEY });
    assert.deepStrictEqual(calls, ['gh ghcr.io', `desktop ${HUB_AUTH_KEY}`]);
    const token = async () => JSON.stringify({ Username: '<token>', Secret: 'refresh' });
    assert.deepStrictEqual(await credentialsFor('docker.io', inputs({ credsStore: 'desktop' }, token)), { identitytoken: 'refresh', serveraddress: HUB_AUTH_KEY });
  });

  it('has nothing when never logged in, and says how to log in', async () => {
    assert.strictEqual(await credentialsFor('docker.io', inputs(undefined)), undefined);
    assert.strictEqual(await credentialsFor('docker.io', inputs({ auths: {} })), undefined);
    assert.strictEqual(await credentialsFor('docker.io', inputs({ credsStore: 'none' }, async () => undefined)), undefined);
    assert.deepStrictEqual(loginArgs('docker.io'), ['login']);
    assert.deepStrictEqual(loginArgs('localhost:5000'), ['login', 'localhost:5000']);
  });
});
