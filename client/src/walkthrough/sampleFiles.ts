// The sample workspace (repository folder sample/), bundled into the extension so the walkthrough can
// write it wherever the learner wants it. A unit test checks this list against the folder.
import readme from '../../../sample/README.md' with { type: 'text' };
import dockerignore from '../../../sample/.dockerignore' with { type: 'text' };
import dockerfile from '../../../sample/Dockerfile' with { type: 'text' };
import helloC from '../../../sample/hello.c' with { type: 'text' };
import firstDockerfile from '../../../sample/first-container/Dockerfile' with { type: 'text' };
import firstIndex from '../../../sample/first-container/index.html' with { type: 'text' };
import pyDockerignore from '../../../sample/python-app/.dockerignore' with { type: 'text' };
import pyDockerfile from '../../../sample/python-app/Dockerfile' with { type: 'text' };
import pyApp from '../../../sample/python-app/app.py' with { type: 'text' };
import pyRequirements from '../../../sample/python-app/requirements.txt' with { type: 'text' };

/** Relative path (posix) → file content. */
export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  'README.md': readme,
  '.dockerignore': dockerignore,
  'Dockerfile': dockerfile,
  'hello.c': helloC,
  'first-container/Dockerfile': firstDockerfile,
  'first-container/index.html': firstIndex,
  'python-app/.dockerignore': pyDockerignore,
  'python-app/Dockerfile': pyDockerfile,
  'python-app/app.py': pyApp,
  'python-app/requirements.txt': pyRequirements,
};

/** A file only our sample has: how openSample recognises a folder that already holds it. */
export const SAMPLE_MARKER = 'first-container/Dockerfile';
