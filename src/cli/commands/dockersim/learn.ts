import { pickLang } from '../../../learn/lessons/i18n.js';
import { loadLessons } from '../../../learn/lessons/load.js';
import { LessonFormatError } from '../../../learn/lessons/parse.js';
import { LearnSession, type Reply } from '../../../learn/lessons/session.js';
import type { ParsedCommand } from '../../argv.js';
import type { CommandContext } from '../../context.js';
import { CliError } from '../../errors.js';
import { atLeast, type CommandSpec } from '../../spec.js';

export const spec: CommandSpec = {
  path: 'learn',
  usage: '[list | start N [STEP] | check [ANSWER] | hint | reset]',
  description: 'Lessons that check your work: learn list, start N, check, hint, reset',
  args: atLeast(0),
  stopAtFirstArg: true,
  flags: [],
  extraHelp:
    'Lessons walk you through Docker one step at a time. Each step says what to do; `learn check`\n' +
    'then looks at the engine (your containers, images, builds) to see whether it is done, and\n' +
    'moves on. Steps that ask a question take your answer: `dockersim learn check 2233`.\n\n' +
    '  learn               the current step, or the list of lessons\n' +
    '  learn list          every lesson, with the ones done marked\n' +
    '  learn start N       start lesson N (its number or folder name) from its first step\n' +
    '  learn start N STEP  ... or from step STEP (for lesson authors)\n' +
    '  learn check         check the current step\n' +
    '  learn hint          a hint for the current step\n' +
    '  learn reset         forget lesson progress (containers and images stay)\n\n' +
    'Texts are in Korean when DOCKERSIM_LANG=ko or LANG starts with ko, otherwise in English.\n',
};

const USAGE = (msg: string) =>
  new CliError(
    `${msg}\n\nUsage:  docker learn ${spec.usage}\n\nRun 'docker learn --help' for more information`,
    1,
  );

export async function run(ctx: CommandContext, parsed: ParsedCommand): Promise<number> {
  const [sub, ...rest] = parsed.args;
  let lessons: ReturnType<typeof loadLessons>;
  try {
    lessons = loadLessons();
  } catch (err) {
    if (!(err instanceof LessonFormatError)) throw err;
    ctx.stderr.write(`dockersim: lesson file: ${err.message}\n`);
    return 1;
  }
  const session = new LearnSession(await ctx.engine(), lessons, pickLang(ctx.env));
  const reply = await dispatch(session, sub, rest);
  ctx.stdout.write(reply.out);
  return reply.code;
}

async function dispatch(session: LearnSession, sub: string | undefined, rest: string[]): Promise<Reply> {
  switch (sub) {
    case undefined:
      return session.overview();
    case 'list':
    case 'ls':
      return session.list();
    case 'start':
      if (rest.length < 1 || rest.length > 2) throw USAGE('"learn start" requires a lesson: N or N STEP.');
      return session.start(rest[0]!, rest[1]);
    case 'check':
      return session.check(rest.length ? rest.join(' ') : undefined);
    case 'hint':
      return session.hint();
    case 'reset':
      return session.reset();
    default:
      throw USAGE(`unknown learn command: "${sub}"`);
  }
}
