#!/usr/bin/env bash
# Brings up a single-node Slurm cluster on this machine (Debian's slurmctld, slurmd and munge), for the
# cluster test (test/cluster/). Idempotent: a cluster that already answers `scontrol ping` is left as it
# is. Needs root. Installs the packages when missing. Writes its state under $SLURM_UP_DIR
# (default /var/tmp/learndyn-slurm) and prints the PIDs of the daemons it started.
#
# Why each line is here: see the comments; facts measured on Debian 12 with Slurm 22.05.
set -euo pipefail
dir=${SLURM_UP_DIR:-/var/tmp/learndyn-slurm}

if command -v scontrol >/dev/null 2>&1 && scontrol ping 2>/dev/null | grep -q "is UP"; then
  echo "slurm-up: a controller already answers; leaving it"
  exit 0
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  # --no-install-recommends: 5 packages instead of slurm-wlm's 23.
  apt-get update && apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge
fi

mkdir -p "$dir/state" "$dir/spool" "$dir/log"

# munge: no systemd here, so nothing makes its key or its runtime folder.
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge
# A munged that is only a zombie (this VM's PID 1 reaps late) does not count as running.
if ! ps -eo stat=,comm= | awk '$1 !~ /^Z/ && $2 == "munged"' | grep -q .; then
  setsid setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F >"$dir/log/munged.log" 2>&1 &
  echo "slurm-up: munged pid $!"
fi
for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
munge -n | unmunge >/dev/null

host=$(hostname -s)
# The node line verbatim from slurmd -C (its first line), so CPUs and memory match what slurmd finds.
node_line=$(slurmd -C | head -n 1)
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=learndyn
SlurmctldHost=${host}(127.0.0.1)
AuthType=auth/munge
# No mail program is installed; without this slurmctld refuses "Configured MailProg is invalid".
MailProg=/bin/true
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
# Process groups: scancel and requeue then reach every process of a task (proctrack/linuxproc mis-parses
# npm's renamed process and lets it run on as an orphan).
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
${node_line} NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

# -c: a cold start. After a kill -9 of the controller, a warm start brought a finished job back as RUNNING.
setsid /usr/sbin/slurmctld -D -c >"$dir/log/slurmctld.out" 2>&1 &
echo "slurm-up: slurmctld pid $!"
setsid /usr/sbin/slurmd -D >"$dir/log/slurmd.out" 2>&1 &
echo "slurm-up: slurmd pid $!"

for _ in $(seq 300); do
  if scontrol ping 2>/dev/null | grep -q "is UP" && sinfo -h -o %T 2>/dev/null | grep -qE "^idle"; then
    srun -N1 -t 1 hostname >/dev/null
    echo "slurm-up: cluster up ($(sinfo -h -o '%N %c CPUs %T'))"
    exit 0
  fi
  sleep 0.2
done
echo "slurm-up: the cluster did not come up in 60 s; logs in $dir/log:" >&2
tail -n 20 "$dir/log/"*.log >&2 || true
exit 1
