/**
 * The learner's own computer under Docker Desktop: a Mac or a Windows PC, with Docker Desktop's
 * processes on it. The engine and every container run inside Desktop's Linux VM, so this computer's
 * process list shows the VM as one process (Apple's Virtualization framework, or WSL 2's vmmemWSL)
 * and never a container's nginx or mysqld.
 */

export interface DesktopProcess {
  pid: number;
  ppid: number;
  user: string;
  /** Resident memory in KiB; the VM's is measured from the engine's Linux machine instead. */
  rssKib: number;
  /** CPU seconds so far. */
  cpu: number;
  tty?: string;
  command: string;
  /** Marks the process holding the Linux VM's memory. */
  vm?: boolean;
}

const APP = '/Applications/Docker.app/Contents';
const MAC_DATA = '/Users/learner/Library/Containers/com.docker.docker/Data';

/** A Mac with an Intel processor (so the amd64 images run natively in the VM), macOS 15.5. */
export const MAC = {
  hostname: 'learners-MacBook-Pro.local',
  darwin: '24.5.0',
  darwinVersion:
    'Darwin Kernel Version 24.5.0: Tue Apr 22 19:54:29 PDT 2025; root:xnu-11417.121.6~2/RELEASE_X86_64',
  product: { name: 'macOS', version: '15.5', build: '24F74' },
  memKib: 16 * 1024 * 1024,
};

export function macProcesses(cpus: number, vmMemoryMib: number): DesktopProcess[] {
  const p = (pid: number, ppid: number, user: string, rssKib: number, cpu: number, command: string) => ({
    pid,
    ppid,
    user,
    rssKib,
    cpu,
    command,
  });
  return [
    p(1, 0, 'root', 24_312, 95.2, '/sbin/launchd'),
    p(88, 1, 'root', 11_204, 12.4, '/usr/libexec/logd'),
    p(91, 1, 'root', 9_816, 3.1, '/usr/libexec/UserEventAgent (System)'),
    p(
      156,
      1,
      '_windowserver',
      212_480,
      340.7,
      '/System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer -daemon',
    ),
    p(402, 1, 'learner', 98_332, 41.0, '/System/Library/CoreServices/Finder.app/Contents/MacOS/Finder'),
    p(611, 1, 'learner', 184_064, 62.3, `${APP}/MacOS/Docker Desktop.app/Contents/MacOS/Docker Desktop`),
    p(618, 1, 'learner', 142_900, 88.6, `${APP}/MacOS/com.docker.backend services`),
    p(
      640,
      618,
      'learner',
      38_400,
      9.8,
      `${APP}/MacOS/com.docker.virtualization --kernel ${APP}/Resources/linuxkit/kernel --disk ${MAC_DATA}/vms/0/data/Docker.raw --cpus ${cpus} --memory ${vmMemoryMib}`,
    ),
    {
      ...p(
        641,
        1,
        'learner',
        0,
        512.4,
        '/System/Library/Frameworks/Virtualization.framework/Versions/A/XPCServices/com.apple.Virtualization.VirtualMachine.xpc/Contents/MacOS/com.apple.Virtualization.VirtualMachine',
      ),
      vm: true,
    },
    p(803, 1, 'learner', 61_200, 14.2, '/System/Applications/Utilities/Terminal.app/Contents/MacOS/Terminal'),
    { ...p(812, 809, 'learner', 5_120, 0.3, '-zsh'), tty: 'ttys000' },
  ];
}

/** Windows 11 24H2 with Docker Desktop's WSL 2 back end. */
export const WINDOWS = {
  hostname: 'LEARNER-PC',
  version: 'Microsoft Windows [Version 10.0.26100.4061]',
  memKib: 16 * 1024 * 1024,
};

export function windowsProcesses(): DesktopProcess[] {
  const p = (pid: number, rssKib: number, command: string, user = 'learner') => ({
    pid,
    ppid: 4,
    user,
    rssKib,
    cpu: 1,
    command,
  });
  return [
    p(0, 8, 'System Idle Process', 'SYSTEM'),
    p(4, 1_536, 'System', 'SYSTEM'),
    p(152, 61_220, 'Registry', 'SYSTEM'),
    p(612, 1_208, 'smss.exe', 'SYSTEM'),
    p(836, 6_472, 'csrss.exe', 'SYSTEM'),
    p(948, 7_344, 'wininit.exe', 'SYSTEM'),
    p(1020, 12_860, 'services.exe', 'SYSTEM'),
    p(1036, 25_004, 'lsass.exe', 'SYSTEM'),
    p(1168, 31_772, 'svchost.exe', 'SYSTEM'),
    p(4312, 186_420, 'explorer.exe'),
    p(6120, 21_880, 'wslservice.exe', 'SYSTEM'),
    { ...p(6388, 0, 'vmmemWSL', 'SYSTEM'), vm: true },
    p(7004, 176_512, 'Docker Desktop.exe'),
    p(7216, 131_096, 'com.docker.backend.exe'),
    p(8840, 98_300, 'WindowsTerminal.exe'),
    p(9012, 88_716, 'powershell.exe'),
  ];
}
