/** Data for template tests: structs shaped like docker's formatter contexts and inspect data. */
import { RowContext } from '../../../src/format/context.js';
import { GO_TYPE, withSignature } from '../../../src/format/template/index.js';

/** A row context like docker's *formatter.ContainerContext. */
export class TestContainerContext extends RowContext {
  constructor() {
    super('*formatter.ContainerContext');
  }
  get ID(): string {
    return '038ccd135921';
  }
  get Names(): string {
    return 'web';
  }
  get Ports(): string {
    return '0.0.0.0:8080->80/tcp';
  }
  get Platform(): null {
    return null;
  }
  get Mounts(): string[] {
    return ['/data', '/logs'];
  }
  get Fail(): string {
    throw new Error('boom');
  }
  Label(name: string): string {
    return name === 'com.example.app' ? 'nginx' : '';
  }
}
withSignature({ params: ['string'] }, TestContainerContext.prototype.Label);

/** A row context whose every placeholder works, for `{{json .}}`. */
export class TestRowContext extends RowContext {
  constructor() {
    super('*formatter.ContainerContext');
  }
  get ID(): string {
    return '038ccd135921';
  }
  get Command(): string {
    return `"nginx -g 'daemon off;'"`;
  }
  get Ports(): string {
    return '0.0.0.0:8080->80/tcp';
  }
  get Platform(): null {
    return null;
  }
  get Mounts(): string[] {
    return ['/data', '/logs'];
  }
  Label(name: string): string {
    return name;
  }
}

const endpoint = {
  [GO_TYPE]: 'context.EndpointMetaBase',
  Host: 'unix:///var/run/docker.sock',
  SkipTLSVerify: false,
};

/** What `docker context inspect default` executes its template against (enough of it). */
export const dockerContext = {
  [GO_TYPE]: 'context.contextWithTLSListing',
  Name: 'default',
  Endpoints: { docker: endpoint },
  Storage: { [GO_TYPE]: 'store.StorageInfo', MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
};

export const FIXTURES: Record<string, () => unknown> = {
  ctx: () => new TestContainerContext(),
  row: () => new TestRowContext(),
  thing: () => ({ [GO_TYPE]: 'types.Thing', Name: 'x', Count: 3, secret: 'hidden' }),
  docker: () => dockerContext,
};
