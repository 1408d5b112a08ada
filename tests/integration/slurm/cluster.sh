#!/usr/bin/env bash
# A real single-node SLURM cluster for tests (slurmctld, slurmd and munge from Debian's packages),
# following ../shared/design/SLURM.md:
#   bash cluster.sh start DIR   starts munged (unless one answers), slurmctld and slurmd with a
#                               slurm.conf in DIR, waits until the node is idle, and prints
#                               `export SLURM_CONF=DIR/slurm.conf`
#   bash cluster.sh stop DIR    stops what `start` started (by the pids it recorded, never by name)
# Callers stop it from a trap, so that a failing test leaves no daemons behind.
set -euo pipefail
cmd=${1:?usage: cluster.sh start|stop DIR}
dir=$(mkdir -p "${2:?usage: cluster.sh start|stop DIR}" && cd "$2" && pwd)

wait_gone() {  # pid
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

stop() {
  for f in slurmd.pid slurmctld.pid munged.pid.ours; do
    [ -s "$dir/$f" ] || continue
    pid=$(cat "$dir/$f")
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid"
    rm -f "$dir/$f"
  done
}

start() {
  for p in slurmctld slurmd munged sbatch; do
    command -v "$p" >/dev/null || { echo "cluster.sh: $p is not installed (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
  done
  # munge: /run/munge does not exist without systemd; munged refuses to run as root.
  if ! munge -n >/dev/null 2>&1; then
    mkdir -p /run/munge && chown munge:munge /run/munge
    [ -s /etc/munge/munge.key ] || { mungekey --create >/dev/null 2>&1 || /usr/sbin/create-munge-key -f >/dev/null; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
    runuser -u munge -- /usr/sbin/munged
    for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n >/dev/null 2>&1 || { echo "cluster.sh: munged does not answer" >&2; exit 1; }
    cp /run/munge/munged.pid "$dir/munged.pid.ours"
  fi
  mkdir -p "$dir/state" "$dir/spool"
  node=$(slurmd -C | head -1 | grep -o 'CPUs=.*' | sed 's/ UpTime.*//')
  cat > "$dir/slurm.conf" <<CONF
ClusterName=tribune-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=cred_expire=10
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.txt
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 $node
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  echo "CgroupPlugin=cgroup/v1" > "$dir/cgroup.conf"
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -f "$SLURM_CONF" -c
  slurmd -f "$SLURM_CONF" -N localhost
  for _ in $(seq 100); do
    [ "$(sinfo -h -N -o %T 2>/dev/null | head -1)" = idle ] && { echo "export SLURM_CONF=$SLURM_CONF"; return 0; }
    sleep 0.2
  done
  echo "cluster.sh: the node did not become idle; see $dir/slurmctld.log and $dir/slurmd.log" >&2
  stop
  exit 1
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
