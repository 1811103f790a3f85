import { registerProgram } from '../registry.js';
import { apkProgram } from './apk/apk.js';
import { aptGetProgram, aptProgram } from './apt/apt-get.js';
import { aptCacheProgram, dpkgProgram } from './apt/query.js';
import { npmProgram } from './npm/npm.js';
import { yarnProgram } from './npm/yarn.js';
import { pipProgram } from './pip/pip.js';

/**
 * The package managers learners type in containers and Dockerfiles: apk (Alpine), apt-get, apt,
 * apt-cache and dpkg (Debian, Ubuntu), pip and npm. Each works from the offline indexes in
 * fixtures/packages/ and writes what it installs into the container's file system. Call after the
 * services: these replace the version-only `npm` and `pip` stand-ins (also under the versioned
 * names the images' executables carry).
 */
export function registerPackagePrograms(): void {
  registerProgram(apkProgram, 'apk@2.14.4', 'apk@2.14.0');
  registerProgram(aptGetProgram, 'apt:apt-get');
  registerProgram(aptProgram, 'apt:apt');
  registerProgram(aptCacheProgram, 'apt:apt-cache');
  registerProgram(dpkgProgram, 'dpkg:dpkg', 'dpkg:dpkg-query', 'dpkg-query');
  registerProgram(
    pipProgram,
    'pip3',
    'pip@24.0',
    'pip@23.0.1',
    'pip@22.0.2',
    'pip@24.1.2',
    'python3-pip:pip3.11',
  );
  registerProgram(npmProgram, 'npm@10.7.0', 'npm@10.8.0', 'npm@10.8.2');
  registerProgram(yarnProgram, 'yarn@1.22.22');
}
