import type { CacheReason, CgroupWrite } from '../../api/explain.js';
import { binary, firstOf, hostAddress, type Messages, pidList, short } from './messages.js';
import type { Style } from './style.js';

const ns = (list: { type: string; inode: number }[], s: Style) =>
  list.map((n) => `${n.type} ${s.num(n.inode)}`).join(', ');

const write = (w: CgroupWrite, s: Style) => {
  const human = /^\d+$/.test(w.value) && w.file.startsWith('memory.') ? ` (${binary(Number(w.value))})` : '';
  return `${w.file} = ${s.num(w.value)}${human}${w.flag ? `  ${s.dim(`(${w.flag} 옵션)`)}` : ''}`;
};

const reasons: Record<CacheReason, string> = {
  'same-instruction': '같은 부모 이미지 위에서 같은 명령을 실행한 결과가 캐시에 있습니다',
  'same-files': '같은 부모 이미지 위의 같은 명령이고, 복사할 파일의 체크섬도 그대로입니다',
  'no-cache': '--no-cache 옵션으로 캐시를 쓰지 않았습니다',
  'parent-rebuilt': '앞 단계가 다시 빌드되어 부모 이미지가 새것이므로, 그 위에 캐시된 결과가 없습니다',
  'files-changed': '복사할 파일이 바뀌어 체크섬이 캐시된 단계와 다릅니다',
  'new-step': '이 부모 이미지 위에서 이 명령을 빌드한 적이 없습니다',
};

