import { Output } from './run.js';
import type { ProcessContext, Program, ProgramRun } from './types.js';

export type Applet = (ctx: ProcessContext) => ProgramRun | Promise<ProgramRun>;

/**
 * BusyBox: one binary, many tools. Which tool runs is decided by the name it was called by
 * (`/bin/ls` is a link to `/bin/busybox`), or by its first argument (`busybox ls`).
 */
export function busyboxProgram(version: string, applets: () => Record<string, Applet>): Program {
  return {
    name: 'busybox',
    async run(ctx) {
      let argv = ctx.argv;
      let applet = (argv[0] ?? '').split('/').pop() ?? '';
      if (applet === 'busybox') {
        argv = argv.slice(1);
        applet = argv[0] ?? '';
        if (!applet || applet === '--help') {
          return new Output()
            .out(
              `BusyBox v${version} (2024-06-10 08:59:51 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --show SCRIPT\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n`,
            )
            .exit(0);
        }
        if (applet === '--list')
          return new Output().out(`${Object.keys(applets()).sort().join('\n')}\n`).exit(0);
      }
      const impl = applets()[applet];
      if (!impl)
        return new Output().err(`${applet}: this BusyBox applet is not simulated by dockersim\n`).exit(126);
      return impl({ ...ctx, argv });
    },
  };
}
