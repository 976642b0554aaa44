#!/usr/bin/env bash
# A real single-node Slurm cluster in one directory, for trying the scale-out recipes on a
# laptop and for the tests (tests/cli/scale_out_slurm.sh); docs/montecarlo.md explains the
# configuration. Needs root and Debian's slurm-wlm and munge (tools/install-deps.sh).
#
#   tools/local-slurm.sh start DIR   # prints the `export SLURM_CONF=...` to use
#   tools/local-slurm.sh stop DIR
#
# Everything lives in DIR: a private munge key, socket and daemon (an existing system munge
# key or daemon is not touched), slurm.conf on free loopback ports, state, spool, logs.
# slurmctld and slurmd run on this host, with proctrack/linuxproc and task/none (no
# cgroups). Every daemon started is recorded by process id in DIR/pids and stopped by that
# id, never by name. Sourced, it defines local_slurm_start and local_slurm_stop; start
# returns 77 (the tests' "skipped") with the reason on stderr when the daemons cannot run.

# The text of slurm.conf for a cluster in DIR (shown in docs/montecarlo.md, checked by
# tests/cli/scale_out_docs.sh).
local_slurm_conf() {
  local dir=$1 host=$2 ctld_port=$3 slurmd_port=$4 cpus=$5
  cat <<EOF
# A one-node cluster for tests and trials: tools/local-slurm.sh, docs/montecarlo.md.
ClusterName=irdrill-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

_local_slurm_skip() {
  echo "local-slurm: cannot start a Slurm cluster here: $*" >&2
  return 77
}

# A TCP port nothing listens on, from 20000-59999 (a random start, so that two clusters
# started at once rarely race for one port).
_local_slurm_free_port() {
  local port taken=$1
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [ "$port" != "$taken" ] || continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Waits up to $1 seconds for the command "$2..." to succeed.
_local_slurm_wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# Waits up to $2 seconds for "$3..." to succeed while process $1 runs.
_local_slurm_wait_while_alive() {
  local pid=$1 deadline=$((SECONDS + $2))
  shift 2
  until "$@"; do
    kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

_local_slurm_node_idle() {
  [ "$(sinfo -h -o %T 2>/dev/null)" = idle ]
}

# Starts munged, slurmctld and slurmd with everything in DIR (created; it must not hold a
# running cluster); exports SLURM_CONF. Returns 77 with the reason when they cannot run.
local_slurm_start() {
  local dir=$1
  [ "$(id -u)" -eq 0 ] || { _local_slurm_skip "not root (slurmd runs jobs as their users, so it must be root)"; return; }
  local tool
  for tool in munged munge slurmctld slurmd sbatch squeue sinfo scontrol scancel; do
    command -v "$tool" >/dev/null 2>&1 ||
      { _local_slurm_skip "'$tool' is not installed (Debian packages slurm-wlm and munge; tools/install-deps.sh)"; return; }
  done
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # munged wants its socket directory and every directory above it searchable by all,
  # and its key readable by it alone.
  local above=$dir
  while above=$(dirname "$above") && [ "$above" != / ]; do
    [ "$(( $(stat -c '0%a' "$above") & 1 ))" = 1 ] ||
      { _local_slurm_skip "munged needs every directory above its socket searchable by all: '$above' is not (chmod o+x)"; return; }
  done
  chmod 711 "$dir"
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool"
  chmod 711 "$dir/munge"
  : >"$dir/pids"
  head -c 1024 /dev/urandom >"$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --foreground --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed" \
    --log-file="$dir/munge/munged.log" >"$dir/munged.log" 2>&1 &
  local munged_pid=$!
  echo "munged $munged_pid" >>"$dir/pids"
  if ! _local_slurm_wait_while_alive "$munged_pid" 10 munge -n -S "$dir/munge/munge.socket" >/dev/null 2>&1; then
    _local_slurm_skip "munged did not start: $(tail -n 3 "$dir/munged.log" | tr '\n' ' ')"
    return
  fi

  local host ctld_port slurmd_port
  host=$(hostname -s)
  ctld_port=$(_local_slurm_free_port 0) && slurmd_port=$(_local_slurm_free_port "$ctld_port") ||
    { _local_slurm_skip "no free TCP port on 127.0.0.1"; return; }
  local_slurm_conf "$dir" "$host" "$ctld_port" "$slurmd_port" "$(nproc)" >"$dir/slurm.conf"
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -D -f "$SLURM_CONF" >"$dir/slurmctld.out" 2>&1 &
  echo "slurmctld $!" >>"$dir/pids"
  local slurmctld_pid=$!
  slurmd -D -f "$SLURM_CONF" >"$dir/slurmd.out" 2>&1 &
  echo "slurmd $!" >>"$dir/pids"
  if ! _local_slurm_wait_while_alive "$slurmctld_pid" 30 _local_slurm_node_idle; then
    _local_slurm_skip "the node did not become idle within 30 s: sinfo says '$(sinfo -h -o %T 2>&1)';" \
      "slurmctld: $(tail -n 2 "$dir/slurmctld.log" "$dir/slurmctld.out" 2>/dev/null | tr '\n' ' ')" \
      "slurmd: $(tail -n 2 "$dir/slurmd.log" "$dir/slurmd.out" 2>/dev/null | tr '\n' ' ')"
    return
  fi
}

# True while process $1 is the daemon $2 that was recorded (not a process that took over
# its id later) and has not ended (a zombie whose parent has gone counts as ended).
_local_slurm_running() {
  local state
  state=$(ps -o stat=,comm= -p "$1" 2>/dev/null) || return 1
  [[ $state != Z* ]] && [ "${state##* }" = "$2" ]
}

# Cancels the cluster's jobs, then stops the daemons recorded in DIR/pids (the last
# started first) by process id: SIGTERM, then SIGKILL after 10 s. Safe to call twice, or
# after a start that failed half-way.
local_slurm_stop() {
  local dir=$1
  [ -f "$dir/pids" ] || return 0
  if [ -f "$dir/slurm.conf" ] && command -v scancel >/dev/null 2>&1; then
    SLURM_CONF=$dir/slurm.conf scancel --full --user="$(id -un)" >/dev/null 2>&1 || true
    SLURM_CONF=$dir/slurm.conf _local_slurm_wait_for 10 \
      bash -c '[ -z "$(squeue -h 2>/dev/null)" ]' >/dev/null 2>&1 || true
  fi
  local name pid
  while read -r name pid; do
    _local_slurm_running "$pid" "$name" || continue
    kill -TERM "$pid" 2>/dev/null || continue
    # A child of this shell is reaped by wait; one started by an earlier `start` is polled.
    wait "$pid" 2>/dev/null || true
    if ! _local_slurm_wait_for 10 eval "! _local_slurm_running $pid $name"; then
      echo "local-slurm: $name (pid $pid) did not stop on SIGTERM: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done < <(tac "$dir/pids")
  : >"$dir/pids"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case ${1:-} in
  start)
    [ $# -eq 2 ] || { echo "usage: $0 start DIR" >&2; exit 2; }
    if ! local_slurm_start "$2"; then
      local_slurm_stop "$2"
      exit 77
    fi
    echo "Slurm is running (node $(hostname -s), processes in $2/pids). Use it with:"
    echo "  export SLURM_CONF=$SLURM_CONF"
    echo "Stop it with: $0 stop $2"
    ;;
  stop)
    [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
    local_slurm_stop "$2"
    ;;
  *)
    echo "usage: $0 start DIR | stop DIR" >&2
    exit 2
    ;;
  esac
fi
