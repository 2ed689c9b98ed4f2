#!/usr/bin/env bash
# A one-node Slurm cluster on this machine (munged + slurmctld + slurmd from Debian's slurm-wlm), for
# tests/regrade/test_slurm.py, which submits deploy/slurm/*.sbatch to it. Run as root; idempotent: a
# rerun leaves running daemons alone unless slurm.conf changed, and every wait is bounded.
# State, spool, logs and pid files live under $STATE; the config is /etc/slurm/slurm.conf (where
# sbatch, squeue and scontrol look). An /etc/slurm/slurm.conf not written by this script is never
# overwritten: the machine already belongs to a real cluster.
set -euo pipefail

STATE=${RACECOURSE_SLURM_STATE:-/var/lib/racecourse/slurm}
CONF=/etc/slurm/slurm.conf
MARK="# Written by Racecourse's .ci/setup/20-slurm.sh: a one-node test cluster."
WAIT_SECONDS=60

say() { echo "20-slurm: $*"; }
die() { echo "20-slurm: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts daemons): sudo bash $0"

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
        || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
fi

# munge: Debian's postinst makes the key; make one if it is missing (a minimal image, a purge).
if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key
fi
chown munge:munge /etc/munge/munge.key && chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge

host=$(hostname -s)
# The node's memory as the job's --mem sees it: what the kernel reports, less 10% for the system.
memory_mib=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)

install -d -o slurm -g slurm -m 0755 "$STATE" "$STATE/ctld" "$STATE/log" "$STATE/run"
install -d -o root -g root -m 0755 "$STATE/d"

new_conf=$(cat <<EOF
$MARK
# Only loopback traffic: the controller and the node are both 127.0.0.1. No accounting database.
ClusterName=racecourse
SlurmctldHost=$host(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/run/slurmctld.pid
SlurmdPidFile=$STATE/run/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
# No cgroups (containers and CI machines may not delegate them): processes tracked through /proc.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
# No MPI and no mail: the jobs are plain scripts.
MpiDefault=none
MailProg=/bin/true
# CPUs are allocated one by one, so two 1-CPU tasks share the node; memory is checked, not tracked.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# A node that restarts with a valid configuration comes back by itself; a finished job's state
# stays visible to scontrol for 5 minutes (there is no sacct without accounting).
ReturnToService=2
MinJobAge=300
# A job whose afterok dependency can never be met is cancelled instead of pending for ever.
SchedulerParameters=kill_invalid_depend
SlurmdParameters=config_overrides
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 RealMemory=$memory_mib State=UNKNOWN
PartitionName=racecourse Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)

conf_changed=no
if [ -e "$CONF" ] && ! head -n 1 "$CONF" | grep -qxF "$MARK"; then
    die "$CONF exists and was not written by Racecourse: this machine has its own Slurm; leaving it alone"
fi
if [ "$(cat "$CONF" 2>/dev/null)" != "$new_conf" ]; then
    printf '%s\n' "$new_conf" > "$CONF.racecourse-tmp" && mv "$CONF.racecourse-tmp" "$CONF"
    conf_changed=yes
    say "wrote $CONF (node $host, 2 CPUs, ${memory_mib} MiB)"
fi

# running PIDFILE NAME: the pid file names a live process called NAME.
running() {
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 1
    [ -n "$pid" ] && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = "$2" ]
}

# stop PIDFILE NAME: ends that one daemon (by its pid, never by name) and waits, bounded, for it to go.
stop() {
    running "$1" "$2" || return 0
    local pid
    pid=$(cat "$1")
    kill "$pid"
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        running "$1" "$2" || return 0
        sleep 0.2
    done
    die "$2 (pid $pid) did not stop within ${WAIT_SECONDS}s"
}

# wait_for WHAT COMMAND...: retries COMMAND until it succeeds, for at most WAIT_SECONDS.
wait_for() {
    local what=$1; shift
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    die "$what not ready within ${WAIT_SECONDS}s; logs: /var/log/munge/munged.log, $STATE/log/"
}

if [ $conf_changed = yes ]; then
    stop "$STATE/run/slurmd.pid" slurmd
    stop "$STATE/run/slurmctld.pid" slurmctld
fi

if ! { munge -n </dev/null | unmunge; } >/dev/null 2>&1; then
    say "starting munged"
    rm -f /run/munge/munged.pid
    runuser -u munge -- /usr/sbin/munged
    wait_for "munged" sh -c 'munge -n </dev/null | unmunge'
fi

if ! running "$STATE/run/slurmctld.pid" slurmctld; then
    say "starting slurmctld"
    # -c: a cold start forgets jobs of an earlier run (their folders are gone; --requeue would rerun them).
    /usr/sbin/slurmctld -c
    wait_for "slurmctld" scontrol ping
fi

if ! running "$STATE/run/slurmd.pid" slurmd; then
    say "starting slurmd"
    /usr/sbin/slurmd
fi

# Ready means the node takes jobs: idle (or already running some) in the default partition.
node_ready() {
    sinfo -h -N -n "$host" -o '%T' | grep -qE '^(idle|mixed|allocated|completing)$'
}
wait_for "node $host" node_ready
say "ready: $(sinfo -h -N -n "$host" -o '%N %T %c CPUs %m MiB')"
