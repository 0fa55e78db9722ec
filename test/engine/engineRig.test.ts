// The engine rig itself, and our engine boundary against a real dockerd.
import * as assert from 'node:assert';
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';
import { cleanupTestObjects, createTestContainer, ensureTestImage, testDocker, TEST_IMAGE, TEST_LABEL, TEST_RUN, uniqueName } from '../support/engineRig';

describe('engine rig (real Docker engine)', () => {
  const docker = testDocker();
  after(() => cleanupTestObjects(docker));

  it('imports an offline busybox image, labelled, that runs commands', async () => {
    const id = await ensureTestImage(docker);
    const info = await docker.getImage(TEST_IMAGE).inspect();
    assert.strictEqual(info.Id, id);
    assert.strictEqual(info.Config.Labels?.[TEST_LABEL], 'true');
    const container = await createTestContainer(docker, { cmd: ['sh', '-c', 'echo hello from busybox'] });
    await container.start();
    const result = await container.wait();
    assert.strictEqual(result.StatusCode, 0);
    const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    assert.match(logs.toString('latin1'), /hello from busybox/);
  });

  it('lists a container created by another client through the DockerEngine boundary', async () => {
    const name = uniqueName('list');
    await createTestContainer(docker, { name });
    const engine = new DockerEngine(resolveEndpoint({ env: process.env, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
    const list = await engine.listContainers(true);
    const mine = list.find((c) => c.name === name);
    assert.ok(mine, `${name} is listed`);
    assert.strictEqual(mine.state, 'created');
    assert.strictEqual(mine.image, TEST_IMAGE);
  });

  it('removes exactly what it labelled', async () => {
    const name = uniqueName('cleanup');
    await createTestContainer(docker, { name, start: true });
    await cleanupTestObjects(docker);
    const left = await docker.listContainers({ all: true, filters: { label: [`${TEST_LABEL}=${TEST_RUN}`] } });
    assert.deepStrictEqual(left, []);
  });
});
