// Shared by the container engine tests.
import { DockerEngine } from '../../client/src/engine/dockerEngine';
import { resolveEndpoint } from '../../client/src/engine/endpoint';

/** The DockerEngine under test, on the engine the rig uses (DOCKER_HOST or the default socket). */
export function engineUnderTest(): DockerEngine {
  return new DockerEngine(resolveEndpoint({ env: process.env, homedir: '/nonexistent', platform: process.platform, readFile: () => undefined }));
}
