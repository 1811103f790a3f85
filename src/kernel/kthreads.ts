/**
 * Kernel threads of a booted 6.8 kernel, children of kthreadd (PID 2). Names ending in `*` are
 * idle workqueues (state I); the rest sleep (S). The per-CPU ones repeat for each CPU.
 */
export interface KernelThread {
  pid: number;
  comm: string;
  idle: boolean;
}

const EARLY =
  'kthreadd rcu_gp* rcu_par_gp* slub_flushwq* netns* - kworker/0:0H-events_highpri* - mm_percpu_wq* ' +
  'rcu_tasks_kthread* rcu_tasks_rude_kthread* rcu_tasks_trace_kthread* ksoftirqd/0 rcu_preempt* migration/0 ' +
  'idle_inject/0 cpuhp/0';
const PER_CPU = 'cpuhp/N idle_inject/N migration/N ksoftirqd/N - kworker/N:0H-events_highpri*';
const LATER =
  '- - - kdevtmpfs inet_frag_wq* kauditd - khungtaskd oom_reaper writeback* - kcompactd0 ksmd khugepaged - ' +
  'kintegrityd* kblockd* blkcg_punt_bio* - tpm_dev_wq* ata_sff* md* - edac-poller* devfreq_wq* watchdogd - ' +
  'kworker/1:1H-kblockd* kswapd0 ecryptfs-kthread - kthrotld* scsi_eh_0 scsi_tmf_0*';
/** Threads started once the root filesystem is mounted, with the PID gap before each. */
const MOUNTED: [gap: number, name: string][] = [
  [143, 'jbd2/sda2-8'],
  [1, 'ext4-rsv-conver*'],
  [37, 'kworker/u8:2-events_unbound*'],
  [35, 'kworker/0:2-events*'],
];

export function kernelThreads(cpus: number): KernelThread[] {
  const out: KernelThread[] = [];
  let pid = 2;
  const take = (name: string) => {
    if (name !== '-') out.push({ pid, comm: name.replace(/\*$/, ''), idle: name.endsWith('*') });
    pid++;
  };
  EARLY.split(' ').forEach(take);
  for (let c = 1; c < cpus; c++) PER_CPU.replaceAll('N', String(c)).split(' ').forEach(take);
  LATER.split(' ').forEach(take);
  for (const [gap, name] of MOUNTED) {
    pid += gap - 1;
    take(name);
  }
  return out;
}