/** 한국어 설명. */
export const ko: Messages = {
  title: '엔진이 내부에서 한 일 (--explain)',
  label: {
    layers: '레이어',
    mount: '마운트',
    rootfs: 'rootfs',
    network: '네트워크',
    namespaces: '네임스페이스',
    cgroup: 'cgroup',
    process: '프로세스',
    port: '포트',
    signal: '시그널',
    exit: '종료',
    removed: '삭제',
    exec: 'exec',
    pull: 'pull',
    'build-run': '빌드 RUN',
    'build-step': '빌드 캐시',
  },
  facts: {
    layers: (f, s) => [
      `컨테이너 ${s.path(short(f.container))}(${f.name}): 이미지 ${f.image}의 읽기 전용 레이어 ${s.num(f.imageLayers)}개 위에 쓰기 가능 레이어를 얹었습니다`,
      ...f.lowerDirs.map(
        (d, i) =>
          `lowerdir ${s.path(d)}${i === 0 ? s.dim('  (init 레이어: /etc/hostname, /etc/hosts, /etc/resolv.conf)') : ''}`,
      ),
      `upperdir ${s.path(f.upperDir)}${s.dim('  (쓰기 가능 레이어: 컨테이너에서 바꾼 내용은 모두 여기에 기록됩니다)')}`,
    ],
    mount: (f, s) => [
      f.type === 'volume'
        ? `${f.anonymous ? '익명 볼륨' : `볼륨 "${f.volume}"`}: ${f.created ? '새로 만들어' : '있던 것을 다시 써서'} ${s.path(f.destination)}에 마운트했습니다${f.readOnly ? ' (읽기 전용)' : ''} (${s.path(f.source)})`
        : f.type === 'bind'
          ? `호스트 폴더 ${s.path(f.source)} → ${s.path(f.destination)} 바인드 마운트${f.readOnly ? ' (읽기 전용)' : ''}`
          : `tmpfs(메모리)를 ${s.path(f.destination)}에 마운트했습니다`,
    ],
    rootfs: (f, s) => [
      `overlay를 ${s.path(f.mergedDir)}에 마운트했습니다 (lowerdir ${s.num(f.lowerCount)}개 + upperdir): 컨테이너의 루트 파일시스템(/)입니다`,
    ],
    network: (f, s) => [
      f.driver === 'host'
        ? '자기 네트워크 네임스페이스 없이 호스트의 네트워크를 그대로 씁니다'
        : f.driver === 'none'
          ? '루프백 인터페이스만 있는 자기 네트워크 네임스페이스를 받았습니다'
          : `"${f.network}" 네트워크에 엔드포인트를 붙였습니다: ${s.num(f.address)}, 게이트웨이 ${s.num(f.gateway)} (veth 쌍으로 컨테이너의 net 네임스페이스와 연결)`,
    ],
    namespaces: (f, s) => {
      const made = f.namespaces.filter((n) => n.created);
      const joined = f.namespaces.filter((n) => !n.created);
      return [
        made.length
          ? `새로 만든 네임스페이스 (호스트 PID ${s.num(f.hostPid)}): ${ns(made, s)}`
          : `호스트 PID ${s.num(f.hostPid)}: 자기 네임스페이스 없이 호스트의 것을 씁니다`,
        ...(joined.length ? [`호스트와 함께 쓰는 네임스페이스: ${ns(joined, s)}`] : []),
      ];
    },
    cgroup: (f, s) => [
      `컨트롤 그룹을 만들었습니다: ${s.path(f.path)}`,
      ...(f.written.length
        ? f.written.map((w) => write(w, s))
        : ['제한을 쓰지 않았습니다: memory.max, cpu.max, pids.max는 "max" 그대로입니다']),
    ],
    process: (f, s) => {
      if (f.role === 'shim')
        return [
          `${f.command} 시작: 호스트 PID ${s.num(f.hostPid)}, 호스트의 네임스페이스에서 컨테이너의 첫 프로세스를 자식으로 둡니다`,
        ];
      const where = f.onHost
        ? `호스트의 PID 네임스페이스에 있으므로 안에서도 PID ${s.num(f.nsPid)}`
        : `컨테이너 안에서는 PID ${s.num(f.nsPid)}`;
      if (f.role === 'execve')
        return [
          `execve로 프로그램 교체: ${f.previous} → ${f.command}, 같은 호스트 PID ${s.num(f.hostPid)} = ${where}`,
        ];
      return f.role === 'main'
        ? [`${f.command} 시작: 호스트 PID ${s.num(f.hostPid)} = ${where}`]
        : [
            `${f.command} 시작 (부모는 호스트 PID ${s.num(f.ppid)}): 호스트 PID ${s.num(f.hostPid)} = ${where}`,
          ];
    },
    port: (f, s) => [
      `${s.num(hostAddress(f.hostIp, f.hostPort))}/${f.proto} → ${s.num(`${f.containerIp}:${f.containerPort}`)}: 호스트의 docker-proxy(호스트 PID ${s.num(f.proxyPid)})가 받아서 컨테이너로 전달합니다`,
    ],
    signal: (f, s) => {
      const sent = `호스트 PID ${s.num(f.hostPid)}에 ${f.signal}(${f.number}) 보냄${f.afterTimeout !== undefined ? ` (제한 시간 ${f.afterTimeout}초가 지나서)` : ''}`;
      const outcome = {
        exits: '핸들러가 없어 기본 동작대로 종료됩니다',
        handled: '프로그램의 핸들러가 받아서 스스로 종료합니다',
        ignored: '무시됨: PID 1은 핸들러가 없는 시그널에 기본 동작이 없습니다',
        killed: '잡거나 무시할 수 없는 시그널이라 커널이 바로 프로세스를 끝냅니다',
      }[f.outcome];
      return [`${sent}: ${outcome}`];
    },
    exit: (f, s) => [
      f.execFailed
        ? `호스트 PID ${s.num(f.hostPid)}(컨테이너 안 PID 1)에서 프로그램을 실행하지 못했습니다 (${f.execFailed}): 종료 코드 ${s.num(f.code)}`
        : f.oomKilled
          ? `${s.bad('OOM 종료')}: 메모리 사용량이 memory.max(${s.num(f.memoryMax ?? 0)})를 넘어 커널이 호스트 PID ${s.num(f.hostPid)} 프로세스를 끝냈습니다 (종료 코드 ${s.num(f.code)})`
          : `호스트 PID ${s.num(f.hostPid)} 프로세스가 끝났습니다 (종료 코드 ${s.num(f.code)})`,
      `끝난 프로세스: ${pidList(f.ended, s)}; ${s.path(f.cgroup)} 삭제`,
      ...(f.restart
        ? [`재시작 정책 "${f.restart.policy}"에 따라 ${s.num(f.restart.delayMs)}ms 뒤 다시 시작합니다`]
        : []),
    ],
    removed: (f, s) => [
      `컨테이너 ${s.path(short(f.container))}(${f.name})의 쓰기 가능 레이어를 지웠습니다: ${s.path(f.upperDir)} (바뀐 내용 ${s.num(f.bytes)}바이트)`,
      `이미지의 읽기 전용 레이어 ${s.num(f.imageLayers)}개는 그대로 남습니다: 이미지와 다른 컨테이너가 함께 씁니다`,
    ],
    exec: (f, s) => [
      `새 프로세스 ${f.command}: 컨테이너 ${f.name}의 네임스페이스에 들어갔습니다 — 호스트 PID ${s.num(f.hostPid)} = 컨테이너 안 PID ${s.num(f.nsPid)}`,
      `PID 1과 같은 네임스페이스: ${ns(f.namespaces, s)}`,
      `같은 컨트롤 그룹: ${s.path(f.cgroup)}`,
    ],
    pull: (f, s) => {
      const fetched = f.layers.filter((l) => !l.present);
      const had = f.layers.filter((l) => l.present);
      const list = (ls: typeof f.layers) => {
        const { shown, rest } = firstOf(ls, 8, (k) => `외 ${k}개`);
        return [...shown.map((l) => s.path(short(l.digest))), ...(rest ? [rest] : [])].join(', ');
      };
      if (f.upToDate)
        return [
          `${f.ref}: 이미 최신입니다 — 이미지 ${s.path(short(f.imageId))}, 레이어 ${s.num(f.layers.length)}개가 모두 저장되어 있습니다`,
        ];
      return [
        `${f.ref}: 이미지 ${s.path(short(f.imageId))}, 다이제스트로 확인한 레이어 ${s.num(f.layers.length)}개`,
        ...(fetched.length ? [`내려받음 (${s.num(fetched.length)}개): ${list(fetched)}`] : []),
        ...(had.length ? [`레이어 저장소에 이미 있어 받지 않음 (${s.num(had.length)}개): ${list(had)}`] : []),
      ];
    },
    'build-run': (f, s) => [
      `임시 컨테이너에서 실행: \`${f.step}\` — 호스트 PID ${s.num(f.hostPid)}, 종료 코드 ${s.num(f.exitCode)}`,
      `새 네임스페이스 ${ns(f.namespaces, s)}; 컨트롤 그룹 ${s.path(f.cgroup)}는 끝난 뒤 삭제`,
    ],
    'build-step': (f, s) => {
      const lines = [
        `${f.step}: ${f.cached ? s.good('캐시 사용') : s.bad('새로 빌드')} — ${reasons[f.reason]}`,
      ];
      if (f.parent) lines.push(`부모 이미지 ${s.path(short(f.parent))} → ${s.path(short(f.result))}`);
      for (const c of f.changed ?? []) {
        lines.push(
          c.before && c.after
            ? `${c.path} 변경: ${s.path(short(c.before))} → ${s.path(short(c.after))}`
            : c.after
              ? `${c.path} 새로 생김: ${s.path(short(c.after))}`
              : `${c.path} 없어짐 (이전 ${s.path(short(c.before ?? ''))})`,
        );
      }
      if (f.cached && f.files?.length) {
        const { shown, rest } = firstOf(f.files, 5, (k) => `외 파일 ${k}개`);
        lines.push(
          `체크섬: ${[...shown.map((x) => `${x.path} ${s.path(short(x.checksum))}`), ...(rest ? [rest] : [])].join(', ')}`,
        );
      }
      return lines;
    },
  },
};
