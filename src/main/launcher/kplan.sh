#!/bin/sh
# kplan launcher. This shell script is followed, in the same file, by the kplan jar.
#
# Start-up: the JVM's class-data sharing (CDS). On the first run a background process lists the
# classes kplan loads (kplan __warmup exercises loading, scheduling, checking and writing) and
# dumps a static archive of them under ${XDG_CACHE_HOME:-~/.cache}/kplan; later runs map it and
# start several times faster. The archive is keyed by the time, size and inode of this file and of
# the java binary that runs it; a stale, missing or unusable archive is ignored silently
# (-Xshare:auto, logging off), never an error.
# KPLAN_CDS=0 turns this off; KPLAN_JAVA_OPTS adds JVM options.
# key A B: the archive key from the two lines stat prints (the launcher's and java's)
key() {
  id=
  [ $# -eq 2 ] && id=$1-$2
}
self=$0
case $self in /*) ;; *) self=${PWD:-$(pwd)}/$self ;; esac
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
opts="-XX:TieredStopAtLevel=1 -XX:-UsePerfData"
# The garbage collector: for one command the JVM's default (G1), which maps the archive's
# pre-built heap objects and module graph and so starts sooner; for a batch (kplan calendar, or a
# directory among the arguments) the serial collector, which is faster and smaller there.
# A collector named in KPLAN_JAVA_OPTS or JDK_JAVA_OPTIONS wins.
# A batch also compiles sooner (at half the usual invocation and loop counts): its hot methods
# run interpreted for less of the run, which pays for the few more methods compiled.
gc=
batch=
[ "${1-}" = calendar ] && batch=-XX:CompileThresholdScaling=0.5
for a in "$@"; do
  if [ -d "$a" ]; then batch=-XX:CompileThresholdScaling=0.5; break; fi
done
case " ${KPLAN_JAVA_OPTS-} ${JDK_JAVA_OPTIONS-} " in
  *GC\ *) ;;
  *) [ -n "$batch" ] && gc=-XX:+UseSerialGC ;;
esac
if [ "${KPLAN_CDS:-1}" != 0 ]; then
  cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/kplan
  # the java binary, found as the shell finds it; this runs on every start, so one subprocess in all
  case $java in
    */*) bin=$java ;;
    *)
      bin=
      ifs=$IFS
      IFS=:
      set -f
      for d in $PATH; do
        if [ -f "${d:-.}/java" ] && [ -x "${d:-.}/java" ]; then bin=${d:-.}/java; break; fi
      done
      set +f
      IFS=$ifs
      ;;
  esac
  # GNU and BusyBox stat, else BSD stat: one line per file, joined by key(); anything else (or no
  # java found) falls back to a checksum of ls, so the key is always one word of digits
  set -f
  key $(stat -L -c '%Y-%s-%i' "$self" "$bin" 2>/dev/null || stat -L -f '%m-%z-%i' "$self" "$bin" 2>/dev/null)
  set +f
  case $id in
    '' | *[!0-9-]* | -* | *-) id=$( { ls -lLn "$self" "$bin"; printf '%s' "$self"; } 2>/dev/null | cksum | cut -d' ' -f1) ;;
  esac
  jsa=$cache/kplan-$id.jsa
  if [ -f "$jsa" ]; then
    opts="$opts -XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:disable -Xlog:all=error:stderr"
  elif mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
    find "$cache" \( \( -name '*.lock' -mmin +10 \) -o \( -name 'kplan-*.jsa' -atime +30 \) \) -exec rm -f {} + 2>/dev/null
  fi
  if [ ! -f "$jsa" ] && [ -d "$cache" ] && [ ! -f "$jsa.lock" ]; then
    (
      : > "$jsa.lock"
      tmp=$jsa.$$.tmp
      lst=$jsa.$$.classes
      # a static archive from the list of classes __warmup loads: unlike a dynamic archive
      # (-XX:ArchiveClassesAtExit) on Java 17 it can hold picocli, whose classes are in the old
      # (Java 5) class-file format, and that is most of kplan's start-up
      "$java" $opts -XX:DumpLoadedClassList="$lst" -Xlog:disable -jar "$self" __warmup >/dev/null 2>&1 </dev/null \
        && "$java" $opts -Xshare:dump -XX:SharedClassListFile="$lst" -XX:SharedArchiveFile="$tmp" -Xlog:disable -cp "$self" >/dev/null 2>&1 </dev/null \
        && [ -s "$tmp" ] && mv -f "$tmp" "$jsa"
      rm -f "$tmp" "$lst" "$jsa.lock"
      # keep the three newest archives (one per kplan build and Java in use)
      ls -t "$cache"/kplan-*.jsa 2>/dev/null | tail -n +4 | while read -r old; do rm -f "$old"; done
    ) >/dev/null 2>&1 </dev/null &
  fi
fi
exec "$java" $opts $gc $batch $KPLAN_JAVA_OPTS -jar "$self" "$@"
